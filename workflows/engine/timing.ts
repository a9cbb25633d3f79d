/**
 * Waiting times a procedure is started with, resolved from configuration at its start so that
 * tests can run a "5 business days" reminder in two seconds. Strings as calendar/duration.ts reads them.
 */
export interface TaskTiming {
  due: string;
  reminderAfter?: string;
  escalateAfter?: string;
}

/** Waiting times of a consultation of external participants. */
export interface ConsultationTiming {
  deadline: string;
  reminderAfter: string;
  escalateAfter: string;
  /** How long after the deadline a link still works (a late answer is still welcome). */
  grace: string;
}
