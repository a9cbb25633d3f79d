import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, procedures, tstz } from '../../db/schema';
import { organisationContacts, organisations } from '../organisations/schema';

// What a campaign made and whom it wrote to: the flyer of each language as it was printed, and one
// row per contact mailed, in the language the mail was written in (the report's reach per language).

export const campaignFlyers = pgTable(
  'campaign_flyers',
  {
    procedureId: text('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    /** A code of organisations/languages.ts; "de" is the source. */
    language: text('language').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    /** The translated accompanying words of the mail; the German one for "de". */
    letter: text('letter').notNull(),
    pdf: bytea('pdf').notNull(),
    pdfSize: integer('pdf_size').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.language] })],
);

export const campaignMailings = pgTable(
  'campaign_mailings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: text('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    // A contact or organisation deleted later leaves the count of what was sent.
    contactId: uuid('contact_id').references(() => organisationContacts.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The language the mail and its flyer were in: the contact's, or German where its translation is missing. */
    language: text('language').notNull(),
    /** The request whose answer link the mail carried. */
    requestId: uuid('request_id').notNull(),
    sentAt: tstz('sent_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaign_mailings_once').on(t.requestId, t.contactId), index('campaign_mailings_procedure').on(t.procedureId)],
);
