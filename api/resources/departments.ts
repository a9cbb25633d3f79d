import { asc } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import { deriveNameForms, grammaticalGenders, startsWithArticle, type GrammaticalGender } from '../../grammar/german';
import { crudResource } from '../crud';
import type { Api } from '../route';

/** A case form of the name, as it follows the article: the article itself comes from the gender. */
const caseForm = (example: string) =>
  z
    .string()
    .min(2, 'mindestens 2 Zeichen')
    .max(200, 'höchstens 200 Zeichen')
    // In the document (a pattern), not a trim after it: "  x" is no form, and the document says so.
    .regex(/^\S(?:.*\S)?$/, 'ohne Leerzeichen am Anfang oder Ende')
    .refine((v) => !startsWithArticle(v), `ohne Artikel eintragen, z. B. „${example}“; der Artikel folgt aus dem Geschlecht`);

export const departmentInput = z.strictObject({
  code: z.string().trim().min(2).max(20).regex(/^[A-Z0-9-]+$/, 'nur Großbuchstaben, Ziffern und Bindestrich'),
  name: z.string().trim().min(2).max(200),
  // Left out or empty (null), a form is derived from the name (grammar/german.ts); so is one not sent with a new name.
  grammaticalGender: z
    .enum(grammaticalGenders, 'bitte „der“ (maskulin), „die“ (feminin), „das“ (neutrum) oder „die“ (Mehrzahl) wählen')
    .nullable()
    .optional(),
  nameAccusative: caseForm('Jugendamt').nullable().optional(),
  nameDative: caseForm('Jugendamt').nullable().optional(),
  nameGenitive: caseForm('Jugendamts').nullable().optional(),
  contactEmail: z.email('keine gültige E-Mail-Adresse'),
  headName: z.string().trim().max(200).nullable().optional(),
  headEmail: z.email('keine gültige E-Mail-Adresse'),
});

type DepartmentInput = Partial<z.infer<typeof departmentInput>>;

const NO_ARTICLE_RULES = (['nameAccusative', 'nameDative', 'nameGenitive'] as const).map(
  (field) => `${field}: beginnt nicht mit einem Artikel (der, die, das, den, dem, des); der Artikel folgt aus grammaticalGender`,
);

const FORM_FIELDS = ['grammaticalGender', 'nameAccusative', 'nameDative', 'nameGenitive'] as const;

/**
 * The row to write, with the name's forms: a form sent empty (null) is derived from the name; one
 * not sent is kept, unless the department is new or renamed (the old name's forms fit no longer).
 */
export function withNameForms(body: DepartmentInput, current?: { name: string; grammaticalGender: GrammaticalGender }): DepartmentInput {
  const renamed = body.name !== undefined && body.name !== current?.name;
  const derived = deriveNameForms(body.name ?? current?.name ?? '', body.grammaticalGender ?? (renamed ? undefined : current?.grammaticalGender));
  const row: Record<string, unknown> = { ...body };
  for (const field of FORM_FIELDS) {
    if (body[field] === null || (body[field] === undefined && (renamed || !current))) row[field] = derived[field];
  }
  return row as DepartmentInput;
}

/** A department's name with the forms every text names it by. */
export const nameFormsSchema = z
  .object({
    name: z.string(),
    grammaticalGender: z.enum(grammaticalGenders),
    nameAccusative: z.string(),
    nameDative: z.string(),
    nameGenitive: z.string(),
  })
  .meta({ id: 'DepartmentNameForms' });

export const departmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    ...nameFormsSchema.shape,
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
      grammaticalGender: departments.grammaticalGender,
      nameAccusative: departments.nameAccusative,
      nameDative: departments.nameDative,
      nameGenitive: departments.nameGenitive,
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
    create: { body: departmentInput, rules: NO_ARTICLE_RULES, toRow: (b) => withNameForms(b) },
    update: {
      body: departmentInput.partial(),
      rules: NO_ARTICLE_RULES,
      toRow: (b, _user, current) => withNameForms(b, current as { name: string; grammaticalGender: GrammaticalGender }),
    },
  });
}
