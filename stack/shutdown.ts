import { ConfigError } from '../config/config';
import { StackError } from './errors';

type Stop = () => Promise<void>;

/**
 * Runs a process until SIGINT/SIGTERM, then stops its parts in reverse order. A second
 * Ctrl-C exits at once; a start that fails stops what did start and explains itself.
 */
export async function runUntilSignal(name: string, start: (onStop: (stop: Stop) => void) => Promise<void>): Promise<void> {
  const stops: Stop[] = [];
  let stopping = false;

  async function shutdown(code: number): Promise<never> {
    if (stopping) process.exit(code);
    stopping = true;
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        console.error(`[${name}] while stopping: ${(err as Error).message}`);
      }
    }
    process.exit(code);
  }

  // SIGHUP: the terminal was closed; without a handler node dies without running exit hooks.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) {
        console.error(`[${name}] forced exit`);
        process.exit(130);
      }
      console.log(`\n[${name}] ${signal} received, stopping …`);
      void shutdown(0);
    });
  }

  try {
    await start((stop) => stops.push(stop));
  } catch (err) {
    if (err instanceof StackError || err instanceof ConfigError) console.error(`\n[${name}] ${err.message}\n`);
    else console.error(`[${name}] start failed:`, err);
    await shutdown(1);
  }
}
