/**
 * A failure the user can fix (port taken, another instance running, missing tool). Its message
 * is printed as is, without a stack trace, so it must say what happened and what to do.
 */
export class StackError extends Error {
  override name = 'StackError';
}
