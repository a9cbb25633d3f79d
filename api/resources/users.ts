import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { departments, roles, taskMailChoices, users } from '../../db/schema';
import { hashPassword } from '../auth';
import { crudResource } from '../crud';
import { HttpError } from '../errors';
import type { Api } from '../route';

const password = z.string().min(10, 'mindestens 10 Zeichen').max(200);

const userBase = {
  email: z.email('keine gültige E-Mail-Adresse'),
  name: z.string().trim().min(2).max(200),
  // A set: a role named twice is a mistake of the client, said as such rather than silently folded.
  roles: z
    .array(z.enum(roles))
    .min(1, 'mindestens eine Rolle')
    .refine((list) => new Set(list).size === list.length, 'jede Rolle nur einmal')
    .meta({ uniqueItems: true }),
  departmentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  absent: z.boolean().optional(),
  substituteId: z.uuid().nullable().optional(),
  /** "each": a mail for each new task; "digest": one Tagesübersicht a morning instead. */
  taskMail: z.enum(taskMailChoices).optional(),
};

export const userCreate = z.strictObject({ ...userBase, password });
export const userUpdate = z.strictObject({ ...userBase, password: password.optional() }).partial();

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(roles)),
    departmentId: z.string().nullable(),
    active: z.boolean(),
    absent: z.boolean(),
    substituteId: z.string().nullable(),
    taskMail: z.enum(taskMailChoices),
    createdAt: z.date(),
  })
  .meta({ id: 'User' });

const rules = ['departmentId: eine vorhandene Dienststelle', 'substituteId: eine aktive Person'];

export function userRoutes(api: Api, db: Db) {
  async function checkSubstitute(id: string | null | undefined) {
    if (!id) return;
    const [sub] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, id), eq(users.active, true)));
    if (!sub) throw HttpError.badRequest('Unbekannte Vertretung', [{ path: 'body.substituteId', message: 'keine aktive Person' }]);
  }

  async function checkDepartment(id: string | null | undefined) {
    if (!id) return;
    const [department] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
    if (!department) throw HttpError.badRequest('Unbekannte Dienststelle', [{ path: 'body.departmentId', message: 'unbekannte Dienststelle' }]);
  }

  crudResource(api, db, {
    resource: 'users',
    label: 'Benutzer',
    table: users,
    idColumn: users.id,
    columns: {
      id: users.id,
      email: users.email,
      name: users.name,
      roles: users.roles,
      departmentId: users.departmentId,
      active: users.active,
      absent: users.absent,
      substituteId: users.substituteId,
      taskMail: users.taskMail,
      createdAt: users.createdAt,
    },
    searchColumns: [users.name, users.email],
    filters: {
      active: { column: users.active, schema: z.boolean() },
      absent: { column: users.absent, schema: z.boolean() },
      departmentId: { column: users.departmentId, schema: z.uuid() },
    },
    defaultSort: asc(users.name),
    read: ['admin', 'manager'],
    write: ['admin'],
    schema: userSchema,
    create: {
      body: userCreate,
      rules,
      async toRow({ password: pw, ...rest }) {
        await checkSubstitute(rest.substituteId);
        await checkDepartment(rest.departmentId);
        return { ...rest, passwordHash: await hashPassword(pw) };
      },
    },
    update: {
      body: userUpdate,
      rules,
      async toRow({ password: pw, ...rest }) {
        await checkSubstitute(rest.substituteId);
        await checkDepartment(rest.departmentId);
        return pw ? { ...rest, passwordHash: await hashPassword(pw) } : rest;
      },
    },
  });
}
