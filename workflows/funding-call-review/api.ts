import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { crudResource } from '../../api/crud';
import { HttpError } from '../../api/errors';
import type { Api } from '../../api/route';
import { webAddress, webAddressRule } from '../../api/web-address';
import type { Db } from '../../db/client';
import { procedures } from '../../db/schema';
import { fundingCalls, fundingSources } from './schema';

export const topicsSchema = z
  .array(z.string().trim().min(1, 'leeres Thema').max(60, 'höchstens 60 Zeichen'))
  .max(20, 'höchstens 20 Themen')
  .default([]);

const fields = {
  source: z.enum(fundingSources, { error: `eine dieser Quellen: ${fundingSources.join(', ')}` }),
  funder: z.string().trim().min(2, 'Bitte den Fördergeber angeben').max(200),
  title: z.string().trim().min(3, 'Bitte einen Titel angeben').max(300),
  summary: z.string().trim().max(20_000).default(''),
  topics: topicsSchema,
  budget: z.number({ error: 'ein Betrag in Euro' }).min(0, 'darf nicht negativ sein').max(1e12).nullable().optional(),
  cofinancingShare: z.number().min(0, 'zwischen 0 und 100 %').max(100, 'zwischen 0 und 100 %').nullable().optional(),
  link: webAddress(),
};

const deadline = z.coerce.date({ error: 'kein gültiges Datum' });

// The title is counted without the spaces at its ends: "a  " is too short although its length is 3.
const TITLE_RULE = 'title: mindestens 3 Zeichen ohne die Leerzeichen am Anfang und Ende';
const FUNDER_RULE = 'funder: mindestens 2 Zeichen ohne die Leerzeichen am Anfang und Ende';
const LINK_RULE = webAddressRule('link');

const fundingCallInput = z.strictObject({
  ...fields,
  submissionDeadline: deadline.refine((d) => d.getTime() > Date.now(), 'Die Einreichungsfrist muss in der Zukunft liegen'),
});

// A deadline that has since passed stays editable: a correction must not require moving it.
const fundingCallUpdate = z.strictObject({ ...fields, submissionDeadline: deadline.nullable() }).partial();

export const fundingCallSchema = z
  .object({
    id: z.string(),
    source: z.enum(fundingSources),
    funder: z.string(),
    title: z.string(),
    summary: z.string(),
    topics: z.array(z.string()),
    budget: z.number().nullable(),
    cofinancingShare: z.number().nullable(),
    submissionDeadline: z.date().nullable(),
    link: z.string(),
    origin: z.string(),
    feedUrl: z.string().nullable(),
    reviewProcedureId: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'FundingCall' });

export function fundingCallRoutes(api: Api, db: Db) {
  crudResource(api, db, {
    resource: 'funding-calls',
    label: 'Förderaufruf',
    table: fundingCalls,
    idColumn: fundingCalls.id,
    columns: {
      id: fundingCalls.id,
      source: fundingCalls.source,
      funder: fundingCalls.funder,
      title: fundingCalls.title,
      summary: fundingCalls.summary,
      topics: fundingCalls.topics,
      budget: fundingCalls.budget,
      cofinancingShare: fundingCalls.cofinancingShare,
      submissionDeadline: fundingCalls.submissionDeadline,
      link: fundingCalls.link,
      origin: fundingCalls.origin,
      feedUrl: fundingCalls.feedUrl,
      reviewProcedureId: fundingCalls.reviewProcedureId,
      createdAt: fundingCalls.createdAt,
    },
    searchColumns: [fundingCalls.title, fundingCalls.funder, fundingCalls.summary],
    filters: {
      source: { column: fundingCalls.source, schema: z.enum(fundingSources) },
      origin: { column: fundingCalls.origin, schema: z.enum(['manual', 'feed']) },
    },
    defaultSort: desc(fundingCalls.createdAt),
    read: 'user',
    write: ['staff', 'manager', 'admin'],
    schema: fundingCallSchema,
    create: {
      body: fundingCallInput,
      rules: ['submissionDeadline: die Einreichungsfrist liegt in der Zukunft', TITLE_RULE, FUNDER_RULE, LINK_RULE],
      toRow: (b, user) => ({ ...b, origin: 'manual', createdBy: user.id }),
    },
    update: { body: fundingCallUpdate, rules: [TITLE_RULE, FUNDER_RULE, LINK_RULE], toRow: (b) => ({ ...b, updatedAt: new Date() }) },
    async beforeDelete(id) {
      const [row] = await db
        .select({ status: procedures.status })
        .from(fundingCalls)
        .innerJoin(procedures, eq(procedures.id, fundingCalls.reviewProcedureId))
        .where(eq(fundingCalls.id, id));
      if (row) throw HttpError.conflict('Der Förderaufruf wurde geprüft oder wird geprüft und bleibt im Bestand');
    },
  });
}
