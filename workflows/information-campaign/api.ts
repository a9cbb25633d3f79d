import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { HttpError } from '../../api/errors';
import type { Api } from '../../api/route';
import type { Db } from '../../db/client';
import { procedures } from '../../db/schema';
import { languageCodes } from '../organisations/languages';
import { flyersOf } from './activities';
import { campaignFlyers } from './schema';
import { flyerFileName } from './texts';

const campaignParams = z.strictObject({ id: z.string().min(1).max(200) });
const flyerParams = campaignParams.extend({ language: z.enum(languageCodes, 'keine Sprache der Liste') });

async function campaign(db: Db, id: string) {
  const [row] = await db.select({ id: procedures.id }).from(procedures).where(and(eq(procedures.id, id), eq(procedures.type, 'information-campaign')));
  if (!row) throw HttpError.notFound('Informationskampagne');
}

/** A campaign's printed flyers: the list, and each one as the PDF its contacts got. */
export function campaignRoutes(api: Api, db: Db): void {
  api.route({
    method: 'get',
    path: '/api/information-campaigns/:id/flyers',
    summary: 'Die gedruckten Faltblätter einer Informationskampagne',
    tag: 'information-campaign',
    access: 'user',
    params: campaignParams,
    response: z.array(z.object({ language: z.string(), title: z.string(), pdfSize: z.number(), createdAt: z.date() })),
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
