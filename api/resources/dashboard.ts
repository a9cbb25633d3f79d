import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Api } from '../route';

const count = z.number().int();

export const dashboardSchema = z
  .object({
    proceduresByTypeAndStatus: z.array(z.object({ type: z.string(), status: z.string(), count })),
    overdueByPerson: z.array(z.object({ userId: z.string().nullable(), name: z.string(), role: z.string().nullable(), count })),
    overdueByDepartment: z.array(z.object({ departmentId: z.string().nullable(), name: z.string().nullable(), count })),
    throughputByMonth: z.array(z.object({ month: z.string(), started: count, completed: count })),
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
        /** Mean hours from request to answer, over the answered ones. */
        meanAnswerHours: z.number().nullable(),
      }),
    ),
    generatedAt: z.date(),
  })
  .meta({ id: 'Dashboard' });

const MONTHS = 12;

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** The managers' dashboard in one read: aggregates from the projection tables, nothing from the engine. */
export function dashboardRoutes(api: Api, db: Db) {
  api.route({
    method: 'get',
    path: '/api/dashboard',
    summary: 'Kennzahlen für die Amtsleitung: Vorgänge, überfällige Aufgaben, Durchsatz, Antwortquoten',
    tag: 'dashboard',
    access: ['manager', 'admin'],
    response: dashboardSchema,
    async handler() {
      const [byType, byPerson, byDepartment, throughput, answers] = await Promise.all([
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
              group by u.id, u.name, case when u.id is null then t.candidate_role end order by count desc`,
        ),
        rows<{ departmentId: string | null; name: string | null; count: number }>(
          db,
          sql`select d.id as "departmentId", d.name, count(*)::int as count
              from tasks t left join users u on u.id = coalesce(t.claimed_by, t.assignee_id)
              left join departments d on d.id = u.department_id
              where t.status in ('open', 'claimed') and t.due_at < now()
              group by d.id, d.name order by count desc`,
        ),
        rows<{ month: string; started: number; completed: number }>(
          db,
          sql`with months as (
                select to_char(m, 'YYYY-MM') as month from generate_series(
                  date_trunc('month', now()) - make_interval(months => ${MONTHS - 1}), date_trunc('month', now()), interval '1 month') m)
              select months.month,
                (select count(*)::int from procedures p where to_char(p.started_at, 'YYYY-MM') = months.month) as started,
                (select count(*)::int from procedures p where p.status = 'completed' and to_char(p.ended_at, 'YYYY-MM') = months.month) as completed
              from months order by months.month`,
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
        }>(
          db,
          sql`select d.id as "departmentId", d.code, d.name,
                count(r.id)::int as requests,
                count(*) filter (where r.status = 'answered')::int as answered,
                count(*) filter (where r.status = 'no_answer')::int as "noAnswer",
                count(*) filter (where r.status = 'pending')::int as pending,
                count(*) filter (where r.status = 'pending' and r.deadline_at < now())::int as overdue,
                (avg(extract(epoch from (r.answered_at - r.created_at))) filter (where r.status = 'answered') / 3600)::float8 as "meanAnswerHours"
              from departments d left join consultation_requests r on r.department_id = d.id
              group by d.id, d.code, d.name order by d.name`,
        ),
      ]);
      return {
        proceduresByTypeAndStatus: byType,
        overdueByPerson: byPerson,
        overdueByDepartment: byDepartment,
        throughputByMonth: throughput,
        departmentAnswers: answers,
        generatedAt: new Date(),
      };
    },
  });
}
