import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { HttpError } from '../../api/errors';
import { containsPattern, idsFilter, listQuerySchema, orderOf, pageOf, sendList } from '../../api/list-query';
import type { Api } from '../../api/route';
import type { Db } from '../../db/client';
import { procedures, procedureStatuses } from '../../db/schema';
import { fundingCalls } from '../funding-call-review/schema';
import { adviceAppointments, adviceCases, adviceProposals } from './schema';
import { adviceChannels, adviceTopics, caseOutcomes, meetingModes } from './vocabulary';

// The advice cases: a list (an organisation's page lists its own), one case with its appointments
// and the calls proposed, and the manager's count per month.

const appointments: SQL<number> = sql`(select count(*) from advice_appointments a where a.procedure_id = ${adviceCases.procedureId})`.mapWith(Number);
const proposals: SQL<number> = sql`(select count(*) from advice_proposals p where p.procedure_id = ${adviceCases.procedureId})`.mapWith(Number);

const calls: SQL<{ id: string; title: string }[]> = sql`(select coalesce(json_agg(json_build_object('id', fc.id, 'title', fc.title) order by p.proposed_at, fc.title), '[]'::json)
  from advice_proposals p join funding_calls fc on fc.id = p.funding_call_id where p.procedure_id = ${adviceCases.procedureId})`;

const columns = {
  id: adviceCases.procedureId,
  organisationId: adviceCases.organisationId,
  organisationName: adviceCases.organisationName,
  contactName: adviceCases.contactName,
  topics: adviceCases.topics,
  channel: adviceCases.channel,
  status: procedures.status,
  currentStep: procedures.currentStep,
  openedAt: adviceCases.openedAt,
  closedAt: adviceCases.closedAt,
  outcome: adviceCases.outcome,
  appointments,
  proposals,
  calls,
};

const sortable = { organisationName: adviceCases.organisationName, openedAt: adviceCases.openedAt, closedAt: adviceCases.closedAt, status: procedures.status };

const caseSchema = z
  .object({
    id: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string(),
    contactName: z.string(),
    topics: z.array(z.enum(adviceTopics)),
    channel: z.enum(adviceChannels),
    status: z.enum(procedureStatuses),
    currentStep: z.string().nullable(),
    openedAt: z.date(),
    closedAt: z.date().nullable(),
    outcome: z.enum(caseOutcomes).nullable(),
    appointments: z.number(),
    proposals: z.number(),
    /** The funding calls proposed, by title: the organisation's page lists them. */
    calls: z.array(z.object({ id: z.string(), title: z.string() })),
  })
  .meta({ id: 'AdviceCase' });

const caseFilter = z.strictObject({
  id: idsFilter,
  q: z.string().max(200).optional(),
  organisationId: z.uuid('keine gültige ID').optional(),
  status: z.enum(procedureStatuses).optional(),
});

// PostgreSQL's calendar begins with the year 1.
const monthParam = z.string().regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/, 'ein Monat wie 2026-12');

const caseRows = (db: Db) => db.select(columns).from(adviceCases).innerJoin(procedures, eq(procedures.id, adviceCases.procedureId));

export function adviceRoutes(api: Api, db: Db): void {
  api.route({
    method: 'get',
    path: '/api/advice-cases',
    summary: 'Fälle der Vereinsberatung',
    tag: 'association-advice',
    access: 'user',
    query: listQuerySchema(sortable, caseFilter),
    response: z.array(caseSchema),
    async handler({ query, res }) {
      const f = query.filter ?? {};
      const where = and(
        f.id ? inArray(adviceCases.procedureId, f.id) : undefined,
        f.q ? or(ilike(adviceCases.organisationName, containsPattern(f.q)), ilike(adviceCases.contactName, containsPattern(f.q))) : undefined,
        f.organisationId ? eq(adviceCases.organisationId, f.organisationId) : undefined,
        f.status ? eq(procedures.status, f.status) : undefined,
      );
      const page = pageOf(query);
      const [rows, [total]] = await Promise.all([
        caseRows(db).where(where).orderBy(...orderOf(sortable, query.sort, desc(adviceCases.openedAt), adviceCases.procedureId)).limit(page.limit).offset(page.offset),
        db.select({ n: count() }).from(adviceCases).innerJoin(procedures, eq(procedures.id, adviceCases.procedureId)).where(where),
      ]);
      return sendList(res, 'advice-cases', rows, total?.n ?? 0, page.offset);
    },
  });

  api.route({
    method: 'get',
    path: '/api/advice-cases/:id',
    summary: 'Ein Fall der Vereinsberatung mit seinen Terminen und den vorgeschlagenen Förderaufrufen',
    tag: 'association-advice',
    access: 'user',
    params: z.strictObject({ id: z.string().min(1).max(200) }),
    response: caseSchema.extend({
      email: z.string(),
      appointmentList: z.array(z.object({ round: z.number(), startsAt: z.date(), endsAt: z.date(), mode: z.enum(meetingModes), place: z.string() })),
      proposedCalls: z.array(z.object({ id: z.string(), title: z.string(), funder: z.string(), submissionDeadline: z.date().nullable(), proposedAt: z.date() })),
    }),
    async handler({ params }) {
      const [row] = await caseRows(db).where(eq(adviceCases.procedureId, params.id));
      if (!row) throw HttpError.notFound('Beratungsfall');
      const [[contact], appointmentList, proposedCalls] = await Promise.all([
        db.select({ email: adviceCases.email }).from(adviceCases).where(eq(adviceCases.procedureId, params.id)),
        db
          .select({ round: adviceAppointments.round, startsAt: adviceAppointments.startsAt, endsAt: adviceAppointments.endsAt, mode: adviceAppointments.mode, place: adviceAppointments.place })
          .from(adviceAppointments)
          .where(eq(adviceAppointments.procedureId, params.id))
          .orderBy(adviceAppointments.round),
        db
          .select({ id: fundingCalls.id, title: fundingCalls.title, funder: fundingCalls.funder, submissionDeadline: fundingCalls.submissionDeadline, proposedAt: adviceProposals.proposedAt })
          .from(adviceProposals)
          .innerJoin(fundingCalls, eq(fundingCalls.id, adviceProposals.fundingCallId))
          .where(eq(adviceProposals.procedureId, params.id))
          .orderBy(adviceProposals.proposedAt, fundingCalls.title),
      ]);
      return { ...row, email: contact?.email ?? '', appointmentList, proposedCalls };
    },
  });

  api.route({
    method: 'get',
    path: '/api/advice-cases-per-month',
    summary: 'Fälle der Vereinsberatung je Monat: eröffnet, abgeschlossen, nach Thema und Ergebnis (die letzten 12 Monate bis zum genannten)',
    tag: 'association-advice',
    access: 'user',
    query: z.strictObject({ until: monthParam.optional() }),
    response: z.array(
      z.object({
        month: z.string(),
        opened: z.number(),
        closed: z.number(),
        byTopic: z.record(z.string(), z.number()),
        byOutcome: z.record(z.string(), z.number()),
      }),
    ),
    async handler({ query }) {
      const until = query.until ?? new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' }).slice(0, 7);
      return casesPerMonth(db, until);
    },
  });
}

/** Twelve months up to `until` ("2026-12"), in Berlin's calendar, each with what was opened and closed in it. */
async function casesPerMonth(db: Db, until: string) {
  const months = sql`generate_series((${`${until}-01`}::date - interval '11 months'), ${`${until}-01`}::date, interval '1 month')`;
  const month = (column: AnyPgColumn) => sql<string>`to_char(date_trunc('month', ${column} at time zone 'Europe/Berlin'), 'YYYY-MM')`;
  const [opened, closed, topics, outcomes] = await Promise.all([
    db.select({ month: month(adviceCases.openedAt), n: count() }).from(adviceCases).groupBy(sql`1`),
    db.select({ month: month(adviceCases.closedAt), n: count() }).from(adviceCases).where(sql`${adviceCases.closedAt} is not null`).groupBy(sql`1`),
    db.execute<{ month: string; topic: string; n: number }>(
      sql`select ${month(adviceCases.openedAt)} as month, t.topic, count(*)::int as n from advice_cases, unnest(advice_cases.topics) as t(topic) group by 1, 2`,
    ),
    db.select({ month: month(adviceCases.closedAt), outcome: adviceCases.outcome, n: count() }).from(adviceCases).where(sql`${adviceCases.closedAt} is not null`).groupBy(sql`1`, adviceCases.outcome),
  ]);
  const wanted = await db.execute<{ month: string }>(sql`select to_char(m, 'YYYY-MM') as month from ${months} as m order by 1`);
  return wanted.rows.map(({ month: m }) => ({
    month: m,
    opened: opened.find((r) => r.month === m)?.n ?? 0,
    closed: closed.find((r) => r.month === m)?.n ?? 0,
    byTopic: Object.fromEntries(topics.rows.filter((r) => r.month === m).map((r) => [r.topic, r.n])),
    byOutcome: Object.fromEntries(outcomes.filter((r) => r.month === m && r.outcome).map((r) => [r.outcome as string, r.n])),
  }));
}
