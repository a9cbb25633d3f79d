import { sql } from 'drizzle-orm';
import { index, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { procedures, tstz, users } from '../../db/schema';

export const fundingSources = ['eu', 'bund', 'land-nrw', 'stiftung', 'sonstige'] as const;
export type FundingSource = (typeof fundingSources)[number];

/** Förderaufrufe: registered by staff or imported from a funding feed, each reviewed by one procedure. */
export const fundingCalls = pgTable(
  'funding_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull().$type<FundingSource>(),
    funder: text('funder').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    // Euros; numeric, because budgets are money, not floating-point guesses.
    budget: numeric('budget', { precision: 14, scale: 2, mode: 'number' }),
    /** The applicant's own share in percent of the project's cost. */
    cofinancingShare: numeric('cofinancing_share', { precision: 5, scale: 2, mode: 'number' }),
    // A feed entry may not name its deadline; triage then sets it.
    submissionDeadline: tstz('submission_deadline'),
    // The call's page at the funder: the key by which a feed import recognises a call it has seen.
    link: text('link').notNull().unique(),
    origin: text('origin').notNull().$type<'manual' | 'feed'>().default('manual'),
    feedUrl: text('feed_url'),
    reviewProcedureId: text('review_procedure_id').references(() => procedures.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('funding_calls_deadline').on(t.submissionDeadline), index('funding_calls_created').on(t.createdAt)],
);
