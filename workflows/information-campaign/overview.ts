import { and, count, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../api/list-query';
import type { Db } from '../../db/client';
import { nodeFor } from '../step-map';
import { alias } from 'drizzle-orm/pg-core';
import { consultationRequests, departments, procedures, type procedureStatuses } from '../../db/schema';
import { ORGANISATION_KIND } from '../organisations/participants';
import type { CampaignStart } from './forms';
import { campaignReach, type CampaignReach } from './reach';
import { flyersOf } from './activities';
import { reportBackOf } from './report-back';
import { steps } from './steps';

// The campaigns as a manager follows them: each one's reach so far, from what was sent and what
// the organisations reported, while it runs and after; nothing of it stored twice.

const TYPE = 'information-campaign';

/** The organisations' requests of a campaign's report-back consultations (its children). */
const reportsOf = sql`consultation_requests cr join procedures rc on rc.id = cr.consultation_id
  where rc.parent_id = ${procedures.id} and cr.participant_kind = ${ORGANISATION_KIND}`;

const contacts: SQL<number> = sql`(select count(*) from campaign_mailings m where m.procedure_id = ${procedures.id})`.mapWith(Number);
const organisationsMailed: SQL<number> = sql`(select count(distinct m.organisation_id) from campaign_mailings m where m.procedure_id = ${procedures.id})`.mapWith(Number);
const organisationsReported: SQL<number> = sql`(select count(*) from ${reportsOf} and cr.status = 'answered')`.mapWith(Number);
const reached: SQL<number> = sql`(select coalesce(sum((cr.answer_data->>'erreicht')::numeric), 0) from ${reportsOf} and cr.status = 'answered')`.mapWith(Number);
const languages: SQL<string[]> = sql`(select coalesce(array_agg(f.language order by f.language), '{}') from campaign_flyers f where f.procedure_id = ${procedures.id})`;

export const overviewColumns = {
  id: procedures.id,
  title: sql<string>`${procedures.input}->>'title'`,
  department: departments.name,
  status: procedures.status,
  currentStep: procedures.currentStep,
  currentStepKey: procedures.currentStepKey,
  startedAt: procedures.startedAt,
  endedAt: procedures.endedAt,
  languages,
  contacts,
  organisationsMailed,
  organisationsReported,
  reached,
};

export const sortableColumns = {
  title: overviewColumns.title,
  department: departments.name,
  status: procedures.status,
  startedAt: procedures.startedAt,
  endedAt: procedures.endedAt,
  contacts,
  reached,
};

export interface OverviewFilter {
  id?: string[];
  q?: string;
  status?: (typeof procedureStatuses)[number];
  departmentId?: string;
  /** Campaigns that chose this organisation: its page lists them. */
  organisationId?: string;
}

function whereOf(f: OverviewFilter): SQL | undefined {
  return and(
    eq(procedures.type, TYPE),
    f.id ? inArray(procedures.id, f.id) : undefined,
    f.q ? ilike(sql`${procedures.input}->>'title'`, containsPattern(f.q)) : undefined,
    f.status ? eq(procedures.status, f.status) : undefined,
    f.departmentId ? sql`${procedures.input}->>'departmentId' = ${f.departmentId}` : undefined,
    f.organisationId ? sql`${procedures.input}->'organisationIds' @> to_jsonb(${f.organisationId}::text)` : undefined,
  );
}

const withNodeKey = <R extends { currentStepKey: string | null }>(row: R): R => ({
  ...row,
  // The map's node, as the procedure list names it (api/resources/step-keys.ts), from the module's own map.
  currentStepKey: (row.currentStepKey && nodeFor(steps, row.currentStepKey)?.key) ?? null,
});

const departmentOfCampaign = sql`${departments.id}::text = ${procedures.input}->>'departmentId'`;
const joined = (db: Db) => db.select(overviewColumns).from(procedures).leftJoin(departments, departmentOfCampaign);

export async function campaignList(db: Db, f: OverviewFilter, order: SQL[], page: { offset: number; limit: number }) {
  const [rows, [total]] = await Promise.all([
    joined(db)
      .where(whereOf(f))
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(procedures).where(whereOf(f)),
  ]);
  return { rows: rows.map(withNodeKey), total: total?.n ?? 0 };
}

/** One campaign with its reach as of now: per language, community and district, and its gaps. */
export async function campaignOverview(db: Db, id: string): Promise<(Awaited<ReturnType<typeof campaignList>>['rows'][number] & { reach: CampaignReach; flyers: Awaited<ReturnType<typeof flyersOf>> }) | undefined> {
  const [found] = await db
    .select({ ...overviewColumns, input: procedures.input })
    .from(procedures)
    .leftJoin(departments, departmentOfCampaign)
    .where(and(whereOf({}), eq(procedures.id, id)));
  if (!found) return undefined;
  const { input: stored, ...row } = found;
  const input = stored as CampaignStart;
  const rc = alias(procedures, 'rc');
  const requests = await db
    .select({ organisationId: consultationRequests.participantId, status: consultationRequests.status, answerData: consultationRequests.answerData })
    .from(consultationRequests)
    .innerJoin(rc, eq(rc.id, consultationRequests.consultationId))
    .where(and(eq(rc.parentId, id), eq(consultationRequests.participantKind, ORGANISATION_KIND)));
  const reports = requests.map((r) => reportBackOf(r.organisationId, r.status, r.answerData));
  const reach = await campaignReach(db, {
    procedureId: id,
    organisationIds: input.organisationIds,
    languages: ['de', ...input.translations.map((t) => t.language)],
    communities: input.communities ?? [],
    districtIds: input.districtIds ?? [],
    reports,
  });
  return { ...withNodeKey(row), reach, flyers: await flyersOf(db, id) };
}
