import { asc, desc, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Response } from 'express';
import { z } from 'zod';

const MAX_PAGE = 500;
// react-admin's getMany asks for the ids on one screen; 100 of them keep the URL within Node's 16 KB of headers.
const MAX_IDS = 100;

/**
 * The OpenAPI document shows a JSON parameter as what it is, JSON of this schema (openapi.ts turns
 * the mark into the parameter's `content`), so that clients and generated tests send JSON.
 */
export const JSON_PARAM_MARK = 'x-amtsflow-json';

function jsonParam<S extends z.ZodType>(schema: S, example: string, description: string) {
  return z
    .string()
    .meta({ description, [JSON_PARAM_MARK]: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) })
    .optional()
    .transform((text, ctx): z.infer<S> | undefined => {
      if (text === undefined) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `kein gültiges JSON (erwartet z. B. ${example})` });
        return z.NEVER;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) ctx.addIssue({ code: 'custom', message: 'unbekanntes Feld', path: [...issue.path, key] });
          } else {
            ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
          }
        }
        return z.NEVER;
      }
      return parsed.data;
    });
}

/**
 * react-admin's simple-REST list query: sort=["field","ASC"], range=[0,24], filter={...}.
 * Unknown sort fields and filter keys are a 400 naming them, not a silently ignored wish.
 */
export function listQuerySchema<C extends Record<string, unknown>, F extends z.ZodType>(
  /** The sortable fields: usually columns, or anything the handler knows how to order by. */
  columns: C,
  filter: F,
) {
  const fields = Object.keys(columns) as [string, ...string[]];
  // react-admin's getMany asks by id: ids a uuid column cannot hold are a 400 naming the filter.
  const byUuid = isUuidColumn(columns.id) && filter instanceof z.ZodObject && 'id' in filter.shape;
  const checkedFilter = (byUuid ? (filter as unknown as z.ZodObject).extend({ id: uuidsFilter }) : filter) as unknown as F;
  return z.object({
    sort: jsonParam(
      z.tuple([z.enum(fields), z.enum(['ASC', 'DESC'])]),
      '["id","ASC"]',
      'Sortierung als JSON: ["Feld","ASC"|"DESC"]',
    ),
    range: jsonParam(
      z
        .tuple([z.number().int().min(0), z.number().int().min(0)])
        .refine(([from, to]) => to >= from, RANGE_RULES.order)
        .refine(([from, to]) => to - from < MAX_PAGE, RANGE_RULES.size),
      '[0,24]',
      `Ausschnitt als JSON: [erster, letzter] Eintrag, beide gezählt ab 0 und eingeschlossen. Geschäftsregeln (bei Verstoß 400): ` +
        `das Ende nicht vor dem Anfang („${RANGE_RULES.order}“), ${RANGE_RULES.size}.`,
    ),
    filter: jsonParam(checkedFilter, '{}', 'Filter als JSON-Objekt; unbekannte Schlüssel sind ein Fehler'),
  });
}

const RANGE_RULES = {
  order: 'das Ende liegt vor dem Anfang',
  size: `höchstens ${MAX_PAGE} Einträge je Seite`,
};

export interface ListRequest<F> {
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
  filter?: F;
}

export function pageOf<F>(query: ListRequest<F>, fallbackSize = 25): { offset: number; limit: number } {
  const [from, to] = query.range ?? [0, fallbackSize - 1];
  return { offset: from, limit: to - from + 1 };
}

export function orderOf(
  columns: Record<string, AnyPgColumn | SQL>,
  sort: [string, 'ASC' | 'DESC'] | undefined,
  fallback: SQL,
  tieBreaker: AnyPgColumn,
): SQL[] {
  if (!sort) return [fallback, asc(tieBreaker)];
  const column = columns[sort[0]];
  if (!column) return [fallback, asc(tieBreaker)];
  return [sort[1] === 'ASC' ? asc(column) : desc(column), asc(tieBreaker)];
}

/** A search word as an ILIKE pattern that finds it anywhere: its own %, _ and \\ match themselves. */
export const containsPattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

export function sendList<T>(res: Response, resource: string, rows: T[], total: number, offset: number): T[] {
  const end = rows.length === 0 ? offset : offset + rows.length - 1;
  res.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
  return rows;
}

/** react-admin's getMany sends filter={"id":[...]}; every resource accepts it. */
export const idsFilter = z.array(z.string().max(100)).max(MAX_IDS).optional();

export function idsFilterOf(id: z.ZodType) {
  return z.array(id).max(MAX_IDS).optional();
}

export const uuidFilter = z.uuid('keine gültige ID');
export const uuidsFilter = idsFilterOf(uuidFilter);

export function isUuidColumn(column: unknown): boolean {
  return (column as { columnType?: string } | null)?.columnType === 'PgUUID';
}

// PostgreSQL's dates begin with the year 1; "0000-01-01" is valid ISO but no day it can store.
const notYearZero = /^(?!0000)/;

/** A day ("2026-11-30") or a moment with its offset: the "bis"/"ab" of a list's date filter. */
export const dayOrMomentFilter = z.union(
  // PostgreSQL takes time zones up to ±15:59; the ISO pattern alone would let +23:42 through to it.
  [z.iso.datetime({ offset: true }).regex(notYearZero).regex(/(Z|[+-](0\d|1[0-5]):?[0-5]\d)$/i), z.iso.date().regex(notYearZero)],
  { error: 'kein gültiges Datum (JJJJ-MM-TT ab dem Jahr 0001) oder Zeitpunkt mit Zeitzone' },
);
