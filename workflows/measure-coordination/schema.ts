import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { departments, procedures, tsvector, tstz, users } from '../../db/schema';
import type { CoordinationDecision } from './forms';
import type { ContactPerson, DistrictKind, FieldOfAction, FundingLine, ProviderKind, TargetGroup } from './vocabulary';

// The registry of the Interkulturelles Maßnahmenprogramm: the city's districts, the providers
// (Träger) and their measures.

/** Köln's Stadtbezirke and, below them, Stadtteile: master data, so another city keeps its own. */
export const districts = pgTable(
  'districts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull().$type<DistrictKind>(),
    /** The official number of a Stadtbezirk (1 Innenstadt … 9 Mülheim), its lists' order. */
    number: integer('number'),
    parentId: uuid('parent_id').references((): AnyPgColumn => districts.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    // Köln's Stadtbezirk Ehrenfeld holds a Stadtteil Ehrenfeld: a name is unique within its kind.
    uniqueIndex('districts_kind_name').on(t.kind, sql`lower(${t.name})`),
    check('districts_kind', sql`${t.kind} in ('stadtbezirk', 'stadtteil')`),
    // A Stadtteil lies in a Stadtbezirk; a Stadtbezirk in nothing of ours.
    check('districts_parent', sql`(${t.kind} = 'stadtteil') = (${t.parentId} is not null)`),
  ],
);

/** Träger: who runs measures; a city department that runs its own links to it. */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull().$type<ProviderKind>(),
    street: text('street').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default('Köln'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    // Validated as a whole by the API; the survey and the consultation address them by their mail.
    contacts: jsonb('contacts').notNull().$type<ContactPerson[]>().default([]),
    districtIds: uuid('district_ids').array().notNull().default(sql`'{}'::uuid[]`),
    departmentId: uuid('department_id').references(() => departments.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('providers_name').on(sql`lower(${t.name})`), index('providers_districts').using('gin', t.districtIds)],
);

/** Maßnahmen: what a provider offers, for whom, where, when and paid by whom. */
export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    fieldOfAction: text('field_of_action').notNull().$type<FieldOfAction>(),
    targetGroups: text('target_groups').array().notNull().$type<TargetGroup[]>().default(sql`'{}'::text[]`),
    /** Languages the measure is offered in, besides German. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    districtIds: uuid('district_ids').array().notNull().default(sql`'{}'::uuid[]`),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Null: ongoing (laufend). */
    endsOn: date('ends_on', { mode: 'string' }),
    placesPerYear: integer('places_per_year'),
    participantsPerYear: integer('participants_per_year'),
    fundingLines: jsonb('funding_lines').notNull().$type<FundingLine[]>().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    // The duplicate check's German side: stems, so "Sprachcafé für Frauen" meets "Sprachcafés für Frauen".
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`setweight(to_tsvector('german', "title"), 'A') || setweight(to_tsvector('german', "description"), 'B')`),
  },
  (t) => [
    index('measures_provider').on(t.providerId),
    index('measures_districts').using('gin', t.districtIds),
    // Searched at every keystroke of a new measure, written a few times a day: without the pending list
    // (fastupdate) every search need not scan the entries not yet merged into the index.
    index('measures_search').using('gin', t.search).with({ fastupdate: false }),
    // pg_trgm (migration 0014 creates the extension): the check's candidates by a similar title or description.
    index('measures_title_trgm').using('gin', t.title.op('gin_trgm_ops')),
    // GiST, unlike GIN, hands out the nearest titles in order: the check takes the closest few, not all alike.
    // A larger signature than the default 12 bytes tells short titles apart with fewer rows to recheck.
    index('measures_title_nearest').using('gist', t.title.op('gist_trgm_ops(siglen=256)')),
    index('measures_description_trgm').using('gin', t.description.op('gin_trgm_ops')),
    check('measures_period', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('measures_counts', sql`coalesce(${t.placesPerYear}, 0) >= 0 and coalesce(${t.participantsPerYear}, 0) >= 0`),
  ],
);

/**
 * A coordination's outcome, kept on both measures it concerns (the measure's page and the year's
 * Maßnahmenprogramm list it): what was decided and approved, and whether it was done at the follow-up.
 */
export const measureCoordinations = pgTable(
  'measure_coordinations',
  {
    procedureId: text('procedure_id')
      .primaryKey()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    otherMeasureId: uuid('other_measure_id')
      .notNull()
      .references(() => measures.id),
    decision: text('decision').notNull().$type<CoordinationDecision>(),
    /** The measure that changes or ends ("adjust", "end"). */
    concernsMeasureId: uuid('concerns_measure_id').references(() => measures.id),
    reason: text('reason').notNull(),
    agreement: text('agreement').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    decidedAt: tstz('decided_at').notNull().defaultNow(),
    /** Null until the follow-up: then whether it was done, and what was found. */
    followUpDone: boolean('follow_up_done'),
    followUpNote: text('follow_up_note'),
    followedUpAt: tstz('followed_up_at'),
  },
  (t) => [index('measure_coordinations_measure').on(t.measureId), index('measure_coordinations_other').on(t.otherMeasureId)],
);
