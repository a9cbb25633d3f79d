import { ApplicationFailure } from '@temporalio/activity';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordStepEvent } from '../../activities/procedure-events';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import type { ModuleActivityDeps } from '../module';
import { reachableContacts } from '../organisations/consent';
import { printFlyer } from './flyer';
import { campaignReach, type CampaignReach, type ReportBack } from './reach';
import { campaignFlyers } from './schema';

/** One flyer's words: the German source, or a translation the second reader approved. */
export interface FlyerWords {
  language: string;
  title: string;
  text: string;
  letter: string;
}

export const FLYER_STEP = 'faltblaetter';

export function campaignActivities({ db, chromiumPath }: Pick<ModuleActivityDeps, 'db' | 'chromiumPath'>) {
  return {
    /**
     * Each language's flyer, printed by Chromium and stored; a retry prints only what is missing,
     * so a crash after the third of five flyers costs two prints, not five.
     */
    async printFlyers({ procedureId, departmentId, flyers }: { procedureId: string; departmentId: string; flyers: FlyerWords[] }): Promise<{ printed: string[] }> {
      const [department] = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, departmentId));
      if (!department) throw ApplicationFailure.nonRetryable('Die Dienststelle der Kampagne gibt es nicht mehr', 'UnknownDepartment');
      const done = new Set(
        (await db.select({ language: campaignFlyers.language }).from(campaignFlyers).where(eq(campaignFlyers.procedureId, procedureId))).map((f) => f.language),
      );
      const frame = { from: `${department.name} der Stadt Köln`, contact: 'Herausgegeben vom Amt für Integration der Stadt Köln' };
      for (const f of flyers.filter((f) => !done.has(f.language))) {
        const pdf = await printFlyer(f, frame, chromiumPath);
        await db
          .insert(campaignFlyers)
          .values({ procedureId, language: f.language, title: f.title, text: f.text, letter: f.letter, pdf, pdfSize: pdf.length })
          .onConflictDoNothing();
      }
      await recordStepEvent(db, { procedureId, key: FLYER_STEP, kind: 'step', label: flyerStepLabel(flyers.length) });
      return { printed: flyers.map((f) => f.language) };
    },

    /** Of the chosen organisations, those with a contact who agreed to hear of campaigns now (a consent may be withdrawn since the start). */
    async reachableOrganisations({ organisationIds }: { organisationIds: string[] }): Promise<{ reachable: string[]; unreachable: string[] }> {
      const contacts = await reachableContacts(db, organisationIds, 'informationskampagnen');
      const reachable = new Set(contacts.map((c) => c.organisationId));
      return { reachable: organisationIds.filter((id) => reachable.has(id)), unreachable: organisationIds.filter((id) => !reachable.has(id)) };
    },

    /** The campaign's reach from what was sent (campaign_mailings) and what the organisations reported. */
    async campaignReport(input: { procedureId: string; organisationIds: string[]; languages: string[]; communities: string[]; districtIds: string[]; reports: ReportBack[] }): Promise<CampaignReach> {
      return campaignReach(db, input);
    },
  };
}

const flyerStepLabel = (n: number) => (n === 1 ? 'Faltblatt gedruckt' : `${n} Faltblätter gedruckt`);

export type CampaignActivities = ReturnType<typeof campaignActivities>;

/** The flyers of a campaign without their PDF: what the console lists and links. */
export async function flyersOf(db: Db, procedureId: string, languages?: string[]) {
  return db
    .select({ language: campaignFlyers.language, title: campaignFlyers.title, pdfSize: campaignFlyers.pdfSize, createdAt: campaignFlyers.createdAt })
    .from(campaignFlyers)
    .where(and(eq(campaignFlyers.procedureId, procedureId), languages ? inArray(campaignFlyers.language, languages) : sql`true`));
}
