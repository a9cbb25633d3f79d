import { and, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { writeAudit } from '../db/audit';
import type { Db, DbTransaction } from '../db/client';
import { HttpError } from './errors';
import { containsPattern, idsFilterOf, isUuidColumn, listQuerySchema, orderOf, pageOf, sendList, uuidFilter, uuidsFilter } from './list-query';
import { idParams, type Access, type Api } from './route';
import type { SessionUser } from './session-user';

export interface CrudSpec<T extends PgTable, C extends z.ZodType, U extends z.ZodType, R extends z.ZodType> {
  resource: string;
  label: string;
  table: T;
  idColumn: AnyPgColumn;
  /** The columns the API shows and sorts by (secrets such as password hashes stay out). */
  columns: Record<string, AnyPgColumn>;
  searchColumns: AnyPgColumn[];
  /** Filters: filter key → column, matched exactly unless `where` says how (e.g. "the array contains"). */
  filters: Record<string, { column: AnyPgColumn; schema: z.ZodType; where?(value: unknown): SQL }>;
  defaultSort: SQL;
  read: Access;
  /** Without it the resource is read-only. */
  write?: Access;
  schema?: R;
  /** For tables whose key is not a UUID. */
  idSchema?: z.ZodType<string | number>;
  /** The row to write; `user` is who asks (for columns such as createdBy). */
  create?: {
    body: C;
    rules?: string[];
    toRow(body: z.infer<C>, user: SessionUser): Promise<Record<string, unknown>> | Record<string, unknown>;
    /** What must happen together with the insert, or not at all (a procedure the new row starts). */
    alongside?(tx: DbTransaction, id: string, user: SessionUser): Promise<void>;
  };
  /** `current` is the row as the API shows it before the change (for values derived from the fields not sent). */
  update?: {
    body: U;
    rules?: string[];
    toRow(body: z.infer<U>, user: SessionUser, current: Record<string, unknown>): Promise<Record<string, unknown>> | Record<string, unknown>;
  };
  /**
   * What a create's or an update's answer adds to the row, for what the person entering it should see
   * at once (the measures' possible duplicates); a list or a read shows the row alone.
   */
  answer?(row: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** False: a record that must stay (a consent, withdrawn or not) offers no delete. */
  deletable?: boolean;
  /** Refuses a delete that would break something, with a message people understand. */
  beforeDelete?(id: string): Promise<void>;
  /** What must happen together with the delete, or not at all (ending a procedure about the row). */
  alongsideDelete?(tx: DbTransaction, id: string, user: SessionUser): Promise<void>;
}

function uniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

/** The react-admin resource mechanism for master data: list, show, create, update, delete, audited. */
export function crudResource<T extends PgTable, C extends z.ZodType, U extends z.ZodType, R extends z.ZodType>(
  api: Api,
  db: Db,
  spec: CrudSpec<T, C, U, R>,
): void {
  const path = `/api/${spec.resource}`;
  const params = spec.idSchema ? z.strictObject({ id: spec.idSchema }) : idParams;
  const itemSchema = spec.schema ?? z.record(z.string(), z.unknown());
  // An id the column cannot hold is a 400 naming the filter, not a statement PostgreSQL refuses.
  const filterShape = Object.fromEntries(
    Object.entries(spec.filters).map(([k, f]) => [k, (isUuidColumn(f.column) && !f.where ? uuidFilter : f.schema).optional()]),
  );
  const filterSchema = z.strictObject({
    id: spec.idSchema ? idsFilterOf(spec.idSchema) : uuidsFilter,
    q: z.string().max(200).optional(),
    ...filterShape,
  });

  async function load(id: string | number) {
    const [row] = await db.select(spec.columns).from(spec.table as PgTable).where(eq(spec.idColumn, id));
    if (!row) throw HttpError.notFound(spec.label);
    return row;
  }

  async function answerOf(row: Record<string, unknown>) {
    return spec.answer ? spec.answer(row) : row;
  }

  async function audit(user: SessionUser, action: string, id: string, detail?: Record<string, unknown>) {
    await writeAudit(db, { actorId: user.id, action: `${spec.resource}.${action}`, entityType: spec.resource, entityId: id, detail });
  }

  async function mapConflict<X>(work: () => Promise<X>): Promise<X> {
    try {
      return await work();
    } catch (err) {
      if (uniqueViolation(err)) throw HttpError.conflict(`${spec.label}: ein Eintrag mit diesen Angaben existiert bereits`);
      throw err;
    }
  }

  api.route({
    method: 'get',
    path,
    summary: `${spec.label}: Liste`,
    tag: spec.resource,
    access: spec.read,
    query: listQuerySchema(spec.columns, filterSchema),
    response: z.array(itemSchema),
    async handler({ query, res }) {
      const f = (query.filter ?? {}) as Record<string, unknown> & { id?: string[]; q?: string };
      const where: (SQL | undefined)[] = [];
      if (f.id) where.push(inArray(spec.idColumn, f.id));
      if (f.q) {
        const pattern = containsPattern(f.q);
        where.push(or(...spec.searchColumns.map((c) => ilike(c, pattern))));
      }
      for (const [key, filter] of Object.entries(spec.filters)) {
        const value = f[key];
        if (value !== undefined) where.push(filter.where ? filter.where(value) : eq(filter.column, value));
      }
      const { offset, limit } = pageOf(query);
      const [rows, [total]] = await Promise.all([
        db
          .select(spec.columns)
          .from(spec.table as PgTable)
          .where(and(...where))
          .orderBy(...orderOf(spec.columns, query.sort, spec.defaultSort, spec.idColumn))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(spec.table as PgTable).where(and(...where)),
      ]);
      return sendList(res, spec.resource, rows, total?.n ?? 0, offset);
    },
  });

  api.route({
    method: 'get',
    path: `${path}/:id`,
    summary: `${spec.label}: ein Eintrag`,
    tag: spec.resource,
    access: spec.read,
    params,
    response: itemSchema,
    handler: async ({ params }) => load(params.id),
  });

  const write = spec.write;
  if (!write) return;

  if (spec.create) {
    const create = spec.create;
    api.route({
      method: 'post',
      path,
      summary: `${spec.label}: anlegen`,
      tag: spec.resource,
      access: write,
      body: create.body,
      rules: create.rules,
      response: itemSchema,
      successStatus: 201,
      async handler({ body, user }) {
        const values = await create.toRow(body as z.infer<C>, user);
        const id = await mapConflict(() =>
          db.transaction(async (tx) => {
            const [row] = await tx.insert(spec.table).values(values as never).returning({ id: spec.idColumn });
            const created = String((row as { id: unknown }).id);
            await create.alongside?.(tx, created, user);
            return created;
          }),
        );
        await audit(user, 'created', id);
        return answerOf(await load(id));
      },
    });
  }

  if (spec.update) {
    const update = spec.update;
    api.route({
      method: 'put',
      path: `${path}/:id`,
      summary: `${spec.label}: ändern`,
      tag: spec.resource,
      access: write,
      params: idParams,
      body: update.body,
      rules: update.rules,
      response: itemSchema,
      async handler({ params, body, user }) {
        const current = await load(params.id);
        const values = await update.toRow(body as z.infer<U>, user, current);
        if (Object.keys(values).length > 0) {
          await mapConflict(() => db.update(spec.table).set(values as never).where(eq(spec.idColumn, params.id)));
        }
        await audit(user, 'updated', params.id, { fields: Object.keys(values).filter((k) => k !== 'passwordHash') });
        return answerOf(await load(params.id));
      },
    });
  }

  if (spec.deletable === false) return;
  api.route({
    method: 'delete',
    path: `${path}/:id`,
    summary: `${spec.label}: löschen`,
    tag: spec.resource,
    access: write,
    params: idParams,
    response: itemSchema,
    async handler({ params, user }) {
      const row = await load(params.id);
      await spec.beforeDelete?.(params.id);
      try {
        await db.transaction(async (tx) => {
          await tx.delete(spec.table).where(eq(spec.idColumn, params.id));
          await spec.alongsideDelete?.(tx, params.id, user);
        });
      } catch (err) {
        if ((err as { code?: string; cause?: { code?: string } }).cause?.code === '23503') {
          throw HttpError.conflict(`${spec.label} wird noch verwendet und kann nicht gelöscht werden`);
        }
        throw err;
      }
      await audit(user, 'deleted', params.id);
      return row;
    },
  });
}
