import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { HttpError } from '../../api/errors';
import { idsFilter, listQuerySchema, orderOf, pageOf, sendList } from '../../api/list-query';
import type { Api } from '../../api/route';
import type { Db } from '../../db/client';
import { procedures, procedureStatuses } from '../../db/schema';
import { languageCodes } from '../organisations/languages';
import { flyersOf } from './activities';
import { campaignList, campaignOverview, sortableColumns } from './overview';
import { campaignFlyers } from './schema';
import { flyerFileName } from './texts';

const campaignParams = z.strictObject({ id: z.string().min(1).max(200) });
const flyerParams = campaignParams.extend({ language: z.enum(languageCodes, 'keine Sprache der Liste') });

async function campaign(db: Db, id: string) {
  const [row] = await db.select({ id: procedures.id }).from(procedures).where(and(eq(procedures.id, id), eq(procedures.type, 'information-campaign')));
  if (!row) throw HttpError.notFound('Informationskampagne');
}

const overviewFilter = z.strictObject({
  id: idsFilter,
  q: z.string().max(200).optional(),
  status: z.enum(procedureStatuses).optional(),
  departmentId: z.uuid('keine gültige ID').optional(),
  organisationId: z.uuid('keine gültige ID').optional(),
});

const flyerSchema = z.object({ language: z.string(), title: z.string(), pdfSize: z.number(), createdAt: z.date() });

const reachRow = z.object({ name: z.string(), organisations: z.number(), reported: z.number(), reached: z.number(), contacts: z.number().optional() });

const overviewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    department: z.string().nullable(),
    status: z.enum(procedureStatuses),
    currentStep: z.string().nullable(),
    currentStepKey: z.string().nullable(),
    startedAt: z.date(),
    endedAt: z.date().nullable(),
    languages: z.array(z.string()),
    contacts: z.number(),
    organisationsMailed: z.number(),
    organisationsReported: z.number(),
    reached: z.number(),
  })
  .meta({ id: 'InformationCampaign' });

const reachSchema = z.object({
  totals: z.object({ contacts: z.number(), organisationsMailed: z.number(), organisationsReported: z.number(), reached: z.number() }),
  byLanguage: z.array(reachRow),
  byCommunity: z.array(reachRow),
  byDistrict: z.array(reachRow),
  organisations: z.array(
    z.object({ id: z.string(), name: z.string(), mailed: z.boolean(), reported: z.boolean(), reached: z.number().nullable(), occasion: z.string().nullable() }),
  ),
  gaps: z.object({
    notMailed: z.array(z.string()),
    notReported: z.array(z.string()),
    untranslated: z.array(z.string()),
    communities: z.array(z.string()),
    districts: z.array(z.string()),
  }),
});

/** The campaigns with their reach so far, a campaign's printed flyers, and each one as the PDF its contacts got. */
export function campaignRoutes(api: Api, db: Db): void {
  api.route({
    method: 'get',
    path: '/api/information-campaigns',
    summary: 'Informationskampagnen mit ihrer Reichweite bis jetzt',
    tag: 'information-campaign',
    access: 'user',
    query: listQuerySchema(sortableColumns, overviewFilter),
    response: z.array(overviewSchema),
    async handler({ query, res }) {
      const page = pageOf(query);
      const order = orderOf(sortableColumns, query.sort, desc(procedures.startedAt), procedures.id);
      const { rows, total } = await campaignList(db, query.filter ?? {}, order, page);
      return sendList(res, 'information-campaigns', rows, total, page.offset);
    },
  });

  api.route({
    method: 'get',
    path: '/api/information-campaigns/:id',
    summary: 'Eine Informationskampagne mit ihrer Reichweite nach Sprache, Community und Stadtbezirk und ihren Lücken',
    tag: 'information-campaign',
    access: 'user',
    params: campaignParams,
    response: overviewSchema.extend({ reach: reachSchema, flyers: z.array(flyerSchema) }),
    async handler({ params }) {
      const found = await campaignOverview(db, params.id);
      if (!found) throw HttpError.notFound('Informationskampagne');
      return found;
    },
  });

  api.route({
    method: 'get',
    path: '/api/information-campaigns/:id/flyers',
    summary: 'Die gedruckten Faltblätter einer Informationskampagne',
    tag: 'information-campaign',
    access: 'user',
    params: campaignParams,
    response: z.array(flyerSchema),
    async handler({ params }) {
      await campaign(db, params.id);
      return flyersOf(db, params.id);
    },
  });

  api.route({
    method: 'get',
    path: '/api/information-campaigns/:id/flyers/:language',
    summary: 'Ein Faltblatt als PDF',
    tag: 'information-campaign',
    access: 'user',
    params: flyerParams,
    response: z.string().meta({ format: 'binary' }),
    responseType: 'application/pdf',
    async handler({ params, res }) {
      await campaign(db, params.id);
      const [flyer] = await db
        .select({ title: campaignFlyers.title, pdf: campaignFlyers.pdf })
        .from(campaignFlyers)
        .where(and(eq(campaignFlyers.procedureId, params.id), eq(campaignFlyers.language, params.language)));
      if (!flyer) throw HttpError.notFound('Faltblatt in dieser Sprache');
      res.attachment(flyerFileName(flyer.title, params.language));
      res.set({ 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
      res.status(200).end(flyer.pdf);
    },
  });
}
