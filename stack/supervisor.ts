import { formatDuration } from './processes';

/** A server the embedded stack runs: it says when it ended on its own, and stops when asked. */
export interface SupervisedServer {
  /** Resolves with how it ended (signal, exit code, "closed") — also after stop(), which the supervisor ignores then. */
  readonly ended: Promise<string>;
  stop(): Promise<void>;
}

export interface SupervisorOptions {
  log: (msg: string) => void;
  /** Called once, with the reason, when the server keeps dying or cannot be started again: the stack should end, saying it. */
  giveUp: (message: string) => void;
  /** First delay before a restart; doubled after each failure in a row, up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** More than this many deaths or failed starts within windowMs is a server that will not stay up. */
  maxFailures?: number;
  windowMs?: number;
  /** A server up this long has recovered: the next death starts the backoff from the beginning. */
  stableMs?: number;
}

export interface Supervisor<S extends SupervisedServer> {
  /** The server as first started: its address (port, URL) stays valid across restarts. */
  readonly first: S;
  /** The server now running (after a restart, the new one); undefined while it is down. */
  current(): S | undefined;
  /** How many times it was started again. */
  restarts(): number;
  /** Stops supervising and the server (or the start in progress). */
  stop(): Promise<void>;
}

/** A pause that stop() can end early. */
function sleeper() {
  const waking = new Set<() => void>();
  return {
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waking.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        waking.add(wake);
      }),
    wakeAll: () => {
      for (const wake of [...waking]) wake();
    },
  };
}

/**
 * Starts a server of the embedded stack and starts it again, with the same settings (the same
 * port, the same data), whenever it ends without being asked to: after 1 s, 2 s, 4 s … up to the
 * cap while it keeps failing, with a log line for each death and each return. A server that dies
 * or fails to start more than `maxFailures` times within `windowMs` is given up: `giveUp` is told
 * why, and the stack ends rather than limp on. The first start's failure is the caller's (thrown).
 */
export async function supervise<S extends SupervisedServer>(
  name: string,
  start: () => Promise<S>,
  options: SupervisorOptions,
): Promise<Supervisor<S>> {
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = Math.max(options.maxDelayMs ?? 30_000, initialDelayMs);
  const maxFailures = options.maxFailures ?? 5;
  const windowMs = options.windowMs ?? 5 * 60_000;
  const stableMs = options.stableMs ?? 60_000;
  const { log } = options;

  const first = await start();
  let server: S | undefined = first;
  let upSince = Date.now();
  let stopping = false;
  let restarts = 0;
  let delay = initialDelayMs;
  let failures: number[] = [];
  let restarting: Promise<void> | undefined;
  const pause = sleeper();

  /** False when it is time to give up. */
  function countFailure(reason: string): boolean {
    const now = Date.now();
    failures = [...failures.filter((at) => now - at < windowMs), now];
    if (failures.length <= maxFailures) return true;
    const message =
      `${name} failed ${failures.length} times within ${formatDuration(windowMs)} (last: ${reason}); ` +
      'giving up and stopping the stack. Its log in DATA_DIR says why; start again once that is fixed.';
    options.giveUp(message);
    return false;
  }

  async function restart(reason: string): Promise<void> {
    const diedAt = Date.now();
    if (diedAt - upSince >= stableMs) delay = initialDelayMs;
    if (!countFailure(reason)) return;
    log(`[supervisor] ${name} ended (${reason}); starting it again in ${formatDelay(delay)}`);
    for (;;) {
      await pause.sleep(delay);
      delay = Math.min(delay * 2, maxDelayMs);
      if (stopping) return;
      try {
        const next = await start();
        if (stopping) {
          await next.stop();
          return;
        }
        server = next;
        upSince = Date.now();
        restarts++;
        log(`[supervisor] ${name} is back, ${((upSince - diedAt) / 1000).toFixed(1)} s after it ended (restart ${restarts})`);
        watch(next);
        return;
      } catch (err) {
        const why = `start failed: ${gist((err as Error).message)}`;
        if (stopping || !countFailure(why)) return;
        log(`[supervisor] ${name} could not be started (${why}); trying again in ${formatDelay(delay)}`);
      }
    }
  }

  function watch(running: S): void {
    void running.ended.then((how) => {
      if (stopping || server !== running) return;
      server = undefined;
      restarting = restart(how).finally(() => {
        restarting = undefined;
      });
    });
  }

  watch(server);
  return {
    first,
    current: () => server,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      pause.wakeAll();
      await restarting;
      await server?.stop();
    },
  };
}

/** A start's error in one line: its first (what failed) and, of a log excerpt after it, the last line that says why. */
function gist(message: string): string {
  const [first = 'unknown error', ...rest] = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const why = [...rest].reverse().find((l) => /FATAL|PANIC|ERROR|error|failed|refused|in use/.test(l)) ?? rest[rest.length - 1];
  return why ? `${first} … ${why}` : first;
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
