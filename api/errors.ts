import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

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

export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let error: HttpError;
    const parserError = err as BodyParserError;
    if (err instanceof HttpError) error = err;
    else if (parserError.type === 'entity.parse.failed') {
      error = new HttpError(400, 'invalid_json', 'Der Request-Body ist kein gültiges JSON', [
        { path: 'body', message: 'kein gültiges JSON' },
      ]);
    } else if (parserError.type === 'entity.too.large') {
      error = new HttpError(413, 'payload_too_large', 'Der Request-Body ist zu groß');
    } else if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      error = new HttpError(parserError.status, 'bad_request', (err as Error).message);
    } else {
      log(`unexpected error: ${(err as Error)?.stack ?? String(err)}`);
      error = new HttpError(500, 'internal', 'Ein interner Fehler ist aufgetreten');
    }
    res.status(error.status).json({
      error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    });
  };
}
