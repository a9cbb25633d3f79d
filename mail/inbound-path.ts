import { eq, inArray, sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Db } from '../db/client';
import { inboundMailColumns, inboundMails, type InboundChannel, type InboundStatus } from '../db/schema';
import { addressText, dbText } from './parsed-mail';
import { DEFAULT_MAX_MESSAGE_BYTES } from './smtp-receiving';

/** The start of the reason of a stored mail that could not be read as a message; the handler does not parse it again. */
export const UNREADABLE = 'unreadable';

/** What `inbound_mails.attachments` holds per attachment; the content itself stays in `raw`. */
export interface InboundAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
}

export type InboundMailRow = Omit<typeof inboundMails.$inferSelect, 'raw' | 'leaseUntil'>;

/** Of a message over the limit, this much is kept: its header and the start of its text, to see what it was. */
export const OVERSIZED_KEEP_BYTES = 64 * 1024;
/** How long a process may take to handle a mail it stored or claimed before another one takes it over. */
const LEASE_MS = 2 * 60_000;
const RECOVERY_BATCH = 20;

/** A message as it arrived, over SMTP or from the IMAP mailbox. */
export interface IncomingMessage {
  /** The message, or only its first bytes when `size` is over the limit. */
  raw: Buffer;
  /** Its full size as delivered. */
  size: number;
  /** The SMTP envelope; an IMAP mailbox has none, it is then read from the delivery header fields. */
  envelope?: { from: string | null; to: string[] };
  via: InboundChannel;
}

export type ReceiveOutcome = { stored: true; row: InboundMailRow } | { stored: false; duplicateOf: string };

export interface InboundPathOptions {
  db: Db;
  maxSize?: number;
  /** Correlates and answers or rejects one stored 'received' mail; settles its status itself. */
  handle: (row: InboundMailRow) => Promise<void>;
  /** How often mails left 'received' (a crash between storing and handling) are looked for; 0: never. */
  recoveryMs: number;
  log: (msg: string) => void;
}

export interface InboundPath {
  maxSize: number;
  /** Stores the message (once per Message-ID), then hands it to the handler in the background. */
  receive(message: IncomingMessage): Promise<ReceiveOutcome>;
  /** Handles every mail left 'received' whose lease ran out; returns how many it took. */
  recover(): Promise<number>;
  stop(): Promise<void>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function attachmentsOf(parsed: ParsedMail): InboundAttachment[] {
  return parsed.attachments.map((a) => ({
    filename: dbText(a.filename),
    contentType: dbText(a.contentType) ?? 'application/octet-stream',
    size: a.size,
    sha256: a.checksum,
  }));
}

function headerValues(parsed: ParsedMail | undefined, name: string): string[] {
  return (parsed?.headerLines ?? []).filter((h) => h.key === name).map((h) => h.line.slice(h.line.indexOf(':') + 1).trim());
}

const bracketed = (value: string) => (/<([^<>]*)>/.exec(value)?.[1] ?? value).trim();

/**
 * A mailbox has no SMTP envelope; the delivering server wrote it into the message: Return-Path
 * (`<>` for bounces, which get no reply) and Delivered-To / X-Original-To. Without Return-Path the
 * From address stands in, as for a message put into the mailbox by hand.
 */
export function envelopeFromHeaders(parsed: ParsedMail | undefined): { from: string | null; to: string[] } {
  const returnPath = headerValues(parsed, 'return-path')[0];
  const fromHeader = parsed?.from?.value[0]?.address;
  const from = returnPath !== undefined ? bracketed(returnPath) || null : (fromHeader ?? null);
  const to = ['delivered-to', 'x-original-to', 'envelope-to']
    .flatMap((name) => headerValues(parsed, name))
    .flatMap((v) => v.split(','))
    .map(bracketed)
    .filter((a) => a.includes('@'));
  return { from: dbText(from), to: [...new Set(to)].map((a) => dbText(a) ?? '') };
}

/**
 * The one way into the system for department mail, whichever way it came (SMTP listener, IMAP
 * poller): store → parse → correlate → answer or reject. Storing comes first and is a claim on
 * the Message-ID in the database, so a copy delivered again, by another channel or to another
 * process, is neither stored nor handled twice. What is stored is never lost: a crash before
 * the handler settles it leaves it 'received', and `recover` takes it up again.
 */
export function createInboundPath(opts: InboundPathOptions): InboundPath {
  const { db, log } = opts;
  const maxSize = opts.maxSize ?? DEFAULT_MAX_MESSAGE_BYTES;
  const pending = new Set<Promise<void>>();
  let stopped = false;

  async function store(message: IncomingMessage): Promise<ReceiveOutcome> {
    const truncated = message.size > maxSize;
    const raw = truncated ? message.raw.subarray(0, OVERSIZED_KEEP_BYTES) : message.raw;
    let parsed: ParsedMail | undefined;
    // Even a mail nobody can read stays 'received': the handler finds its request by the envelope
    // and tells the department why, so that a mail with a valid token is never rejected in silence.
    const status: InboundStatus = 'received';
    let reason: string | null = null;
    try {
      parsed = await simpleParser(raw, { checksumAlgo: 'sha256', skipImageLinks: true });
      // mailparser takes any first lines as "headers", with an empty name when they have no colon.
      if (!parsed.headerLines.some((h) => /^[!-9;-~]+$/.test(h.key))) {
        parsed = undefined;
        reason = `${UNREADABLE}: not an Internet message, no header fields`;
      }
    } catch (err) {
      reason = `${UNREADABLE}: ${dbText(errorText(err))}`;
    }
    if (truncated) {
      // The handler tells a known sender why, and then rejects it with this reason.
      reason = `too large: ${message.size} bytes, the limit is ${maxSize}; only the first ${raw.length} bytes were kept`;
    }
    const envelope = message.envelope ?? envelopeFromHeaders(parsed);
    const messageId = dbText(parsed?.messageId);
    const [row] = await db
      .insert(inboundMails)
      .values({
        messageId,
        envelopeFrom: envelope.from,
        envelopeTo: envelope.to,
        from: dbText(addressText(parsed?.from)),
        subject: dbText(parsed?.subject),
        text: dbText(parsed?.text),
        attachments: parsed ? attachmentsOf(parsed) : [],
        status,
        reason,
        raw,
        size: message.size,
        truncated,
        receivedVia: message.via,
        leaseUntil: status === 'received' ? sql`now() + ${`${LEASE_MS} milliseconds`}::interval` : null,
      })
      .onConflictDoNothing({ target: inboundMails.messageId, where: sql`${inboundMails.messageId} is not null` })
      .returning(inboundMailColumns);
    if (!row) {
      const [first] = await db.select({ id: inboundMails.id }).from(inboundMails).where(eq(inboundMails.messageId, messageId ?? ''));
      if (!first) throw new Error(`inbound mail with Message-ID ${messageId} conflicted, but is not there`);
      log(`[inbound-mail] ${message.via}: a copy of inbound mail ${first.id} (same Message-ID) arrived again; not stored`);
      return { stored: false, duplicateOf: first.id };
    }
    if (reason?.startsWith(UNREADABLE)) log(`[inbound-mail] stored mail ${row.id}, which cannot be read: ${reason}`);
    return { stored: true, row };
  }

  function handOver(row: InboundMailRow): Promise<void> {
    const call = opts.handle(row).catch((err: unknown) => {
      log(`[inbound-mail] handling mail ${row.id} failed, it stays 'received' and is taken up again: ${errorText(err)}`);
    });
    pending.add(call);
    void call.finally(() => pending.delete(call));
    return call;
  }

  async function recover(): Promise<number> {
    // SKIP LOCKED and the lease: several processes recovering at once each take different mails.
    const claimed = await db.execute<{ id: string }>(sql`
      update ${inboundMails} set lease_until = now() + ${`${LEASE_MS} milliseconds`}::interval
      where id in (
        select id from ${inboundMails}
        where status = 'received' and (lease_until is null or lease_until < now())
        order by received_at limit ${RECOVERY_BATCH}
        for update skip locked)
      returning id`);
    if (claimed.rows.length === 0) return 0;
    const rows = await db
      .select(inboundMailColumns)
      .from(inboundMails)
      .where(inArray(inboundMails.id, claimed.rows.map((r) => r.id)));
    log(`[inbound-mail] taking up ${rows.length} mail(s) left unhandled: ${rows.map((r) => r.id).join(', ')}`);
    for (const row of rows) await handOver(row);
    return rows.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  function scheduleRecovery(delay: number) {
    if (opts.recoveryMs <= 0 || stopped) return;
    timer = setTimeout(() => {
      sweeping = recover()
        .then(() => undefined)
        .catch((err: unknown) => log(`[inbound-mail] looking for unhandled mails failed: ${errorText(err)}`))
        .finally(() => scheduleRecovery(opts.recoveryMs));
    }, delay);
    timer.unref();
  }
  // At start-up first: what a crashed predecessor left behind.
  scheduleRecovery(0);

  return {
    maxSize,
    async receive(message) {
      const outcome = await store(message);
      if (outcome.stored) void handOver(outcome.row);
      return outcome;
    },
    recover,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await sweeping;
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
