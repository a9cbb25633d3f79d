import { Client, Connection, isGrpcServiceError } from '@temporalio/client';

// gRPC status codes of a call that got no answer (@grpc/grpc-js is the SDK's dependency, not ours):
// the server is down or restarting, the connection broke under the call, or the deadline passed.
const NO_ANSWER = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

// The API's and the worker's client connection to Temporal. grpc-js backs off its reconnects up to
// two minutes by default: after an outage of a minute a client would keep failing for another
// one while the server is long back. Two seconds at most, so everything resumes right after it.
const RECONNECT_CHANNEL_ARGS = {
  'grpc.initial_reconnect_backoff_ms': 250,
  'grpc.max_reconnect_backoff_ms': 2_000,
};

/** A client that connects on its first call and reconnects by itself: the engine may be away at start or later. */
export function engineClient(address: string, namespace: string): { temporal: Client; connection: Connection } {
  const connection = Connection.lazy({ address, channelArgs: RECONNECT_CHANNEL_ARGS });
  return { temporal: new Client({ connection, namespace }), connection };
}

/** The engine did not answer (down, restarting, unreachable): nothing was decided, the same call may be made again. */
export function engineUnreachable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isGrpcServiceError(e) && NO_ANSWER.has(e.code)) return true;
    if (e.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return true;
  }
  return false;
}

/** Whether the engine answers within `ms`. */
export async function engineAnswers(temporal: Client, ms: number): Promise<boolean> {
  try {
    await temporal.connection.withDeadline(Date.now() + ms, () => temporal.workflowService.getSystemInfo({}));
    return true;
  } catch {
    return false;
  }
}
