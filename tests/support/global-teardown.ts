import fs from 'node:fs';
import { STACK_FILE } from './stack-env';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.amtsflowStack;
  if (!stack) return;
  const code = await stack.process.stop('SIGTERM', 60_000);
  if (code !== 0) process.stderr.write(`[test] the stack exited with ${code}:\n${stack.process.output().slice(-3000)}\n`);
  fs.rmSync(stack.dataDir, { recursive: true, force: true });
  fs.rmSync(STACK_FILE, { force: true });
}
