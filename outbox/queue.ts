import pg from 'pg';

// The delivery loop of a durable queue in PostgreSQL (the mail outbox, the workflow commands): rows
// are written in the transaction of the fact they carry, then claimed and delivered by any number of
// processes. Woken by NOTIFY on the queue's channel, by a poll, and at the earliest retry due.

export interface QueueDispatcherOptions<R> {
  /** Names the queue in log lines ("[mail]", "[commands]"). */
  name: string;
  /** The pg_notify channel writers signal; LISTENed on a dedicated (unpooled) connection. */
  channel: string;
  databaseUrl: string;
  pollMs: number;
  /** Claims one due row (committed, with a lease), or undefined when none is due. */
  claimNext(): Promise<R | undefined>;
  /** Delivers a claimed row: resolves when done, throws to have it retried. */
  deliver(row: R): Promise<void>;
  /** Records the outcome; must not throw for a lost write (the lease then hands the row on). */
  record(row: R, error: unknown): Promise<'done' | 'retry' | 'failed'>;
  /** Milliseconds until the earliest row falls due, null when none waits. */
  nextDueInMs(): Promise<number | null>;
  log: (msg: string) => void;
}

export interface QueueDispatcher {
  /** Delivers every row due now; resolves with how many were delivered. */
  deliverDue(): Promise<number>;
  /** Wakes the loop (a writer in this process committed a row). */
  wake(): void;
  stop(): Promise<void>;
}

const LISTEN_RECONNECT_MIN_MS = 1_000;
const LISTEN_RECONNECT_MAX_MS = 30_000;
// Deliveries pause after a database error instead of spinning on a dead connection.
const DB_ERROR_PAUSE_MS = 1_000;

export function errorText(err: unknown): string {
  // Drizzle wraps the driver's error in "Failed query: <the whole SQL>"; what went wrong is its cause.
  if (err instanceof Error && err.message.startsWith('Failed query:') && err.cause instanceof Error) return errorText(err.cause);
  if (err instanceof Error) {
    const response = (err as Error & { response?: unknown }).response;
    return typeof response === 'string' && !err.message.includes(response) ? `${err.message} (${response})` : err.message;
  }
  return String(err);
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function startQueueDispatcher<R>(opts: QueueDispatcherOptions<R>): QueueDispatcher {
  const { log } = opts;
  const tag = `[${opts.name}]`;
  let stopped = false;
  const inFlight = new Set<Promise<unknown>>();
  let pollTimer: NodeJS.Timeout | undefined;
  let dueTimer: NodeJS.Timeout | undefined;
  let listener: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let reconnectDelay = LISTEN_RECONNECT_MIN_MS;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    const forget = () => inFlight.delete(p);
    p.then(forget, forget);
    return p;
  };

  async function deliverOne(): Promise<'done' | 'retry' | 'failed' | 'none'> {
    const row = await opts.claimNext();
    if (row === undefined) return 'none';
    let error: unknown;
    try {
      await opts.deliver(row);
    } catch (err) {
      error = err ?? new Error('unknown delivery error');
    }
    return opts.record(row, error);
  }

  async function drain(stopWhenStopped: boolean): Promise<number> {
    let delivered = 0;
    while (!(stopWhenStopped && stopped)) {
      const outcome = await track(deliverOne());
      if (outcome === 'none') break;
      if (outcome === 'done') delivered++;
    }
    return delivered;
  }

  // Retries fall due between polls; waking at the earliest one keeps a short backoff short.
  async function scheduleNextDue(): Promise<void> {
    const waitMs = await opts.nextDueInMs();
    if (waitMs === null || stopped || !Number.isFinite(waitMs) || waitMs >= opts.pollMs) return;
    clearTimeout(dueTimer);
    dueTimer = setTimeout(wake, Math.ceil(waitMs) + 5);
  }

  let running = false;
  let wakeAgain = false;
  let dbErrorLogged = false;

  function wake(): void {
    if (stopped) return;
    if (running) {
      wakeAgain = true;
      return;
    }
    running = true;
    void track(loop());
  }

  async function loop(): Promise<void> {
    try {
      do {
        wakeAgain = false;
        try {
          await drain(true);
          await scheduleNextDue();
          if (dbErrorLogged) log(`${tag} queue reachable again`);
          dbErrorLogged = false;
        } catch (err) {
          // Logged once per outage; the poll keeps trying.
          if (!dbErrorLogged) log(`${tag} dispatcher cannot reach the database: ${errorText(err)}`);
          dbErrorLogged = true;
          if (!stopped) await pause(DB_ERROR_PAUSE_MS);
          break;
        }
      } while (wakeAgain && !stopped);
    } finally {
      running = false;
    }
  }

  function scheduleReconnect(client: pg.Client): void {
    if (listener !== client) return; // already handled for this client
    listener = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (stopped) return;
    const delay = reconnectDelay;
    reconnectDelay = Math.min(reconnectDelay * 2, LISTEN_RECONNECT_MAX_MS);
    reconnectTimer = setTimeout(() => void connectListener(), delay);
  }

  async function connectListener(): Promise<void> {
    if (stopped) return;
    let client: pg.Client | undefined;
    try {
      client = new pg.Client({ connectionString: opts.databaseUrl, keepAlive: true, application_name: `amtsflow-${opts.name}-listener` });
      const self = client;
      listener = self;
      self.on('error', (err) => {
        log(`${tag} LISTEN connection lost: ${err.message}; reconnecting`);
        scheduleReconnect(self);
      });
      self.on('end', () => scheduleReconnect(self));
      self.on('notification', () => wake());
      await self.connect();
      await self.query(`LISTEN ${opts.channel}`);
      if (stopped || listener !== self) {
        await self.end().catch(() => undefined);
        return;
      }
      reconnectDelay = LISTEN_RECONNECT_MIN_MS;
      // Rows written while we were not listening are not lost, but nobody woke us for them.
      wake();
    } catch (err) {
      if (client && listener === client) {
        log(`${tag} LISTEN failed: ${errorText(err)}; retrying in ${reconnectDelay} ms`);
        scheduleReconnect(client);
      } else if (!client) {
        log(`${tag} LISTEN impossible, polling only: ${errorText(err)}`);
      }
    }
  }

  void connectListener();
  pollTimer = setInterval(wake, opts.pollMs);
  wake();

  return {
    deliverDue: () => drain(false),
    wake,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(pollTimer);
      clearTimeout(dueTimer);
      clearTimeout(reconnectTimer);
      pollTimer = undefined;
      const client = listener;
      listener = undefined;
      if (client) {
        client.removeAllListeners('notification');
        await client.end().catch(() => undefined);
      }
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
