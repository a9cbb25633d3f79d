import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../db/audit';
import type { Db, DbTransaction } from '../db/client';
import { answerAttachments, consultationRequests, procedures, type AnswerChannel } from '../db/schema';
import { refreshWaitingStep } from '../activities/consultation-waiting';
import { recordStepEvent } from '../activities/procedure-events';
import type { CommandDelivery } from '../commands/dispatcher';
import { enqueueCommand } from '../commands/outbox';
import type { AddresseeName } from '../workflows/engine/consultation/participants';
import { answerReceivedSignal } from '../workflows/engine/consultation/contract';
import { answeredLabel } from '../workflows/engine/consultation/texts';
import { TOKEN_PATTERN, tokenHash } from './tokens';

export interface AnswerFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface IncomingAnswer {
  token: string;
  channel: AnswerChannel;
  text: string;
  data?: Record<string, unknown>;
  attachments?: AnswerFile[];
  /** Who answered, as far as we know: the mail's sender, or "Antwortseite". */
  answeredBy: string;
}

export type AnswerOutcome =
  | { result: 'recorded'; requestId: string }
  | { result: ClosedState; requestId: string }
  | { result: 'unknown' };

export interface OpenRequest {
  request: typeof consultationRequests.$inferSelect;
  /** Who was asked, as the request named them (a department, a provider). */
  department: AddresseeName;
  subject: string;
  question: string;
  answerForm: unknown[];
}

/** The request a token opens, or undefined for an unknown or forged one (the caller says the same for both). */
export async function findRequest(db: Db, token: string): Promise<OpenRequest | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const [row] = await db
    .select({ request: consultationRequests, input: procedures.input })
    .from(consultationRequests)
    .innerJoin(procedures, eq(procedures.id, consultationRequests.consultationId))
    .where(eq(consultationRequests.tokenHash, tokenHash(token)));
  if (!row) return undefined;
  const input = row.input as { subject: string; question: string; answerForm?: unknown[]; answerForms?: Record<string, unknown[]> };
  return {
    request: row.request,
    department: row.request.addressee,
    subject: input.subject,
    question: input.question,
    answerForm: input.answerForms?.[row.request.participantId] ?? input.answerForm ?? [],
  };
}

/**
 * A link works until the deadline plus the grace period: an answer after the deadline (then
 * recorded as "keine Antwort") is still taken, and replaces that mark.
 */
/** Why a request takes no answer: answered before, past its deadline and grace, or its procedure ended. */
export type ClosedState = 'already_answered' | 'expired' | 'withdrawn';

export function requestState(request: OpenRequest['request'], now = new Date()): 'open' | ClosedState {
  if (request.status === 'answered') return 'already_answered';
  if (request.status === 'cancelled') return 'withdrawn';
  if (request.expiresAt <= now) return 'expired';
  return 'open';
}

/**
 * The one way an answer enters the system, from the page or from a mail: stored with its
 * attachments in one transaction that only an unanswered, unexpired request lets through (so a
 * second answer changes nothing), together with the signal the consultation's workflow is owed,
 * which is delivered from there until Temporal has taken it (at once when the engine is up).
 */
export async function recordAnswer(
  db: Db,
  commands: CommandDelivery,
  answer: IncomingAnswer,
  /** Runs in the answer's transaction once the request is claimed: what must count only together with the answer. */
  alongside?: (tx: DbTransaction) => Promise<void>,
): Promise<AnswerOutcome> {
  const found = await findRequest(db, answer.token);
  if (!found) return { result: 'unknown' };
  const { request, department } = found;
  const stored = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(consultationRequests)
      .set({
        status: 'answered',
        channel: answer.channel,
        answerText: answer.text,
        answerData: answer.data ?? null,
        answeredBy: answer.answeredBy,
        answeredAt: new Date(),
      })
      .where(
        sql`${consultationRequests.id} = ${request.id} and ${consultationRequests.status} in ('pending', 'no_answer') and ${consultationRequests.expiresAt} > now()`,
      )
      .returning({ id: consultationRequests.id });
    if (!claimed) return undefined;
    for (const file of answer.attachments ?? []) {
      await tx.insert(answerAttachments).values({
        requestId: request.id,
        filename: file.filename,
        contentType: file.contentType,
        size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
      });
    }
    await recordStepEvent(tx, {
      procedureId: request.consultationId,
      key: `request:${request.id}:answered`,
      kind: 'request.answered',
      label: answeredLabel(department, answer.channel, request.status === 'no_answer'),
      detail: { requestId: request.id, channel: answer.channel, attachments: answer.attachments?.length ?? 0 },
    });
    await writeAudit(tx, {
      action: 'request.answered',
      entityType: 'consultation_request',
      entityId: request.id,
      procedureId: request.consultationId,
      detail: { channel: answer.channel, answeredBy: answer.answeredBy },
      key: `request:${request.id}:answered`,
    });
    await refreshWaitingStep(tx, request.consultationId);
    await alongside?.(tx);
    const signal = await enqueueCommand(tx, `answer:${request.id}`, {
      kind: 'signal',
      workflowId: request.consultationId,
      payload: { signal: answerReceivedSignal.name, args: [{ requestId: request.id, channel: answer.channel }] },
    });
    return { signal };
  });
  if (!stored) {
    const [now] = await db.select().from(consultationRequests).where(eq(consultationRequests.id, request.id));
    const state = now ? requestState(now) : 'expired';
    return { result: state === 'open' ? 'expired' : state, requestId: request.id };
  }
  // Briefly, and never failing: the department is thanked whether or not the engine is up now.
  await commands.deliverNow([stored.signal]);
  return { result: 'recorded', requestId: request.id };
}
