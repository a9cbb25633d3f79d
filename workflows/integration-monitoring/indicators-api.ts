import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { crudResource } from '../../api/crud';
import { HttpError } from '../../api/errors';
import { idParams, type Api } from '../../api/route';
import type { Db } from '../../db/client';
import { unknownDepartments } from '../../db/references';
import { indicatorDirections, indicators, indicatorValues, indicatorValueSources } from './schema';

// Keys become answer form fields ("<indicator>__<breakdown>", at most 40 characters): hence the
// lengths, and no "__" inside a key.
const key = (max: number) =>
  z
    .string()
    .max(max, `höchstens ${max} Zeichen`)
    .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'Kleinbuchstaben, Ziffern und einzelne _, beginnend mit einem Buchstaben');

const disaggregations = z
  .array(z.strictObject({ key: key(14), label: z.string().trim().min(1, 'Bitte eine Bezeichnung angeben').max(100) }))
  .max(12, 'höchstens 12 Aufschlüsselungen')
  .refine((list) => new Set(list.map((d) => d.key)).size === list.length, 'jeder Schlüssel nur einmal');

const bound = z.number({ error: 'eine Zahl' }).nullable().optional();

const fields = {
  key: key(24),
  name: z.string().trim().min(3, 'Bitte einen Namen angeben').max(200),
  description: z.string().trim().max(5000).default(''),
  unit: z.string().trim().min(1, 'Bitte eine Einheit angeben').max(40),
  departmentId: z.uuid('keine gültige Dienststellen-ID'),
  direction: z.enum(indicatorDirections, { error: 'higher_better oder lower_better' }),
  disaggregations: disaggregations.default([]),
  plausibleMin: bound,
  plausibleMax: bound,
  active: z.boolean().default(true),
};

const rangeOrdered = (v: { plausibleMin?: number | null; plausibleMax?: number | null }) =>
  v.plausibleMin === undefined || v.plausibleMin === null || v.plausibleMax === undefined || v.plausibleMax === null || v.plausibleMin <= v.plausibleMax;
const rangeIssue = { path: ['plausibleMax'], message: 'Das Maximum liegt unter dem Minimum' };

export const indicatorInput = z.strictObject(fields).refine(rangeOrdered, rangeIssue);
const indicatorUpdate = z.strictObject(fields).partial().refine(rangeOrdered, rangeIssue);

export const indicatorSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    unit: z.string(),
    departmentId: z.string(),
    direction: z.enum(indicatorDirections),
    disaggregations: z.array(z.object({ key: z.string(), label: z.string() })),
    plausibleMin: z.number().nullable(),
    plausibleMax: z.number().nullable(),
    active: z.boolean(),
    createdAt: z.date(),
  })
  .meta({ id: 'Indicator' });

const valueSchema = z
  .object({
    quarter: z.string(),
    disaggregation: z.string(),
    value: z.number().nullable(),
    comment: z.string().nullable(),
    source: z.enum(indicatorValueSources),
    procedureId: z.string().nullable(),
    recordedAt: z.date(),
  })
  .meta({ id: 'IndicatorValue' });

async function checkDepartment(db: Db, departmentId: string | undefined): Promise<void> {
  if (departmentId === undefined) return;
  const problems = await unknownDepartments(db, [departmentId], 'body.departmentId');
  if (problems.length > 0) throw HttpError.badRequest('Ungültige Angaben', problems.map((p) => ({ ...p, path: 'body.departmentId' })));
}

const indicatorRules = [
  'departmentId: eine vorhandene Dienststelle',
  'disaggregations: jeder Schlüssel (key) einer Aufschlüsselung nur einmal',
  'plausibleMax: nicht kleiner als plausibleMin, wenn beide angegeben sind',
];

/** Indicators of the integration monitoring as master data (admins edit), and each one's time series. */
export function indicatorRoutes(api: Api, db: Db) {
  crudResource(api, db, {
    resource: 'indicators',
    label: 'Indikator',
    table: indicators,
    idColumn: indicators.id,
    columns: {
      id: indicators.id,
      key: indicators.key,
      name: indicators.name,
      description: indicators.description,
      unit: indicators.unit,
      departmentId: indicators.departmentId,
      direction: indicators.direction,
      disaggregations: indicators.disaggregations,
      plausibleMin: indicators.plausibleMin,
      plausibleMax: indicators.plausibleMax,
      active: indicators.active,
      createdAt: indicators.createdAt,
    },
    searchColumns: [indicators.name, indicators.key, indicators.description],
    filters: {
      departmentId: { column: indicators.departmentId, schema: z.uuid() },
      active: { column: indicators.active, schema: z.boolean() },
      direction: { column: indicators.direction, schema: z.enum(indicatorDirections) },
    },
    defaultSort: asc(indicators.name),
    read: 'user',
    write: ['admin'],
    schema: indicatorSchema,
    create: {
      body: indicatorInput,
      rules: indicatorRules,
      async toRow(b) {
        await checkDepartment(db, b.departmentId);
        return b;
      },
    },
    update: {
      body: indicatorUpdate,
      rules: indicatorRules,
      async toRow(b) {
        await checkDepartment(db, b.departmentId);
        return b;
      },
    },
    async beforeDelete(id) {
      const [used] = await db.select({ id: indicatorValues.id }).from(indicatorValues).where(eq(indicatorValues.indicatorId, id)).limit(1);
      if (used) throw HttpError.conflict('Der Indikator hat Werte; bitte stattdessen deaktivieren');
    },
  });

  api.route({
    method: 'get',
    path: '/api/indicators/:id/values',
    summary: 'Zeitreihe eines Indikators: alle Quartale und Aufschlüsselungen',
    tag: 'indicators',
    access: 'user',
    params: idParams,
    query: z.strictObject({ disaggregation: z.string().max(40).optional() }),
    response: z.array(valueSchema),
    async handler({ params, query }) {
      const [indicator] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, params.id));
      if (!indicator) throw HttpError.notFound('Indikator');
      return db
        .select({
          quarter: indicatorValues.quarter,
          disaggregation: indicatorValues.disaggregation,
          value: indicatorValues.value,
          comment: indicatorValues.comment,
          source: indicatorValues.source,
          procedureId: indicatorValues.procedureId,
          recordedAt: indicatorValues.recordedAt,
        })
        .from(indicatorValues)
        .where(and(eq(indicatorValues.indicatorId, params.id), query.disaggregation ? eq(indicatorValues.disaggregation, query.disaggregation) : undefined))
        .orderBy(asc(indicatorValues.quarter), asc(indicatorValues.disaggregation));
    },
  });
}
