import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../config/config';
import { type EmbeddedStack, startEmbeddedStack } from '../stack/embedded';
import { freePort } from '../stack/ports';

// Every bench measures a stack of its own, in a fresh data directory it removes afterwards, so that
// one bench's data never weighs on another's figures.

/** Runs `measure` against a fresh embedded stack with the bench's settings beside `env`, and stops the stack after it. */
export async function withBenchStack(name: string, env: Record<string, string>, measure: (stack: EmbeddedStack, config: Config) => Promise<void>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `amtsflow-bench-${name}-`));
  // The embedded PostgreSQL runs as its own system user, which must enter the directory.
  fs.chmodSync(dataDir, 0o755);
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ADMIN_PASSWORD: 'Bench-Admin-Passwort',
    LOGIN_RATE_LIMIT: '100000',
    ...env,
  });
  const stops: (() => Promise<void>)[] = [];
  const quiet = (msg: string) => (process.env.BENCH_VERBOSE ? console.log(msg) : undefined);
  console.log('starting the embedded stack (it builds the console when admin/dist is stale) …');
  try {
    const stack = await startEmbeddedStack(config, (s) => stops.push(s), quiet);
    await measure(stack, config);
  } finally {
    for (const stop of stops.reverse()) await stop().catch((e: Error) => console.error(e.message));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A bench's entry point: exits 0 after its figures, 1 with the error. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
