import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { mailOutbox, mailOutboxAttachments } from '../db/schema';
import { INCIDENT_AFTER_ATTEMPTS, isIncidentNotice, reportIncident, resolveIncident } from '../incidents/record';
import { errorText, pause, startQueueDispatcher } from '../outbox/queue';
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
// Deliveries pause after a database error instead of spinning on a dead connection.
const DB_ERROR_PAUSE_MS = 1_000;
const RECORD_MAX_PAUSE_MS = 5_000;
// A mail's outcome is recorded before its claim runs out, or not at all (another dispatcher may send it then).
const RECORD_MARGIN_MS = 5_000;

export function retryDelayMs(attempts: number, baseMs: number = DEFAULT_RETRY_BASE_MS): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(baseMs * 2 ** Math.min(exponent, 30), MAX_RETRY_DELAY_MS);
}

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

  let stopping = false;

  // The mail is out (or definitely not); losing this write must not make it go out again,
  // so the row stays 'sending' if the database cannot be reached after a few tries.
  async function record(row: OutboxRow, sendError: unknown): Promise<'done' | 'retry' | 'failed'> {
    const outcome = sendError === undefined ? 'done' : row.attempts >= maxAttempts ? 'failed' : 'retry';
    const update =
      outcome === 'done'
        ? { status: 'sent' as const, sentAt: sql`now()`, lastError: null }
        : outcome === 'failed'
          ? { status: 'failed' as const, lastError: errorText(sendError) }
          : {
              status: 'retry' as const,
              lastError: errorText(sendError),
              nextAttemptAt: sql`now() + ${retryDelayMs(row.attempts, retryBaseMs)} * interval '1 millisecond'`,
            };
    if (outcome !== 'done') {
      const next = outcome === 'failed' ? 'failed for good' : `will retry (attempt ${row.attempts}/${maxAttempts})`;
      log(`[mail] sending mail ${row.id} to ${row.to.join(', ')} failed, ${next}: ${errorText(sendError)}`);
    }
    // A database that restarts (the embedded stack's supervisor brings it back in seconds) is waited
    // for while the claim lasts: a mail recorded late is not sent again when its lease runs out.
    const giveUpAt = row.nextAttemptAt.getTime() - RECORD_MARGIN_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        await db.update(mailOutbox).set(update).where(eq(mailOutbox.id, row.id));
        await noteIncident(row, sendError);
        if (attempt > 1) log(`[mail] recorded mail ${row.id} as ${update.status} after ${attempt} tries`);
        return outcome;
      } catch (err) {
        const wait = Math.min(DB_ERROR_PAUSE_MS * attempt, RECORD_MAX_PAUSE_MS);
        if (stopping || Date.now() + wait > giveUpAt) {
          log(`[mail] could not record outcome of mail ${row.id} (${update.status}); it stays 'sending': ${errorText(err)}`);
          return outcome;
        }
        if (attempt === 1) log(`[mail] cannot record mail ${row.id} as ${update.status} yet, trying while its claim lasts: ${errorText(err)}`);
        await pause(wait);
      }
    }
  }

  // A mail that failed three times in a row is a disturbance the admins see and may resend.
  async function noteIncident(row: OutboxRow, sendError: unknown): Promise<void> {
    if (row.attempts < INCIDENT_AFTER_ATTEMPTS) return;
    const key = `mail:${row.id}`;
    if (sendError === undefined) await resolveIncident(db, key);
    else {
      await reportIncident(db, {
        key,
        kind: 'mail',
        procedureId: row.procedureId,
        subject: `Mail „${row.subject}“ an ${row.to.join(', ')}`,
        error: errorText(sendError),
        attempts: row.attempts,
        // A notice to the admins that cannot be sent is shown, but not told by another notice (which
        // would fail the same way, and be told again, without end).
        target: { mailId: row.id, ...(isIncidentNotice(row.idempotencyKey) ? { notice: true } : {}) },
      });
    }
  }

  async function nextDueInMs(): Promise<number | null> {
    const result = await db.execute<{ wait_ms: number | string | null }>(sql`
      select greatest(0, extract(epoch from (min(${mailOutbox.nextAttemptAt}) - now())) * 1000) as wait_ms
      from ${mailOutbox} where ${mailOutbox.status} in ('pending', 'retry', 'sending')`);
    const raw = result.rows[0]?.wait_ms;
    return raw === null || raw === undefined ? null : Number(raw);
  }

  const queue = startQueueDispatcher({
    name: 'mail',
    channel: OUTBOX_CHANNEL,
    databaseUrl: opts.databaseUrl,
    pollMs: opts.pollMs,
    claimNext,
    deliver: send,
    record,
    nextDueInMs,
    log,
  });

  return {
    deliverDue: () => queue.deliverDue(),
    async stop() {
      stopping = true;
      await queue.stop();
      transport.close();
    },
  };
}
