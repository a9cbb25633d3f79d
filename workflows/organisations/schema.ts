import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tstz, users } from '../../db/schema';
import type { ConsentChannel, ConsentPurpose, OrganisationKind, OrganisationTopic, WithdrawalChannel } from './vocabulary';

// The register of the communities' organisations (Migrantenselbstorganisationen, faith communities,
// associations), their contact persons with what each agreed to be contacted for, and the
// translators (Sprachmittler) the office asks.

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull().$type<OrganisationKind>(),
    /** The communities it reaches, in the office's words ("eritreische Community"). */
    communities: text('communities').array().notNull().default(sql`'{}'::text[]`),
    /** Language codes (languages.ts). */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** Stadtbezirke and Stadtteile of the measure registry's districts. */
    districtIds: uuid('district_ids').array().notNull().default(sql`'{}'::uuid[]`),
    topics: text('topics').array().notNull().$type<OrganisationTopic[]>().default(sql`'{}'::text[]`),
    /** eingetragener Verein */
    registeredAssociation: boolean('registered_association').notNull().default(false),
    /** gemeinnützig */
    charitable: boolean('charitable').notNull().default(false),
    street: text('street').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default('Köln'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_name').on(sql`lower(${t.name})`),
    index('organisations_languages').using('gin', t.languages),
    index('organisations_districts').using('gin', t.districtIds),
  ],
);

/**
 * A contact person of an organisation. Rows of their own, not a list on the organisation: a
 * withdrawal by the person's link must not be undone by a clerk saving the organisation's form.
 */
export const organisationContacts = pgTable(
  'organisation_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    /** The language the person is written to in (a code of languages.ts). */
    language: text('language').notNull().default('de'),
    // Kept in clear so that every mail can carry the link: it grants nothing but withdrawing this
    // person's consents, which the person may do anyway. The API never shows it.
    withdrawalToken: text('withdrawal_token')
      .notNull()
      .unique()
      // gen_random_uuid draws from PostgreSQL's strong random source: two make 244 random bits.
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('organisation_contacts_organisation').on(t.organisationId)],
);

/** What a person agreed to be contacted for, when and how; withdrawn, it stays as the record of both. */
export const contactConsents = pgTable(
  'contact_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => organisationContacts.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull().$type<ConsentPurpose>(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    givenHow: text('given_how').notNull().$type<ConsentChannel>(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    withdrawnAt: tstz('withdrawn_at'),
    withdrawnHow: text('withdrawn_how').$type<WithdrawalChannel>(),
  },
  (t) => [
    // One standing consent per purpose; a new one after a withdrawal is a new row.
    uniqueIndex('contact_consents_standing').on(t.contactId, t.purpose).where(sql`${t.withdrawnAt} is null`),
    index('contact_consents_contact').on(t.contactId),
    check('contact_consents_withdrawal', sql`(${t.withdrawnAt} is null) = (${t.withdrawnHow} is null)`),
  ],
);

/** Sprachmittlerinnen und Sprachmittler: asked by mail to translate from German into their languages. */
export const translators = pgTable(
  'translators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    /** The languages the person translates into (codes of languages.ts). */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    /** An inactive translator stays on record but is not asked. */
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('translators_email').on(sql`lower(${t.email})`), index('translators_languages').using('gin', t.languages)],
);
