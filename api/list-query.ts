import { asc, desc, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Response } from 'express';
import { z } from 'zod';

const MAX_PAGE = 500;

function jsonParam<S extends z.ZodType>(schema: S, example: string) {
  return z
    .string()
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
  return z.object({
    sort: jsonParam(z.tuple([z.enum(fields), z.enum(['ASC', 'DESC'])]), '["id","ASC"]'),
    range: jsonParam(
      z
        .tuple([z.number().int().min(0), z.number().int().min(0)])
        .refine(([from, to]) => to >= from, 'das Ende liegt vor dem Anfang')
        .refine(([from, to]) => to - from < MAX_PAGE, `höchstens ${MAX_PAGE} Einträge je Seite`),
      '[0,24]',
    ),
    filter: jsonParam(filter, '{}'),
  });
}

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

export function sendList<T>(res: Response, resource: string, rows: T[], total: number, offset: number): T[] {
  const end = rows.length === 0 ? offset : offset + rows.length - 1;
  res.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
  return rows;
}

/** react-admin's getMany sends filter={"id":[...]}; every resource accepts it. */
export const idsFilter = z.array(z.string()).max(MAX_PAGE).optional();
