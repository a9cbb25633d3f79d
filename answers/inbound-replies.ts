import type { Client } from '@temporalio/client';
import { and, eq, ne } from 'drizzle-orm';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import { recordStepEvent } from '../activities/procedure-events';
import type { Db, DbOrTx } from '../db/client';
import { inboundMails, type InboundStatus } from '../db/schema';
import type { InboundMailRow } from '../mail/inbound';
import { enqueueMail } from '../mail/outbox';
import { checkAttachment, MAX_ATTACHMENTS } from './attachment-rules';
import { autoReply } from './auto-replies';
import { findRequest, recordAnswer, requestState, type AnswerFile, type OpenRequest } from './record-answer';
import { recordRejection, type RejectionReason } from './rejections';
import { replyTokenCandidates } from './reply-token';
import { mailBodyText, visibleReplyText } from './reply-text';
import { contactFor } from './request-contact';

const NOT_OPEN = { already_answered: 'already answered', expired: 'answer deadline passed' } as const;

export interface InboundReplyDeps {
  db: Db;
  temporal: Client;
  inboundDomain: string;
  log: (msg: string) => void;
}

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
 * Takes department replies from the inbound listener: finds the request by the token in the
 * recipient address, keeps only what the department wrote and the attachments within the page's
 * limits, and hands them to recordAnswer, the one entrance for answers. A reply to an answered or
 * expired request gets a polite automatic answer; a mail without a valid token gets none, so that
 * forged or misdirected mail does not make us send mail to strangers.
 */
export function inboundReplyHandler({ db, temporal, inboundDomain, log }: InboundReplyDeps): (row: InboundMailRow) => Promise<void> {
  // Copies of one message (same Message-ID) are handled one after the other, so the second sees the first's outcome.
  const queues = new Map<string, Promise<void>>();

  async function settle(tx: DbOrTx, row: InboundMailRow, status: InboundStatus, reason: string | null) {
    await tx.update(inboundMails).set({ status, reason }).where(eq(inboundMails.id, row.id));
    if (status === 'rejected') log(`[inbound-mail] rejected mail ${row.id} from ${row.envelopeFrom ?? '<>'}: ${reason}`);
  }

  async function refuse(row: InboundMailRow, found: OpenRequest, reason: RejectionReason, note: string, parsed: ParsedMail) {
    const { request } = found;
    const sender = row.envelopeFrom;
    const mayReply =
      reason !== 'automatic' && sender !== null && !sender.toLowerCase().endsWith(`@${inboundDomain.toLowerCase()}`);
    const contact = mayReply ? await contactFor(db, request.consultationId) : undefined;
    await db.transaction(async (tx) => {
      await settle(tx, row, 'rejected', note);
      await recordRejection(tx, {
        requestId: request.id,
        consultationId: request.consultationId,
        departmentName: found.departmentName,
        channel: 'mail',
        reason,
        attemptKey: row.id,
        detail: { inboundMailId: row.id, from: row.from },
      });
      if (!mayReply || !contact) return;
      const reply = autoReply({
        kind: reason,
        departmentName: found.departmentName,
        subject: found.subject,
        mailSubject: parsed.subject ?? null,
        answeredAt: request.answeredAt,
        deadlineAt: request.deadlineAt,
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

  async function handle(row: InboundMailRow): Promise<void> {
    if (row.messageId) {
      const [earlier] = await db
        .select({ id: inboundMails.id })
        .from(inboundMails)
        .where(and(eq(inboundMails.messageId, row.messageId), ne(inboundMails.id, row.id), ne(inboundMails.status, 'received')))
        .limit(1);
      if (earlier) return settle(db, row, 'rejected', `duplicate of inbound mail ${earlier.id} (same Message-ID)`);
    }
    const [stored] = await db.select({ raw: inboundMails.raw }).from(inboundMails).where(eq(inboundMails.id, row.id));
    if (!stored) return;
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(stored.raw, { skipImageLinks: true, skipHtmlToText: true });
    } catch (err) {
      return settle(db, row, 'rejected', `unparseable: ${err instanceof Error ? err.message : String(err)}`);
    }

    const candidates = replyTokenCandidates(row.envelopeTo, [...addresses(parsed.to), ...addresses(parsed.cc)], inboundDomain);
    if (candidates.length === 0) return settle(db, row, 'rejected', 'no answer token in the recipients');
    let token: string | undefined;
    let found: OpenRequest | undefined;
    for (const candidate of candidates) {
      found = await findRequest(db, candidate);
      if (found) {
        token = candidate;
        break;
      }
    }
    if (!found || !token) return settle(db, row, 'rejected', 'no valid answer token (unknown or forged)');

    if (isAutomatic(parsed, row.envelopeFrom)) {
      return refuse(row, found, 'automatic', 'automatic mail (Auto-Submitted, Precedence or empty sender), not taken as an answer', parsed);
    }
    const text = await visibleReplyText(mailBodyText(parsed));
    const { kept, dropped } = attachmentsOf(parsed);
    const droppedNote = dropped.length
      ? `attachments dropped: ${dropped.map((d) => `${d.filename} (${DROPPED_EN[d.why]})`).join(', ')}`
      : null;
    if (text === '' && kept.length === 0) {
      const state = requestState(found.request);
      if (state === 'open') return refuse(row, found, 'empty', 'empty reply: no text and no attachments', parsed);
      return refuse(row, found, state, NOT_OPEN[state], parsed);
    }

    const outcome = await recordAnswer(db, temporal, {
      token,
      channel: 'mail',
      text,
      attachments: kept,
      answeredBy: row.from ?? row.envelopeFrom ?? 'unbekannt',
    });
    if (outcome.result === 'unknown') return settle(db, row, 'rejected', 'no valid answer token (unknown or forged)');
    if (outcome.result !== 'recorded') {
      const now = (await findRequest(db, token)) ?? found;
      const note = NOT_OPEN[outcome.result];
      return refuse(row, now, outcome.result, droppedNote ? `${note}; ${droppedNote}` : note, parsed);
    }
    await db.transaction(async (tx) => {
      await settle(tx, row, 'accepted', droppedNote);
      if (!droppedNote) return;
      await recordStepEvent(tx, {
        procedureId: found.request.consultationId,
        key: `request:${found.request.id}:attachments-dropped:${row.id}`,
        kind: 'request.attachments_dropped',
        label: `Anhänge der Mail-Antwort von ${found.departmentName} nicht übernommen: ${dropped
          .map((d) => `${d.filename} (${DROPPED_DE[d.why]})`)
          .join(', ')}`,
        detail: { requestId: found.request.id, inboundMailId: row.id, dropped },
      });
    });
  }

  return (row) => {
    const key = row.messageId ?? row.id;
    const run = (queues.get(key) ?? Promise.resolve()).then(() => handle(row));
    const tail = run.catch(() => undefined);
    queues.set(key, tail);
    void tail.finally(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  };
}
