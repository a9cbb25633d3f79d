import { defineSignal } from '@temporalio/workflow';

// The consultation's contract with the answer page and the inbound mail listener.

export type AnswerChannel = 'page' | 'mail';

/**
 * The procedure type of a consultation: the engine's building block, also started on its own
 * (workflows/department-consultation/) and as the child of any procedure that asks departments.
 */
export const CONSULTATION_TYPE = 'department-consultation';
export const CONSULTATION_WORKFLOW = 'departmentConsultation';

/** Sent after an answer is stored; the database row, not the signal, is the record of it. */
export const answerReceivedSignal = defineSignal<[{ requestId: string; channel: AnswerChannel }]>('answerReceived');

export interface RequestOutcome {
  requestId: string;
  /** "department", or a module's participant kind ("provider"); absent in outcomes recorded before there were others. */
  participantKind?: string;
  /** The id and name of who was asked: a department's, or the participant's of participantKind. */
  departmentId: string;
  departmentName: string;
  status: 'answered' | 'no_answer' | 'pending' | 'cancelled';
  channel: AnswerChannel | null;
  answerText: string | null;
  answerData: unknown;
  answeredAt: string | null;
  attachments: { id: string; filename: string; contentType: string; size: number }[];
}
