import { and, eq } from 'drizzle-orm';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import { recordStepEvent } from '../activities/procedure-events';
import type { CommandDelivery } from '../commands/dispatcher';
import type { Db, DbOrTx } from '../db/client';
import { inboundMails, type InboundStatus } from '../db/schema';
import { UNREADABLE, type InboundMailRow } from '../mail/inbound-path';
import { dbText } from '../mail/parsed-mail';
import { enqueueMail } from '../mail/outbox';
import { checkAttachment, MAX_ATTACHMENTS } from './attachment-rules';
import { autoReply } from './auto-replies';
import { findRequest, recordAnswer, requestState, type AnswerFile, type OpenRequest } from './record-answer';
import { recordRejection, type RejectionReason } from './rejections';
import { replyTokenCandidates } from './reply-token';
import { mailBodyText, visibleReplyText } from './reply-text';
import { contactFor } from './request-contact';
import { attachmentsDroppedLabel } from '../workflows/engine/consultation/texts';

const NOT_OPEN = {
  already_answered: 'already answered',
  expired: 'answer deadline passed',
  withdrawn: 'procedure ended',
} as const;

export interface InboundReplyDeps {
  db: Db;
  /** Delivers an answer's signal to its consultation (kept in PostgreSQL while the engine is away). */
  commands: CommandDelivery;
  inboundDomain: string;
  log: (msg: string) => void;
}

/** Another process handled this mail meanwhile (its lease ran out here): nothing more to do. */
class SettledElsewhere extends Error {}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const flat = (list: EmailAddress[]): string[] => list.flatMap((a) => [...(a.address ? [a.address] : []), ...flat(a.group ?? [])]);
  return (Array.isArray(value) ? value : value ? [value] : []).flatMap((o) => flat(o.value));
}

/** Out-of-office notices and other machine mail (RFC 3834) are no answer, and get no reply either. */
function isAutomatic(parsed: ParsedMail, envelopeFrom: string | null): boolean {
  const header = (name: string) => {
    const v = parsed.headers.get(name);
    return typeof v === 'string' ? v.trim().toLowerCase() : v === undefined ? undefined : String(v).toLowerCase();
  };
  const autoSubmitted = header('auto-submitted');
  return (
    envelopeFrom === null ||
    (autoSubmitted !== undefined && !autoSubmitted.startsWith('no')) ||
    /^(bulk|junk|list|auto_reply)$/.test(header('precedence') ?? '') ||
    header('x-autoreply') !== undefined ||
    header('x-autorespond') !== undefined
  );
}

type DropReason = 'type' | 'size' | 'count';
const DROPPED_EN: Record<DropReason, string> = { type: 'type not allowed', size: 'larger than 10 MB', count: `more than ${MAX_ATTACHMENTS} attachments` };
const DROPPED_DE: Record<DropReason, string> = { type: 'Dateityp nicht erlaubt', size: 'größer als 10 MB', count: `mehr als ${MAX_ATTACHMENTS} Anhänge` };

function attachmentsOf(parsed: ParsedMail): { kept: AnswerFile[]; dropped: { filename: string; why: DropReason }[] } {
  const kept: AnswerFile[] = [];
  const dropped: { filename: string; why: DropReason }[] = [];
  for (const a of parsed.attachments) {
    const verdict = checkAttachment(a.filename, a.contentType, a.content.length);
    if (!verdict.ok) dropped.push({ filename: verdict.filename, why: verdict.problem });
    else if (kept.length >= MAX_ATTACHMENTS) dropped.push({ filename: verdict.filename, why: 'count' });
    else kept.push({ filename: verdict.filename, contentType: verdict.contentType, content: a.content });
  }
  return { kept, dropped };
}

/**
 * Takes department replies from the inbound path: finds the request by the token in the
 * recipient address, keeps only what the department wrote and the attachments within the page's
 * limits, and hands them to recordAnswer, the one entrance for answers. A reply to an answered or
 * expired request, and one too large to take, gets a polite automatic answer; a mail without a
 * valid token gets none, so that forged or misdirected mail does not make us send mail to strangers.
 *
 * Every outcome is written together with the mail's status, and only while it is still
 * 'received': if two processes handle the same mail (a lease that ran out), one of them settles
 * it and the other changes nothing, sends nothing.
 */
export function inboundReplyHandler({ db, commands, inboundDomain, log }: InboundReplyDeps): (row: InboundMailRow) => Promise<void> {
  /** False when the mail was no longer 'received', i.e. already settled elsewhere. */
  async function settle(tx: DbOrTx, row: InboundMailRow, status: InboundStatus, reason: string | null): Promise<boolean> {
    const [done] = await tx
      .update(inboundMails)
      .set({ status, reason, leaseUntil: null })
      .where(and(eq(inboundMails.id, row.id), eq(inboundMails.status, 'received')))
      .returning({ id: inboundMails.id });
    if (done && status === 'rejected') log(`[inbound-mail] rejected mail ${row.id} from ${row.envelopeFrom ?? '<>'}: ${reason}`);
    return done !== undefined;
  }

  async function refuse(row: InboundMailRow, found: OpenRequest, reason: RejectionReason, note: string) {
    const { request } = found;
    const sender = row.envelopeFrom;
    const mayReply =
      reason !== 'automatic' && sender !== null && !sender.toLowerCase().endsWith(`@${inboundDomain.toLowerCase()}`);
    const contact = mayReply ? await contactFor(db, request.consultationId) : undefined;
    await db.transaction(async (tx) => {
      if (!(await settle(tx, row, 'rejected', note))) return;
      await recordRejection(tx, {
        requestId: request.id,
        consultationId: request.consultationId,
        department: found.department,
        channel: 'mail',
        reason,
        attemptKey: row.id,
        detail: { inboundMailId: row.id, from: row.from },
      });
      if (!mayReply || !contact) return;
      const reply = autoReply({
        kind: reason,
        department: found.department,
        subject: found.subject,
        mailSubject: row.subject,
        answeredAt: request.answeredAt,
        deadlineAt: request.deadlineAt,
        mailSize: row.size,
        contact,
      });
      await enqueueMail(tx, {
        // From the inbound mail: handling the same stored mail again sends no second reply.
        idempotencyKey: `inbound-mail:${row.id}:auto-reply`,
        to: [sender as string],
        subject: reply.subject,
        text: reply.text,
        procedureId: request.consultationId,
      });
    });
  }

  /** The request the mail is addressed to, with the token that found it; by the envelope alone for a mail that cannot be read. */
  async function correlate(row: InboundMailRow, parsed: ParsedMail | null): Promise<{ token: string; found: OpenRequest } | 'no-token' | 'unknown'> {
    const headerTo = parsed ? [...addresses(parsed.to), ...addresses(parsed.cc)] : [];
    const candidates = replyTokenCandidates(row.envelopeTo, headerTo, inboundDomain);
    if (candidates.length === 0) return 'no-token';
    for (const token of candidates) {
      const found = await findRequest(db, token);
      if (found) return { token, found };
    }
    return 'unknown';
  }

  /** Only the beginning of it was kept: the department is told to send it smaller, or use the page. */
  async function refuseOversized(row: InboundMailRow, raw: Buffer): Promise<void> {
    const reason = row.reason ?? 'too large';
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(raw, { skipImageLinks: true, skipHtmlToText: true });
    } catch {
      await settle(db, row, 'rejected', reason);
      return;
    }
    const target = await correlate(row, parsed);
    if (typeof target === 'string') {
      await settle(db, row, 'rejected', `${reason}; ${target === 'no-token' ? 'no answer token in the recipients' : 'no valid answer token'}`);
      return;
    }
    if (isAutomatic(parsed, row.envelopeFrom)) return refuse(row, target.found, 'automatic', reason);
    const state = requestState(target.found.request);
    return refuse(row, target.found, state === 'open' ? 'too_large' : state, reason);
  }

  /**
   * A mail that is no readable message (a MIME bomb, garbage): rejected with its reason, and a
   * department whose token is in the envelope is told so and may answer again.
   */
  async function refuseUnreadable(row: InboundMailRow, reason: string): Promise<void> {
    const target = await correlate(row, null);
    if (typeof target === 'string') {
      await settle(db, row, 'rejected', `${reason}; ${target === 'no-token' ? 'no answer token in the envelope' : 'no valid answer token'}`);
      return;
    }
    const state = requestState(target.found.request);
    const kind = row.envelopeFrom === null ? 'automatic' : state === 'open' ? 'unreadable' : state;
    return refuse(row, target.found, kind, reason);
  }

  async function handle(row: InboundMailRow): Promise<void> {
    const [stored] = await db.select({ raw: inboundMails.raw, status: inboundMails.status }).from(inboundMails).where(eq(inboundMails.id, row.id));
    if (!stored || stored.status !== 'received') return;
    if (row.truncated) return refuseOversized(row, stored.raw);
    // Found unreadable when it was stored: not parsed a second time (a MIME bomb costs each time).
    if (row.reason?.startsWith(UNREADABLE)) return refuseUnreadable(row, row.reason);
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(stored.raw, { skipImageLinks: true, skipHtmlToText: true });
    } catch (err) {
      return refuseUnreadable(row, `${UNREADABLE}: ${dbText(err instanceof Error ? err.message : String(err))}`);
    }

    const target = await correlate(row, parsed);
    if (target === 'no-token') return void (await settle(db, row, 'rejected', 'no answer token in the recipients'));
    if (target === 'unknown') return void (await settle(db, row, 'rejected', 'no valid answer token (unknown or forged)'));
    const { token, found } = target;

    if (isAutomatic(parsed, row.envelopeFrom)) {
      return refuse(row, found, 'automatic', 'automatic mail (Auto-Submitted, Precedence or empty sender), not taken as an answer');
    }
    const written = await visibleReplyText(mailBodyText(parsed));
    // PostgreSQL cannot hold NUL: stripped, and the mail is handled as the department meant it.
    const text = dbText(written) ?? '';
    const strippedNote = text !== written ? 'NUL bytes removed from the text' : null;
    const { kept, dropped } = attachmentsOf(parsed);
    const droppedNote =
      [strippedNote, dropped.length ? `attachments dropped: ${dropped.map((d) => `${d.filename} (${DROPPED_EN[d.why]})`).join(', ')}` : null]
        .filter((n) => n !== null)
        .join('; ') || null;
    if (text === '' && kept.length === 0) {
      const state = requestState(found.request);
      if (state === 'open') return refuse(row, found, 'empty', 'empty reply: no text and no attachments');
      return refuse(row, found, state, NOT_OPEN[state]);
    }

    let outcome: Awaited<ReturnType<typeof recordAnswer>>;
    try {
      outcome = await recordAnswer(
        db,
        commands,
        { token, channel: 'mail', text, attachments: kept, answeredBy: row.from ?? row.envelopeFrom ?? 'unbekannt' },
        // The mail counts as accepted exactly when its answer is stored: a crash cannot leave one without the other.
        async (tx) => {
          if (!(await settle(tx, row, 'accepted', droppedNote))) throw new SettledElsewhere();
          if (dropped.length === 0) return;
          await recordStepEvent(tx, {
            procedureId: found.request.consultationId,
            key: `request:${found.request.id}:attachments-dropped:${row.id}`,
            kind: 'request.attachments_dropped',
            label: attachmentsDroppedLabel(found.department, dropped.map((d) => `${d.filename} (${DROPPED_DE[d.why]})`).join(', ')),
            detail: { requestId: found.request.id, inboundMailId: row.id, dropped },
          });
        },
      );
    } catch (err) {
      if (err instanceof SettledElsewhere) return;
      throw err;
    }
    if (outcome.result === 'unknown') return void (await settle(db, row, 'rejected', 'no valid answer token (unknown or forged)'));
    if (outcome.result !== 'recorded') {
      const now = (await findRequest(db, token)) ?? found;
      const note = NOT_OPEN[outcome.result];
      return refuse(row, now, outcome.result, droppedNote ? `${note}; ${droppedNote}` : note);
    }
  }

  return handle;
}
