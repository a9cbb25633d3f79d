import { defineSignal } from '@temporalio/workflow';

// The consultation's contract with the answer page and the inbound mail listener.

export type AnswerChannel = 'page' | 'mail';

/** Sent after an answer is stored; the database row, not the signal, is the record of it. */
export const answerReceivedSignal = defineSignal<[{ requestId: string; channel: AnswerChannel }]>('answerReceived');

/** Waiting times of a consultation, as calendar/duration.ts reads them. */
export interface ConsultationTiming {
  deadline: string;
  reminderAfter: string;
  escalateAfter: string;
  /** How long after the deadline a link still works (a late answer is still welcome). */
  grace: string;
}

export interface RequestOutcome {
  requestId: string;
  departmentId: string;
  departmentName: string;
  status: 'answered' | 'no_answer' | 'pending' | 'cancelled';
  channel: AnswerChannel | null;
  answerText: string | null;
  answerData: unknown;
  answeredAt: string | null;
  attachments: { id: string; filename: string; contentType: string; size: number }[];
}
