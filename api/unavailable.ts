import type { ErrorRequestHandler } from 'express';
import { engineUnreachable } from '../commands/engine-connection';
import { DATABASE_UNAVAILABLE, loggableDatabaseError } from './database-errors';
import { HttpError } from './errors';
import { engineUnavailable } from './temporal-errors';

// Connection-level failures of PostgreSQL: refused (down), cut (killed, restarting), or "starting up".
const DATABASE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const DATABASE_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|the database system is/i;

/** PostgreSQL could not be reached or went away during the request (drizzle wraps pg's error as its cause). */
export function databaseUnreachable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DATABASE_CODES.has(code)) return true;
    if (DATABASE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** A part the request needs is away: 503 naming it, so that a client (and a person) knows to try again. */
export function unavailableError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return undefined;
  if (databaseUnreachable(err)) {
    return new HttpError(503, 'unavailable', DATABASE_UNAVAILABLE);
  }
  if (engineUnreachable(err)) return engineUnavailable();
  return undefined;
}

/** Put before the error handler: what is an outage, not a bug, leaves as a 503, never as a 500, with a line in the log. */
export function unavailableErrors(log: (msg: string) => void): ErrorRequestHandler {
  return (err: unknown, _req, _res, next) => {
    const outage = unavailableError(err);
    if (outage) log(`unavailable: ${loggableDatabaseError(err) ?? (err as Error)?.message ?? String(err)}`);
    next(outage ?? err);
  };
}
