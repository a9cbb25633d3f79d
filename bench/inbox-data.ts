import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * An office after some years: 60 more staff, 2 000 procedures, `taskCount` tasks of which a
 * quarter are open — assigned, claimed or waiting in a group — and the rest done.
 */
export async function seedInboxLoad(db: Db, taskCount: number, passwordHash: string): Promise<void> {
  await db.execute(sql`
    insert into users (email, name, roles, password_hash)
    select 'staff' || i || '@bench.localhost', 'Bench Staff ' || i, array['staff'], ${passwordHash}
    from generate_series(1, 60) i
    on conflict do nothing`);
  await db.execute(sql`
    insert into procedures (id, type, title, status, input, started_at)
    select 'bench-' || i, 'vorgang-mit-freigabe', 'Bench-Vorgang ' || i,
           case when i % 4 = 0 then 'running' else 'completed' end, '{}'::jsonb, now() - (i || ' hours')::interval
    from generate_series(1, 2000) i
    on conflict do nothing`);
  await db.execute(sql`
    with people as (select array_agg(id order by email) ids from users where 'staff' = any(roles))
    insert into tasks (procedure_id, procedure_type, task_key, title, form_kind, assignee_id, candidate_role,
                       claimed_by, status, priority, due_at, created_at, completed_at)
    select 'bench-' || (1 + i % 2000), 'vorgang-mit-freigabe', 'bench-' || i, 'Bench-Aufgabe ' || i, 'vorgang-bearbeiten',
           case when i % 3 = 0 then null else people.ids[1 + (i / 4) % array_length(people.ids, 1)] end,
           case when i % 3 = 0 then (case when i % 2 = 0 then 'staff' else 'manager' end) else null end,
           null,
           case when i % 4 = 0 then 'open' else 'completed' end,
           1 + i % 3,
           now() + ((i % 40 - 10) || ' days')::interval,
           now() - ((i % 500) || ' hours')::interval,
           case when i % 4 = 0 then null else now() - ((i % 400) || ' hours')::interval end
    from generate_series(1, ${taskCount}) i, people`);
  await db.execute(sql`analyze tasks`);
  await db.execute(sql`analyze procedures`);
  await db.execute(sql`analyze users`);
}
