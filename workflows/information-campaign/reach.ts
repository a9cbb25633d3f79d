import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { districts } from '../measure-coordination/schema';
import { languageOf } from '../organisations/languages';
import { organisations } from '../organisations/schema';
import type { ReportBack } from './report-back';
import { campaignFlyers, campaignMailings } from './schema';

// A campaign's reach: whom the mails went to (by language), what the organisations reported (by
// community and district they serve), and the gaps — who was chosen but could not be written to,
// who did not report, which target community or district no reporting organisation serves.

export type { ReportBack } from './report-back';

export interface ReachRow {
  /** A language's German name, a community, a district. */
  name: string;
  organisations: number;
  reported: number;
  /** People the reporting organisations say they shared the information with. */
  reached: number;
  /** By language only: the contacts written to in it. */
  contacts?: number;
}

export interface CampaignReach {
  totals: { contacts: number; organisationsMailed: number; organisationsReported: number; reached: number };
  byLanguage: ReachRow[];
  byCommunity: ReachRow[];
  byDistrict: ReachRow[];
  organisations: { id: string; name: string; mailed: boolean; reported: boolean; reached: number | null; occasion: string | null }[];
  gaps: {
    /** Chosen, but no contact with a standing consent when the mails went out. */
    notMailed: string[];
    notReported: string[];
    /** Target languages whose translation was not approved: their contacts got the German flyer. */
    untranslated: string[];
    communities: string[];
    districts: string[];
  };
}

export async function campaignReach(
  db: Db,
  input: { procedureId: string; organisationIds: string[]; languages: string[]; communities: string[]; districtIds: string[]; reports: ReportBack[] },
): Promise<CampaignReach> {
  const chosen = input.organisationIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name, communities: organisations.communities, districtIds: organisations.districtIds })
        .from(organisations)
        .where(inArray(organisations.id, input.organisationIds))
        .orderBy(organisations.name)
    : [];
  const sent = await db
    .select({ organisationId: campaignMailings.organisationId, language: campaignMailings.language, contacts: sql<number>`count(*)::int` })
    .from(campaignMailings)
    .where(eq(campaignMailings.procedureId, input.procedureId))
    .groupBy(campaignMailings.organisationId, campaignMailings.language);
  const printed = new Set((await db.select({ language: campaignFlyers.language }).from(campaignFlyers).where(eq(campaignFlyers.procedureId, input.procedureId))).map((f) => f.language));

  const report = new Map(input.reports.filter((r) => r.answered).map((r) => [r.organisationId, r]));
  const mailed = new Set(sent.map((s) => s.organisationId));
  const reachedBy = (ids: Iterable<string>) => [...ids].reduce((sum, id) => sum + (report.get(id)?.reached ?? 0), 0);
  const row = (name: string, ids: string[], contacts?: number): ReachRow => ({
    name,
    organisations: ids.length,
    reported: ids.filter((id) => report.has(id)).length,
    reached: reachedBy(ids),
    ...(contacts === undefined ? {} : { contacts }),
  });

  const languages = [...new Set([...input.languages, ...sent.map((s) => s.language)])];
  const byLanguage = languages.map((code) => {
    const here = sent.filter((s) => s.language === code);
    const ids = [...new Set(here.map((s) => s.organisationId).filter((id): id is string => id !== null))];
    return row(languageOf(code).name, ids, here.reduce((n, s) => n + s.contacts, 0));
  });

  const communities = [...new Set([...input.communities, ...chosen.flatMap((o) => o.communities)])].sort((a, b) => a.localeCompare(b, 'de'));
  const byCommunity = communities.map((c) => row(c, chosen.filter((o) => o.communities.includes(c)).map((o) => o.id)));

  const districtIds = [...new Set([...input.districtIds, ...chosen.flatMap((o) => o.districtIds)])];
  const named = districtIds.length ? await db.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, districtIds)) : [];
  const byDistrict = named
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map((d) => row(d.name, chosen.filter((o) => o.districtIds.includes(d.id)).map((o) => o.id)));

  const unserved = (rows: ReachRow[], targets: string[]) => rows.filter((r) => targets.includes(r.name) && r.reported === 0).map((r) => r.name);
  const targetDistricts = named.filter((d) => input.districtIds.includes(d.id)).map((d) => d.name);
  return {
    totals: {
      contacts: sent.reduce((n, s) => n + s.contacts, 0),
      organisationsMailed: chosen.filter((o) => mailed.has(o.id)).length,
      organisationsReported: chosen.filter((o) => report.has(o.id)).length,
      reached: reachedBy(chosen.map((o) => o.id)),
    },
    byLanguage,
    byCommunity,
    byDistrict,
    organisations: chosen.map((o) => ({
      id: o.id,
      name: o.name,
      mailed: mailed.has(o.id),
      reported: report.has(o.id),
      reached: report.get(o.id)?.reached ?? null,
      occasion: report.get(o.id)?.occasion ?? null,
    })),
    gaps: {
      notMailed: chosen.filter((o) => !mailed.has(o.id)).map((o) => o.name),
      notReported: chosen.filter((o) => mailed.has(o.id) && !report.has(o.id)).map((o) => o.name),
      untranslated: input.languages.filter((l) => l !== 'de' && !printed.has(l)).map((l) => languageOf(l).name),
      communities: unserved(byCommunity, input.communities),
      districts: unserved(byDistrict, targetDistricts),
    },
  };
}
