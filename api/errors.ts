import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { databaseProblem, loggableDatabaseError } from './database-errors';
import { engineProblem } from './engine-errors';

export interface FieldError {
  path: string;
  message: string;
}

/** The one error type of the API: a status, a stable code, a message people can read. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }

  static badRequest(message: string, fields?: FieldError[]) {
    return new HttpError(400, 'bad_request', message, fields);
  }
  static unauthorized(message = 'Bitte melden Sie sich an') {
    return new HttpError(401, 'unauthorized', message);
  }
  static forbidden(message = 'Dafür fehlt Ihnen die Berechtigung') {
    return new HttpError(403, 'forbidden', message);
  }
  static notFound(what: string) {
    return new HttpError(404, 'not_found', `${what} nicht gefunden`);
  }
  static conflict(message: string) {
    return new HttpError(409, 'conflict', message);
  }
}

/** A refusal the schema could not see (a record that must exist), naming its fields. */
export function refuseIf(problems: FieldError[]): void {
  if (problems.length > 0) throw HttpError.badRequest('Bitte prüfen Sie die markierten Angaben', problems);
}

/** How long a client should wait before it tries again after a 503 (seconds). */
export const RETRY_AFTER_SECONDS = 30;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

export function zodFields(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return { path: [path, ...issue.keys].filter(Boolean).join('.'), message: 'unbekanntes Feld' };
    }
    return { path: path || prefix, message: issue.message };
  });
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `Keine Route für ${req.method} ${req.path}`));
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Any error as the API's error: ours as it is, the body parser's, the database's and the engine's mapped, the rest a 500. */
export function toHttpError(err: unknown, log: (msg: string) => void): HttpError {
  if (err instanceof HttpError) return err;
  const parserError = err as BodyParserError;
  if (parserError?.type === 'entity.parse.failed') {
    return new HttpError(400, 'invalid_json', 'Der Request-Body ist kein gültiges JSON', [{ path: 'body', message: 'kein gültiges JSON' }]);
  }
  if (parserError?.type === 'entity.too.large') return new HttpError(413, 'payload_too_large', 'Der Request-Body ist zu groß');
  const problem = engineProblem(err) ?? databaseProblem(err);
  if (problem) {
    // An outage is worth a line for whoever runs the system; a client's bad input is not.
    if (problem.status === 503) log(`unavailable: ${loggableDatabaseError(err) ?? (err as Error)?.message ?? String(err)}`);
    return new HttpError(problem.status, problem.code, problem.message, problem.fields);
  }
  if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    return new HttpError(parserError.status, 'bad_request', (err as Error).message);
  }
  log(`unexpected error: ${loggableDatabaseError(err) ?? (err as Error)?.stack ?? String(err)}`);
  return new HttpError(500, 'internal', 'Ein interner Fehler ist aufgetreten');
}

export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const error = toHttpError(err, log);
    if (error.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(error.status).json({
      error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    });
  };
}
