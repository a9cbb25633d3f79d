import { boolean, doublePrecision, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { departments, tstz } from '../../db/schema';
import { reportDocumentColumns } from '../../documents/report-columns';

export const indicatorDirections = ['higher_better', 'lower_better'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

/** One breakdown of an indicator's value: "mit Migrationshintergrund", an age group, a district. */
export interface Disaggregation {
  key: string;
  label: string;
}

/** An integration indicator (Integrationsmonitoring): what is measured, by whom, and what counts as plausible. */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    direction: text('direction').notNull().$type<IndicatorDirection>(),
    disaggregations: jsonb('disaggregations').notNull().$type<Disaggregation[]>(),
    // A value outside this range is not refused, but needs the department's comment and a check by staff.
    plausibleMin: doublePrecision('plausible_min'),
    plausibleMax: doublePrecision('plausible_max'),
    active: boolean('active').notNull().default(true),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('indicators_department').on(t.departmentId)],
);

export const indicatorValueSources = ['department', 'clarification', 'seed'] as const;
export type IndicatorValueSource = (typeof indicatorValueSources)[number];

/** An indicator's value for one quarter and one breakdown; null when even the clarification found none. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    quarter: text('quarter').notNull(),
    disaggregation: text('disaggregation').notNull(),
    value: doublePrecision('value'),
    comment: text('comment'),
    source: text('source').notNull().$type<IndicatorValueSource>(),
    procedureId: text('procedure_id'),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_values_point').on(t.indicatorId, t.quarter, t.disaggregation)],
);

/** The quarter's published report: its HTML and the PDF printed from it (documents/report-columns.ts). */
export const monitoringReports = pgTable(
  'monitoring_reports',
  { quarter: text('quarter').notNull().unique(), ...reportDocumentColumns() },
  (t) => [index('monitoring_reports_published').on(t.publishedAt)],
);
