/**
 * Waiting times a procedure is started with, resolved from configuration by the API so that
 * tests can run a "5 business days" reminder in two seconds. Strings as calendar/duration.ts reads them.
 */
export interface TaskTiming {
  due: string;
  reminderAfter?: string;
  escalateAfter?: string;
}
