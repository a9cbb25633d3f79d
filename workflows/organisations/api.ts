import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { crudResource } from '../../api/crud';
import { HttpError, refuseIf } from '../../api/errors';
import { uuidFilter } from '../../api/list-query';
import { idParams, type Api } from '../../api/route';
import type { Db } from '../../db/client';
import { unknownIds } from '../../db/references';
import { emptiedTexts } from '../measure-coordination/inputs';
import { unknownDistricts } from '../measure-coordination/api';
import { withdrawConsents } from './consent';
import { consentInput, contactInput, contactUpdate, languageCode, organisationInput, organisationUpdate, translatorInput, translatorUpdate } from './inputs';
import { languageCodes } from './languages';
import { contactConsents, organisationContacts, organisations, translators } from './schema';
import { consentChannels, consentPurposes, organisationKinds, organisationTopics, withdrawalChannels } from './vocabulary';

export const organisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(organisationKinds),
    communities: z.array(z.string()),
    languages: z.array(z.string()),
    districtIds: z.array(z.string()),
    topics: z.array(z.enum(organisationTopics)),
    registeredAssociation: z.boolean(),
    charitable: z.boolean(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    note: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Organisation' });

export const contactSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    role: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'OrganisationContact' });

export const consentSchema = z
  .object({
    id: z.string(),
    contactId: z.string(),
    purpose: z.enum(consentPurposes),
    givenOn: z.string(),
    givenHow: z.enum(consentChannels),
    recordedBy: z.string().nullable(),
    createdAt: z.date(),
    withdrawnAt: z.date().nullable(),
    withdrawnHow: z.enum(withdrawalChannels).nullable(),
  })
  .meta({ id: 'ContactConsent' });

export const translatorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    languages: z.array(z.string()),
    note: z.string(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Translator' });

const ORGANISATION_EMPTY = { street: '', postalCode: '', city: 'Köln', note: '' };
/** Texts are taken without the spaces at their ends: what is left must be long enough. */
const NAME_RULE = 'name: hat ohne Leerzeichen am Anfang und Ende mindestens 2 Zeichen';
const ORGANISATION_RULES = [
  NAME_RULE,
  'communities: jede hat ohne Leerzeichen am Anfang und Ende mindestens 2 Zeichen und steht nur einmal da',
  'districtIds: jede nennt einen vorhandenen Stadtbezirk oder Stadtteil, jeden nur einmal',
];
const CONTACT_RULES = [NAME_RULE, 'organisationId: nennt eine vorhandene Organisation'];
const CONSENT_RULES = [
  'contactId: nennt eine vorhandene Ansprechperson',
  'givenOn: liegt nicht in der Zukunft',
  'purpose: eine bestehende Einwilligung für denselben Zweck wird nicht ein zweites Mal erfasst (409)',
];
const WRITE = ['staff', 'manager', 'admin'] as const;

const arrayHas = (column: AnyPgColumn) => (v: unknown) => sql`${v as string} = any(${column})`;

export function organisationRoutes(api: Api, db: Db) {
  crudResource(api, db, {
    resource: 'organisations',
    label: 'Organisation',
    table: organisations,
    idColumn: organisations.id,
    columns: {
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      communities: organisations.communities,
      languages: organisations.languages,
      districtIds: organisations.districtIds,
      topics: organisations.topics,
      registeredAssociation: organisations.registeredAssociation,
      charitable: organisations.charitable,
      street: organisations.street,
      postalCode: organisations.postalCode,
      city: organisations.city,
      email: organisations.email,
      phone: organisations.phone,
      website: organisations.website,
      note: organisations.note,
      createdAt: organisations.createdAt,
      updatedAt: organisations.updatedAt,
    },
    searchColumns: [organisations.name, organisations.city],
    filters: {
      kind: { column: organisations.kind, schema: z.enum(organisationKinds) },
      language: { column: organisations.languages, schema: z.enum(languageCodes), where: arrayHas(organisations.languages) },
      topic: { column: organisations.topics, schema: z.enum(organisationTopics), where: arrayHas(organisations.topics) },
      districtId: { column: organisations.districtIds, schema: uuidFilter, where: (v) => sql`${v as string}::uuid = any(${organisations.districtIds})` },
    },
    defaultSort: asc(organisations.name),
    read: 'user',
    write: WRITE,
    schema: organisationSchema,
    create: {
      body: organisationInput,
      rules: ORGANISATION_RULES,
      async toRow(b, user) {
        refuseIf(await unknownDistricts(db, b.districtIds, 'body.districtIds'));
        return { ...emptiedTexts(b, ORGANISATION_EMPTY), createdBy: user.id };
      },
    },
    update: {
      body: organisationUpdate,
      rules: ORGANISATION_RULES,
      async toRow(b) {
        refuseIf(await unknownDistricts(db, b.districtIds, 'body.districtIds'));
        return { ...emptiedTexts(b, ORGANISATION_EMPTY), updatedAt: new Date() };
      },
    },
  });

  crudResource(api, db, {
    resource: 'organisation-contacts',
    label: 'Ansprechperson',
    table: organisationContacts,
    idColumn: organisationContacts.id,
    // Not the withdrawal token: it belongs in the person's mails only.
    columns: {
      id: organisationContacts.id,
      organisationId: organisationContacts.organisationId,
      name: organisationContacts.name,
      role: organisationContacts.role,
      email: organisationContacts.email,
      phone: organisationContacts.phone,
      language: organisationContacts.language,
      createdAt: organisationContacts.createdAt,
      updatedAt: organisationContacts.updatedAt,
    },
    searchColumns: [organisationContacts.name, organisationContacts.email],
    filters: {
      organisationId: { column: organisationContacts.organisationId, schema: uuidFilter },
      language: { column: organisationContacts.language, schema: z.enum(languageCodes) },
    },
    defaultSort: asc(organisationContacts.name),
    read: 'user',
    write: WRITE,
    schema: contactSchema,
    create: {
      body: contactInput,
      rules: CONTACT_RULES,
      async toRow(b, user) {
        refuseIf((await unknownIds(db, organisations.id, [b.organisationId], 'body.organisationId', 'unbekannte Organisation')).map((p) => ({ ...p, path: 'body.organisationId' })));
        return { ...emptiedTexts(b, { role: '' }), createdBy: user.id };
      },
    },
    update: {
      body: contactUpdate,
      rules: [NAME_RULE],
      toRow: (b) => ({ ...emptiedTexts(b, { role: '' }), updatedAt: new Date() }),
    },
  });

  crudResource(api, db, {
    resource: 'contact-consents',
    label: 'Einwilligung',
    table: contactConsents,
    idColumn: contactConsents.id,
    columns: {
      id: contactConsents.id,
      contactId: contactConsents.contactId,
      purpose: contactConsents.purpose,
      givenOn: contactConsents.givenOn,
      givenHow: contactConsents.givenHow,
      recordedBy: contactConsents.recordedBy,
      createdAt: contactConsents.createdAt,
      withdrawnAt: contactConsents.withdrawnAt,
      withdrawnHow: contactConsents.withdrawnHow,
    },
    searchColumns: [],
    filters: {
      contactId: { column: contactConsents.contactId, schema: uuidFilter },
      organisationId: {
        column: contactConsents.contactId,
        schema: uuidFilter,
        where: (v) => sql`${contactConsents.contactId} in (select id from ${organisationContacts} where organisation_id = ${v as string}::uuid)`,
      },
      purpose: { column: contactConsents.purpose, schema: z.enum(consentPurposes) },
      standing: { column: contactConsents.withdrawnAt, schema: z.boolean(), where: (v) => (v ? sql`${contactConsents.withdrawnAt} is null` : sql`${contactConsents.withdrawnAt} is not null`) },
    },
    defaultSort: sql`${contactConsents.createdAt} desc`,
    read: 'user',
    write: WRITE,
    schema: consentSchema,
    // The record of a consent stays, withdrawn or not: the office must be able to show it (Art. 7(1)).
    deletable: false,
    create: {
      body: consentInput,
      rules: CONSENT_RULES,
      async toRow(b, user) {
        const problems = (await unknownIds(db, organisationContacts.id, [b.contactId], 'body.contactId', 'unbekannte Ansprechperson')).map((p) => ({ ...p, path: 'body.contactId' }));
        if (b.givenOn > new Date().toISOString().slice(0, 10)) problems.push({ path: 'body.givenOn', message: 'Eine Einwilligung kann nicht in der Zukunft erteilt sein' });
        refuseIf(problems);
        return { ...b, recordedBy: user.id };
      },
    },
  });

  api.route({
    method: 'post',
    path: '/api/contact-consents/:id/withdraw',
    summary: 'Einwilligung widerrufen (die Person hat es dem Amt gesagt); wirkt sofort',
    tag: 'contact-consents',
    access: WRITE,
    params: idParams,
    response: consentSchema,
    async handler({ params, user }) {
      return db.transaction(async (tx) => {
        const [consent] = await tx.select().from(contactConsents).where(eq(contactConsents.id, params.id)).for('update');
        if (!consent) throw HttpError.notFound('Einwilligung');
        await withdrawConsents(tx, consent.contactId, 'mitarbeitende', user.id, consent.id);
        const [after] = await tx.select().from(contactConsents).where(and(eq(contactConsents.id, params.id)));
        return after;
      });
    },
  });

  crudResource(api, db, {
    resource: 'translators',
    label: 'Sprachmittlerin oder Sprachmittler',
    table: translators,
    idColumn: translators.id,
    columns: {
      id: translators.id,
      name: translators.name,
      email: translators.email,
      phone: translators.phone,
      languages: translators.languages,
      note: translators.note,
      active: translators.active,
      createdAt: translators.createdAt,
      updatedAt: translators.updatedAt,
    },
    searchColumns: [translators.name, translators.email],
    filters: {
      language: { column: translators.languages, schema: languageCode('Sprache', 'Language'), where: arrayHas(translators.languages) },
      active: { column: translators.active, schema: z.boolean() },
    },
    defaultSort: asc(translators.name),
    read: 'user',
    write: WRITE,
    schema: translatorSchema,
    create: { body: translatorInput, rules: [NAME_RULE], toRow: (b, user) => ({ ...emptiedTexts(b, { note: '' }), createdBy: user.id }) },
    update: { body: translatorUpdate, rules: [NAME_RULE], toRow: (b) => ({ ...emptiedTexts(b, { note: '' }), updatedAt: new Date() }) },
  });
}
