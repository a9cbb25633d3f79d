import { randomUUID } from 'node:crypto';
import { recordStepEvent } from '../activities/procedure-events';
import { writeAudit } from '../db/audit';
import type { DbOrTx } from '../db/client';
import type { AnswerChannel } from '../db/schema';
import type { NameForms } from '../grammar/german';
import { rejectedLabel } from '../workflows/engine/consultation/texts';

export type RejectionReason = 'already_answered' | 'expired' | 'withdrawn' | 'empty' | 'too_large' | 'unreadable' | 'automatic';

const REASON_LABEL: Record<RejectionReason, string> = {
  already_answered: 'Anfrage bereits beantwortet',
  expired: 'Antwortfrist abgelaufen',
  withdrawn: 'Vorgang beendet',
  empty: 'weder Text noch Anhänge',
  too_large: 'Mail zu groß',
  unreadable: 'Mail nicht lesbar',
  automatic: 'automatisch erzeugte Mail (z. B. Abwesenheitsnotiz)',
};

export interface Rejection {
  requestId: string;
  consultationId: string;
  department: NameForms;
  channel: AnswerChannel;
  reason: RejectionReason;
  /** Once per attempt: the inbound mail's id for a mail; a fresh one per page submission. */
  attemptKey?: string;
  detail?: Record<string, unknown>;
}

/** A refused answer to a known request, in the procedure's history and the audit log. */
export async function recordRejection(db: DbOrTx, r: Rejection): Promise<void> {
  const key = `request:${r.requestId}:rejected:${r.attemptKey ?? randomUUID()}`;
  await recordStepEvent(db, {
    procedureId: r.consultationId,
    key,
    kind: 'request.answer_rejected',
    label: rejectedLabel(r.department, r.channel, REASON_LABEL[r.reason]),
    detail: { requestId: r.requestId, channel: r.channel, reason: r.reason, ...r.detail },
  });
  await writeAudit(db, {
    action: 'request.answer_rejected',
    entityType: 'consultation_request',
    entityId: r.requestId,
    procedureId: r.consultationId,
    detail: { channel: r.channel, reason: r.reason, ...r.detail },
    key,
  });
}
