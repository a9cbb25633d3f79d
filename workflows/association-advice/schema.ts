import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { procedures, tstz } from '../../db/schema';
import { fundingCalls } from '../funding-call-review/schema';
import { organisations } from '../organisations/schema';
import type { CaseOutcome, MeetingMode } from './vocabulary';

// An advice case as the office keeps it beside its procedure: the organisation it is for (linked
// to the register once known), its appointments as they were sent, and the funding calls proposed.
// The advisor's notes are the engine's Vermerke (notes), written at the task.

export const adviceCases = pgTable(
  'advice_cases',
  {
    procedureId: text('procedure_id')
      .primaryKey()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** As the request named it: the register's name, or the one typed into the public form. */
    organisationName: text('organisation_name').notNull(),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    topics: text('topics').array().notNull(),
    channel: text('channel').notNull(),
    openedAt: tstz('opened_at').notNull().defaultNow(),
    outcome: text('outcome').$type<CaseOutcome>(),
    closedAt: tstz('closed_at'),
  },
  (t) => [index('advice_cases_organisation').on(t.organisationId), index('advice_cases_opened').on(t.openedAt)],
);

export const adviceAppointments = pgTable(
  'advice_appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: text('procedure_id')
      .notNull()
      .references(() => adviceCases.procedureId, { onDelete: 'cascade' }),
    /** The case's first, second … appointment: one invitation each, however often its activity runs. */
    round: integer('round').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    mode: text('mode').notNull().$type<MeetingMode>(),
    place: text('place').notNull(),
    /** The iCalendar UID: a calendar recognises a resent invitation as the same event. */
    uid: text('uid').notNull(),
    sentAt: tstz('sent_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('advice_appointments_round').on(t.procedureId, t.round)],
);

export const adviceProposals = pgTable(
  'advice_proposals',
  {
    procedureId: text('procedure_id')
      .notNull()
      .references(() => adviceCases.procedureId, { onDelete: 'cascade' }),
    fundingCallId: uuid('funding_call_id')
      .notNull()
      .references(() => fundingCalls.id, { onDelete: 'cascade' }),
    proposedAt: tstz('proposed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.fundingCallId] })],
);
