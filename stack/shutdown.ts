import { ConfigError } from '../config/config';
import { StackError } from './errors';

type Stop = () => Promise<void>;

/**
 * Runs a process until SIGINT/SIGTERM, then stops its parts in reverse order. A second
 * Ctrl-C exits at once; a start that fails stops what did start and explains itself, and so
 * does a part that gives up later (`fail`, e.g. a server that will not stay up): exit code 1.
 */
export async function runUntilSignal(
  name: string,
  start: (onStop: (stop: Stop) => void, fail: (message: string) => void) => Promise<void>,
): Promise<void> {
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

  const fail = (message: string) => {
    if (stopping) return;
    console.error(`\n[${name}] ${message}\n`);
    void shutdown(1);
  };

  try {
    await start((stop) => stops.push(stop), fail);
  } catch (err) {
    if (err instanceof StackError || err instanceof ConfigError) console.error(`\n[${name}] ${err.message}\n`);
    else console.error(`[${name}] start failed:`, err);
    await shutdown(1);
  }
}
