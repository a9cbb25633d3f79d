import { asc } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import { crudResource } from '../crud';
import type { Api } from '../route';

export const departmentInput = z.strictObject({
  code: z.string().trim().min(2).max(20).regex(/^[A-Z0-9-]+$/, 'nur Großbuchstaben, Ziffern und Bindestrich'),
  name: z.string().trim().min(2).max(200),
  contactEmail: z.email('keine gültige E-Mail-Adresse'),
  headName: z.string().trim().max(200).nullable().optional(),
  headEmail: z.email('keine gültige E-Mail-Adresse'),
});

export const departmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    contactEmail: z.string(),
    headName: z.string().nullable(),
    headEmail: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'Department' });

export function departmentRoutes(api: Api, db: Db) {
  crudResource(api, db, {
    resource: 'departments',
    label: 'Dienststelle',
    table: departments,
    idColumn: departments.id,
    columns: {
      id: departments.id,
      code: departments.code,
      name: departments.name,
      contactEmail: departments.contactEmail,
      headName: departments.headName,
      headEmail: departments.headEmail,
      createdAt: departments.createdAt,
    },
    searchColumns: [departments.name, departments.code],
    filters: { code: { column: departments.code, schema: z.string() } },
    defaultSort: asc(departments.name),
    read: 'user',
    write: ['admin'],
    schema: departmentSchema,
    create: { body: departmentInput, toRow: (b) => b },
    update: { body: departmentInput.partial(), toRow: (b) => b },
  });
}
