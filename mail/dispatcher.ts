import pg from 'pg';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { mailOutbox, mailOutboxAttachments } from '../db/schema';
import { OUTBOX_CHANNEL } from './outbox';
import { createTransport } from './transport';

export interface OutboxDispatcherOptions {
  db: Db;
  /** For the dedicated LISTEN connection, which must not be a pooled one. */
  databaseUrl: string;
  smtpUrl: string;
  from: string;
  pollMs: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to 10 minutes. */
  retryBaseMs?: number;
  /** How long a claim protects a row being sent before another dispatcher may take it over. */
  leaseMs?: number;
  /** Fills what the outbox must not store (answer tokens) just before sending. */
  personalize?: (row: OutboxRow) => OutboxRow;
  log: (msg: string) => void;
}

export interface OutboxDispatcher {
  stop(): Promise<void>;
  /** Sends every mail due now; resolves with how many were sent. */
  deliverDue(): Promise<number>;
}

export type OutboxRow = typeof mailOutbox.$inferSelect;

const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_RETRY_BASE_MS = 2_000;
// Longer than any send can take (connect 10 s + greeting 10 s + socket 60 s).
const DEFAULT_LEASE_MS = 5 * 60_000;
const MAX_RETRY_DELAY_MS = 10 * 60_000;
const LISTEN_RECONNECT_MIN_MS = 1_000;
const LISTEN_RECONNECT_MAX_MS = 30_000;
// Deliveries pause after a database error instead of spinning on a dead connection.
const DB_ERROR_PAUSE_MS = 1_000;

export function retryDelayMs(attempts: number, baseMs: number = DEFAULT_RETRY_BASE_MS): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(baseMs * 2 ** Math.min(exponent, 30), MAX_RETRY_DELAY_MS);
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const response = (err as Error & { response?: unknown }).response;
    return typeof response === 'string' && !err.message.includes(response) ? `${err.message} (${response})` : err.message;
  }
  return String(err);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends the outbox. Safe to run in any number of processes at once: a row is claimed
 * (status 'sending', committed, with a lease) before it is sent. A dispatcher that dies
 * holding a claim leaves the row 'sending' until the lease runs out; then another one sends
 * it, with the same Message-ID. The mail is never lost, and it goes out twice only if the
 * process died in the moment between the server's acceptance and recording it — a duplicate
 * the receiver recognises by its Message-ID (the embedded catcher keeps one).
 */
export function startOutboxDispatcher(opts: OutboxDispatcherOptions): OutboxDispatcher {
  const { db, log } = opts;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retryBaseMs = opts.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const transport = createTransport(opts.smtpUrl);

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

  async function claimNext(): Promise<OutboxRow | undefined> {
    const due = sql`(select ${mailOutbox.id} from ${mailOutbox}
      where ${mailOutbox.status} in ('pending', 'retry', 'sending') and ${mailOutbox.nextAttemptAt} <= now()
      order by ${mailOutbox.createdAt}
      for update skip locked
      limit 1)`;
    const rows = await db
      .update(mailOutbox)
      .set({
        status: 'sending',
        attempts: sql`${mailOutbox.attempts} + 1`,
        // For a 'sending' row, next_attempt_at is the end of its claim's lease.
        nextAttemptAt: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      })
      .where(eq(mailOutbox.id, due))
      .returning();
    return rows[0];
  }

  async function send(stored: OutboxRow): Promise<void> {
    const row = opts.personalize ? opts.personalize(stored) : stored;
    const files = await db
      .select({ filename: mailOutboxAttachments.filename, contentType: mailOutboxAttachments.contentType, content: mailOutboxAttachments.content })
      .from(mailOutboxAttachments)
      .where(eq(mailOutboxAttachments.mailId, row.id));
    await transport.sendMail({
      from: opts.from,
      to: row.to,
      cc: row.cc.length > 0 ? row.cc : undefined,
      replyTo: row.replyTo ?? undefined,
      subject: row.subject,
      text: row.text,
      html: row.html ?? undefined,
      messageId: row.messageId,
      headers: { 'X-Amtsflow-Mail-Id': row.id },
      attachments: files.length > 0 ? files : undefined,
    });
  }

  // The mail is out (or definitely not); losing this write must not make it go out again,
  // so the row stays 'sending' if the database cannot be reached after a few tries.
  async function record(row: OutboxRow, sendError: unknown): Promise<void> {
    const update =
      sendError === undefined
        ? { status: 'sent' as const, sentAt: sql`now()`, lastError: null }
        : row.attempts >= maxAttempts
          ? { status: 'failed' as const, lastError: errorText(sendError) }
          : {
              status: 'retry' as const,
              lastError: errorText(sendError),
              nextAttemptAt: sql`now() + ${retryDelayMs(row.attempts, retryBaseMs)} * interval '1 millisecond'`,
            };
    for (let attempt = 1; ; attempt++) {
      try {
        await db.update(mailOutbox).set(update).where(eq(mailOutbox.id, row.id));
        return;
      } catch (err) {
        if (attempt >= 3) {
          log(`[mail] could not record outcome of mail ${row.id} (${update.status}); it stays 'sending': ${errorText(err)}`);
          return;
        }
        await sleep(DB_ERROR_PAUSE_MS * attempt);
      }
    }
  }

  async function deliverOne(): Promise<'sent' | 'failed' | 'none'> {
    const row = await claimNext();
    if (!row) return 'none';
    let sendError: unknown;
    try {
      await send(row);
    } catch (err) {
      sendError = err ?? new Error('unknown send error');
    }
    await record(row, sendError);
    if (sendError === undefined) return 'sent';
    const outcome = row.attempts >= maxAttempts ? 'failed for good' : `will retry (attempt ${row.attempts}/${maxAttempts})`;
    log(`[mail] sending mail ${row.id} to ${row.to.join(', ')} failed, ${outcome}: ${errorText(sendError)}`);
    return 'failed';
  }

  async function drain(stopWhenStopped: boolean): Promise<number> {
    let sent = 0;
    while (!(stopWhenStopped && stopped)) {
      const outcome = await track(deliverOne());
      if (outcome === 'none') break;
      if (outcome === 'sent') sent++;
    }
    return sent;
  }

  // Retries fall due between polls; waking at the earliest one keeps a short backoff short.
  async function scheduleNextDue(): Promise<void> {
    const result = await db.execute<{ wait_ms: number | string | null }>(sql`
      select greatest(0, extract(epoch from (min(${mailOutbox.nextAttemptAt}) - now())) * 1000) as wait_ms
      from ${mailOutbox} where ${mailOutbox.status} in ('pending', 'retry', 'sending')`);
    const raw = result.rows[0]?.wait_ms;
    if (raw === null || raw === undefined || stopped) return;
    const waitMs = Math.ceil(Number(raw));
    if (!Number.isFinite(waitMs) || waitMs >= opts.pollMs) return;
    clearTimeout(dueTimer);
    dueTimer = setTimeout(wake, waitMs + 5);
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
          if (dbErrorLogged) log('[mail] outbox reachable again');
          dbErrorLogged = false;
        } catch (err) {
          // Logged once per outage; the poll keeps trying.
          if (!dbErrorLogged) log(`[mail] outbox dispatcher cannot reach the database: ${errorText(err)}`);
          dbErrorLogged = true;
          if (!stopped) await sleep(DB_ERROR_PAUSE_MS);
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
      client = new pg.Client({
        connectionString: opts.databaseUrl,
        keepAlive: true,
        application_name: 'amtsflow-outbox-listener',
      });
      const self = client;
      listener = self;
      self.on('error', (err) => {
        log(`[mail] outbox LISTEN connection lost: ${err.message}; reconnecting`);
        scheduleReconnect(self);
      });
      self.on('end', () => scheduleReconnect(self));
      self.on('notification', () => wake());
      await self.connect();
      await self.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (stopped || listener !== self) {
        await self.end().catch(() => undefined);
        return;
      }
      reconnectDelay = LISTEN_RECONNECT_MIN_MS;
      // Mails enqueued while we were not listening are not lost, but nobody woke us for them.
      wake();
    } catch (err) {
      if (client && listener === client) {
        log(`[mail] outbox LISTEN failed: ${errorText(err)}; retrying in ${reconnectDelay} ms`);
        scheduleReconnect(client);
      } else if (!client) {
        log(`[mail] outbox LISTEN impossible, polling only: ${errorText(err)}`);
      }
    }
  }

  void connectListener();
  pollTimer = setInterval(wake, opts.pollMs);
  wake();

  return {
    deliverDue: () => drain(false),
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
      transport.close();
    },
  };
}
