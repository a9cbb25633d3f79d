import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * An office after some years: `count` procedures of every type over the last 18 months — a third
 * running, most completed, some cancelled — each with its tasks (the running ones' open, some of
 * them overdue, held by the demo people or their groups), its steps, its audit entries, and for
 * every other one a consultation of three departments (answered, unanswered, pending).
 */
export async function seedDashboardLoad(db: Db, count: number): Promise<void> {
  await db.execute(sql`
    insert into procedures (id, type, title, status, outcome, input, started_at, ended_at)
    select 'dash-' || i,
           (array['vorgang-mit-freigabe', 'department-consultation', 'funding-call-review', 'study-evaluation', 'integration-monitoring'])[1 + i % 5],
           'Bench-Vorgang ' || i,
           case when i % 3 = 0 then 'running' when i % 10 = 1 then 'cancelled' else 'completed' end,
           case when i % 3 = 0 then null when i % 10 = 1 then 'Abgebrochen' else 'Abgeschlossen' end,
           '{}'::jsonb,
           now() - ((i % 540) || ' days')::interval - ((i % 24) || ' hours')::interval,
           case when i % 3 = 0 then null else now() - ((i % 540) || ' days')::interval + ((1 + i % 20) || ' days')::interval end
    from generate_series(1, ${count}) i
    on conflict do nothing`);
  // Ended in the future would be nonsense: those end now.
  await db.execute(sql`update procedures set ended_at = now() where id like 'dash-%' and ended_at > now()`);
  await db.execute(sql`
    with people as (select array_agg(id order by email) ids from users where 'staff' = any(roles) or 'manager' = any(roles))
    insert into tasks (procedure_id, procedure_type, task_key, title, form_kind, assignee_id, candidate_role, claimed_by,
                       status, priority, due_at, created_at, completed_at, completed_by)
    select p.id, p.type, 'bench-' || n, 'Bench-Aufgabe ' || n, 'vorgang-bearbeiten',
           case when (i + n) % 3 = 0 then null else people.ids[1 + (i + n) % array_length(people.ids, 1)] end,
           case when (i + n) % 3 = 0 then 'staff' end,
           null,
           case when p.status = 'running' and n = 3 then 'open' when p.status = 'cancelled' and n = 3 then 'cancelled' else 'completed' end,
           2,
           p.started_at + ((n * 5 + i % 30) || ' days')::interval,
           p.started_at + ((n * 2) || ' days')::interval,
           case when p.status = 'running' and n = 3 then null else p.started_at + ((n * 3) || ' days')::interval end,
           people.ids[1 + i % array_length(people.ids, 1)]
    from (select id, type, status, started_at, substr(id, 6)::int as i from procedures where id like 'dash-%') p,
         generate_series(1, 3) n, people
    on conflict do nothing`);
  await db.execute(sql`
    with depts as (select array_agg(id order by code) ids from departments)
    insert into consultation_requests (consultation_id, department_id, participant_id, addressee, token_hash, deadline_at, expires_at,
                                       status, channel, answer_text, answered_at, created_at)
    select p.id, dep.id, dep.id, dep.addressee, 'bench-' || p.id || '-' || n,
           p.started_at + interval '14 days', p.started_at + interval '16 days',
           case when p.status = 'running' then (case when n = 1 then 'answered' else 'pending' end)
                when (i + n) % 7 = 0 then 'no_answer' else 'answered' end,
           case when (p.status <> 'running' and (i + n) % 7 <> 0) or n = 1 then (case when n % 2 = 0 then 'mail' else 'page' end) end,
           case when (p.status <> 'running' and (i + n) % 7 <> 0) or n = 1 then 'Antwort' end,
           case when (p.status <> 'running' and (i + n) % 7 <> 0) or n = 1 then p.started_at + ((1 + (i * n) % 9) || ' days')::interval end,
           p.started_at
    from (select id, status, started_at, substr(id, 6)::int as i from procedures where id like 'dash-%') p
         cross join generate_series(1, 3) n
         cross join depts
         cross join lateral (
           select d.id, jsonb_build_object('name', d.name, 'grammaticalGender', d.grammatical_gender, 'nameAccusative', d.name_accusative,
                                           'nameDative', d.name_dative, 'nameGenitive', d.name_genitive,
                                           'noun', 'Dienststelle', 'yours', 'Ihre Dienststelle') as addressee
           from departments d where d.id = depts.ids[1 + (p.i + n) % array_length(depts.ids, 1)]) dep
    where p.i % 2 = 0
    on conflict do nothing`);
  await db.execute(sql`
    insert into procedure_events (procedure_id, key, kind, label, at)
    select t.procedure_id, 'task:' || t.task_key || ':created', 'task.created', t.title, t.created_at
    from tasks t where t.procedure_id like 'dash-%'
    on conflict do nothing`);
  await db.execute(sql`
    insert into audit_log (actor_id, action, entity_type, entity_id, procedure_id, detail, at)
    select t.completed_by, 'task.completed', 'task', t.id::text, t.procedure_id, '{}'::jsonb, t.completed_at
    from tasks t where t.procedure_id like 'dash-%' and t.status = 'completed'`);
  for (const table of ['procedures', 'tasks', 'consultation_requests', 'procedure_events', 'audit_log']) {
    await db.execute(sql.raw(`analyze ${table}`));
  }
}
