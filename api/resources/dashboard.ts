import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Api } from '../route';

const count = z.number().int();

/** The period the departments' answers are counted over, back from now. */
export const dashboardPeriods = ['month', 'quarter', 'year', 'all'] as const;
const periodInterval: Record<(typeof dashboardPeriods)[number], string | null> = {
  month: '1 month',
  quarter: '3 months',
  year: '12 months',
  all: null,
};

const dashboardQuery = z.strictObject({
  period: z
    .enum(dashboardPeriods, { error: 'unbekannter Zeitraum (month, quarter, year oder all)' })
    .default('year')
    .describe('Zeitraum der Antwortquoten und Antwortzeiten der Dienststellen: letzter Monat, letztes Quartal, letzte 12 Monate, gesamt'),
});

export const dashboardSchema = z
  .object({
    proceduresByTypeAndStatus: z.array(z.object({ type: z.string(), status: z.string(), count })),
    /** Open tasks past their due date, by whoever holds them: a person, else the group (its role). */
    overdueByPerson: z.array(z.object({ userId: z.string().nullable(), name: z.string(), role: z.string().nullable(), count })),
    /** The same by the holder's department; null: held by nobody or by someone without one. */
    overdueByDepartment: z.array(z.object({ departmentId: z.string().nullable(), name: z.string().nullable(), count })),
    throughputByMonth: z.array(z.object({ month: z.string(), started: count, completed: count })),
    /** Procedures completed per month (the last 12) and type. */
    completedByMonthAndType: z.array(z.object({ month: z.string(), type: z.string(), count })),
    /** The departments' requests sent within the period. */
    departmentAnswers: z.array(
      z.object({
        departmentId: z.string(),
        code: z.string(),
        name: z.string(),
        requests: count,
        answered: count,
        noAnswer: count,
        pending: count,
        overdue: count,
        /** Mean and median hours from request to answer, over the answered ones. */
        meanAnswerHours: z.number().nullable(),
        medianAnswerHours: z.number().nullable(),
      }),
    ),
    /** Open disturbances (Störungen): activities that keep failing, failed mails, feeds, schedules. */
    incidents: count,
    /** Running procedures with an open disturbance. */
    disturbedProcedures: count,
    period: z.enum(dashboardPeriods),
    /** Where the period begins; null for "all". */
    since: z.date().nullable(),
    generatedAt: z.date(),
  })
  .meta({ id: 'Dashboard' });

const MONTHS = 12;
// Months as the office counts them (and as the lists' date filters read a day).
const TZ = 'Europe/Berlin';

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** The managers' dashboard in one read: aggregates from the projection tables, nothing from the engine. */
export function dashboardRoutes(api: Api, db: Db) {
  api.route({
    method: 'get',
    path: '/api/dashboard',
    summary: 'Kennzahlen für die Amtsleitung: Vorgänge, überfällige Aufgaben, Durchsatz, Antwortquoten und -zeiten der Dienststellen im Zeitraum',
    tag: 'dashboard',
    access: ['manager', 'admin'],
    query: dashboardQuery,
    response: dashboardSchema,
    async handler({ query }) {
      const interval = periodInterval[query.period];
      const [{ since, monthStart } = { since: null, monthStart: new Date() }] = await rows<{ since: Date | null; monthStart: Date }>(
        db,
        sql`select ${interval === null ? sql`null::timestamptz` : sql`now() - ${interval}::interval`} as since,
                   date_subtract(date_trunc('month', now(), ${TZ}), make_interval(months => ${MONTHS - 1}), ${TZ}) as "monthStart"`,
      );
      const sinceDate = since === null ? null : new Date(since);
      const first = new Date(monthStart);
      const [byType, byPerson, byDepartment, throughput, completedByType, answers, [disturbance]] = await Promise.all([
        rows<{ type: string; status: string; count: number }>(
          db,
          sql`select type, status, count(*)::int as count from procedures group by type, status order by type, status`,
        ),
        // Whoever holds an overdue task: its claimant, else its assignee, else its group (role).
        rows<{ userId: string | null; name: string; role: string | null; count: number }>(
          db,
          sql`select u.id as "userId", coalesce(u.name, '') as name, case when u.id is null then t.candidate_role end as role, count(*)::int as count
              from tasks t left join users u on u.id = coalesce(t.claimed_by, t.assignee_id)
              where t.status in ('open', 'claimed') and t.due_at < now()
              group by u.id, u.name, case when u.id is null then t.candidate_role end order by count desc, name`,
        ),
        rows<{ departmentId: string | null; name: string | null; count: number }>(
          db,
          sql`select d.id as "departmentId", d.name, count(*)::int as count
              from tasks t left join users u on u.id = coalesce(t.claimed_by, t.assignee_id)
              left join departments d on d.id = u.department_id
              where t.status in ('open', 'claimed') and t.due_at < now()
              group by d.id, d.name order by count desc, d.name`,
        ),
        // Ranges, not to_char per row: the (status, started_at) and (status, ended_at) indexes answer them.
        rows<{ month: string; started: number; completed: number }>(
          db,
          sql`with months as (
                select m from generate_series(${first}::timestamptz, date_trunc('month', now(), ${TZ}), interval '1 month', ${TZ}) m)
              select to_char(months.m at time zone ${TZ}, 'YYYY-MM') as month,
                (select count(*)::int from procedures p where p.started_at >= months.m and p.started_at < date_add(months.m, interval '1 month', ${TZ})) as started,
                (select count(*)::int from procedures p where p.status = 'completed' and p.ended_at >= months.m and p.ended_at < date_add(months.m, interval '1 month', ${TZ})) as completed
              from months order by months.m`,
        ),
        rows<{ month: string; type: string; count: number }>(
          db,
          sql`select to_char(ended_at at time zone ${TZ}, 'YYYY-MM') as month, type, count(*)::int as count
              from procedures where status = 'completed' and ended_at >= ${first}::timestamptz
              group by 1, 2 order by 1, 2`,
        ),
        rows<{
          departmentId: string;
          code: string;
          name: string;
          requests: number;
          answered: number;
          noAnswer: number;
          pending: number;
          overdue: number;
          meanAnswerHours: number | null;
          medianAnswerHours: number | null;
        }>(
          db,
          sql`select d.id as "departmentId", d.code, d.name,
                count(r.id)::int as requests,
                count(*) filter (where r.status = 'answered')::int as answered,
                count(*) filter (where r.status = 'no_answer')::int as "noAnswer",
                count(*) filter (where r.status = 'pending')::int as pending,
                count(*) filter (where r.status = 'pending' and r.deadline_at < now())::int as overdue,
                (avg(extract(epoch from (r.answered_at - r.created_at))) filter (where r.status = 'answered') / 3600)::float8 as "meanAnswerHours",
                ((percentile_cont(0.5) within group (order by extract(epoch from (r.answered_at - r.created_at)))
                   filter (where r.status = 'answered')) / 3600)::float8 as "medianAnswerHours"
              from departments d left join consultation_requests r on r.department_id = d.id
                ${sinceDate === null ? sql`` : sql`and r.created_at >= ${sinceDate}`}
              group by d.id, d.code, d.name order by d.name`,
        ),
        rows<{ incidents: number; procedures: number }>(
          db,
          sql`select count(*)::int as incidents,
                count(distinct i.procedure_id) filter (where p.status = 'running')::int as procedures
              from incidents i left join procedures p on p.id = i.procedure_id
              where i.resolved_at is null`,
        ),
      ]);
      return {
        proceduresByTypeAndStatus: byType,
        overdueByPerson: byPerson,
        overdueByDepartment: byDepartment,
        throughputByMonth: throughput,
        completedByMonthAndType: completedByType,
        departmentAnswers: answers,
        incidents: disturbance?.incidents ?? 0,
        disturbedProcedures: disturbance?.procedures ?? 0,
        period: query.period,
        since: sinceDate,
        generatedAt: new Date(),
      };
    },
  });
}
