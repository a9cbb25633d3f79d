import type { FieldError } from './errors';

// What PostgreSQL says about a statement, as the API's error shape: mapped here once for every
// route, so no route catches a database error itself. Validation names the field before a
// statement runs; this is the net below it, for what only the database can tell.

export interface Problem {
  status: number;
  code: string;
  message: string;
  fields?: FieldError[];
}

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
  message?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
// Node's socket errors and node-postgres's own words for a connection that is gone or never came.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /cannot use a pool after calling end/i,
  /connection (?:is )?(?:closed|lost|refused)/i,
  /terminating connection due to administrator command/i,
];

/** The error, or one of its causes (drizzle wraps the driver's error), that PostgreSQL or its socket raised. */
function findPgError(err: unknown): PgError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const e = current as PgError & { cause?: unknown };
    if (typeof e.code === 'string' && (SQLSTATE.test(e.code) || CONNECTION_CODES.has(e.code))) return e;
    current = e.cause;
  }
  return undefined;
}

function connectionLost(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const e = current as { message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.some((m) => m.test(e.message as string))) return true;
    // A refused connection to "localhost" is an AggregateError of the IPv4 and IPv6 attempts.
    if (Array.isArray(e.errors) && e.errors.some((inner) => findPgError(inner) !== undefined)) return true;
    current = e.cause;
  }
  return false;
}

export const DATABASE_UNAVAILABLE = 'Die Datenbank ist vorübergehend nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.';

/** department_id → departmentId: the API's name of a column. */
function fieldName(column: string): string {
  return column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The column a constraint's detail names: 'Key (department_id)=(…) is not present in table "departments".' */
function keyColumn(detail: string | undefined): string | undefined {
  const match = /^Key \(([a-z_][a-z0-9_]*)(?:, [^)]*)?\)=/.exec(detail ?? '');
  return match?.[1];
}

function bad(message: string, column?: string, fieldMessage?: string): Problem {
  const fields = column ? [{ path: `body.${fieldName(column)}`, message: fieldMessage ?? message }] : undefined;
  return { status: 400, code: 'bad_request', message, ...(fields ? { fields } : {}) };
}

function unavailable(message = DATABASE_UNAVAILABLE): Problem {
  return { status: 503, code: 'unavailable', message };
}

/** The API's answer to a database error a client can cause or a database that is away; undefined for a bug. */
export function databaseProblem(err: unknown): Problem | undefined {
  const pgError = findPgError(err);
  const code = pgError?.code;
  if (code === undefined) return connectionLost(err) ? unavailable() : undefined;
  if (CONNECTION_CODES.has(code)) return unavailable();
  const sqlClass = code.slice(0, 2);
  // 08 connection exception, 53 insufficient resources (too many connections), 57P01–57P03 shutdown or start-up.
  if (sqlClass === '08' || sqlClass === '53' || /^57P0[1-3]$/.test(code)) return unavailable();
  if (code === '57014') return unavailable('Die Datenbank hat die Anfrage abgebrochen, weil sie zu lange dauerte. Bitte versuchen Sie es erneut.');
  if (code === '40001' || code === '40P01') {
    return unavailable('Die Datenbank war gerade mit einer gleichzeitigen Änderung beschäftigt. Bitte versuchen Sie es erneut.');
  }
  switch (code) {
    case '22021':
    case '22P05':
      return bad('Ein Text enthält Zeichen, die nicht gespeichert werden können (zum Beispiel ein Nullzeichen).');
    case '22001':
      return bad('Eine Angabe ist zu lang.', pgError?.column);
    case '22003':
      return bad('Eine Zahl liegt außerhalb des erlaubten Bereichs.', pgError?.column);
    case '22007':
    case '22008':
      return bad('Ein Datum ist ungültig oder liegt außerhalb des erlaubten Bereichs.');
    case '22P02':
      return bad('Eine Angabe hat nicht das erwartete Format (zum Beispiel eine ID).');
    case '23502':
      return bad('Eine Pflichtangabe fehlt.', pgError?.column, 'Pflichtangabe');
    case '23503': {
      const column = keyColumn(pgError?.detail);
      // A delete that others still point at; an insert or update that points at nothing.
      if (/still referenced/.test(pgError?.detail ?? '')) {
        return { status: 409, code: 'conflict', message: 'Der Eintrag wird noch verwendet und kann nicht gelöscht werden.' };
      }
      return bad('Eine Angabe verweist auf einen Eintrag, den es nicht gibt.', column, 'unbekannter Eintrag');
    }
    case '23001':
      // ON DELETE RESTRICT: the same refusal as a plain foreign key's, said the same way.
      return { status: 409, code: 'conflict', message: 'Der Eintrag wird noch verwendet und kann nicht gelöscht werden.' };
    case '23505':
      return { status: 409, code: 'conflict', message: 'Ein Eintrag mit diesen Angaben existiert bereits.' };
    case '23P01':
      return { status: 409, code: 'conflict', message: 'Der Eintrag überschneidet sich mit einem vorhandenen.' };
    case '23514':
      return bad('Eine Angabe ist nicht zulässig.', pgError?.column);
  }
  // The rest of class 22 (data exception) and 54 (too complex, too large) are inputs, not bugs.
  if (sqlClass === '22') return bad('Eine Angabe ist ungültig.');
  if (sqlClass === '54') return bad('Die Anfrage ist zu umfangreich.');
  return undefined;
}

/**
 * A database error as a log line without the statement's parameters: drizzle puts them into its
 * message ("params: …"), and they hold password hashes, token hashes and whatever a person typed.
 */
export function loggableDatabaseError(err: unknown): string | undefined {
  const pgError = findPgError(err);
  const wrapped = err as { query?: unknown; stack?: unknown };
  if (!pgError && typeof wrapped.query !== 'string') return undefined;
  const query = typeof wrapped.query === 'string' ? ` in: ${wrapped.query.replace(/\s+/g, ' ').slice(0, 300)}` : '';
  // A data or constraint error quotes the value ('invalid input syntax …: "…"', 'Key (email)=(…)'); others name only the schema.
  const quotesValue = /^2[23]/.test(pgError?.code ?? '');
  const said = pgError?.message && !quotesValue ? `: ${pgError.message}` : '';
  const stack = typeof wrapped.stack === 'string' ? wrapped.stack : '';
  const frames = stack.includes('\n    at ') ? stack.slice(stack.indexOf('\n    at ')) : '';
  return `database error ${pgError?.code ?? 'unknown'}${said}${query}${frames}`;
}
