import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { Problem } from './database-errors';

// The Temporal server (the Prozess-Engine) away or too slow: what needs it at once answers 503,
// mapped here for every route, so a completion or a start never reports an engine outage as a bug.

// gRPC status codes: UNAVAILABLE 14, DEADLINE_EXCEEDED 4, RESOURCE_EXHAUSTED 8 (the server sheds load).
const UNREACHABLE = new Set([14, 4, 8]);

export const ENGINE_UNAVAILABLE = 'Die Prozess-Engine ist vorübergehend nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.';

export function engineProblem(err: unknown): Problem | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    if (current instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      return { status: 503, code: 'unavailable', message: ENGINE_UNAVAILABLE };
    }
    if (isGrpcServiceError(current) && UNREACHABLE.has(current.code as number)) {
      return { status: 503, code: 'unavailable', message: ENGINE_UNAVAILABLE };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
