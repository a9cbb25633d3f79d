import { index, integer, pgTable } from 'drizzle-orm/pg-core';
import { reportDocumentColumns } from '../../documents/report-columns';

/** The year's published Maßnahmenprogramm: its HTML and the PDF printed from it (documents/report-columns.ts). */
export const measureProgrammeReports = pgTable(
  'measure_programme_reports',
  { year: integer('year').notNull().unique(), ...reportDocumentColumns() },
  (t) => [index('measure_programme_reports_published').on(t.publishedAt)],
);
