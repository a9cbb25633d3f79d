import { integer, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tstz, users } from '../db/schema';

/**
 * The columns every published report keeps (the monitoring's quarter, the Maßnahmenprogramm's year):
 * its HTML, the PDF printed from it, who approved it and when it went out. A module's report table
 * adds its period and spreads these, so that one store (report-store.ts) and one set of routes
 * (report-routes.ts) serve every report.
 */
export function reportDocumentColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: text('procedure_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    html: text('html').notNull(),
    pdf: bytea('pdf'),
    pdfSize: integer('pdf_size'),
    approvedBy: uuid('approved_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    publishedAt: tstz('published_at'),
  };
}
