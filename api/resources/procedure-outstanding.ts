import { sql, type SQL } from 'drizzle-orm';
import { procedures } from '../../db/schema';

// What is outstanding in a procedure, as the lists show it: derived from its open tasks and its
// consultations' pending requests (its own and its child procedures'), never stored twice.

/** The procedure and its direct children (a review's consultation). */
const tree = sql`(select c.id from procedures c where c.id = ${procedures.id} or c.parent_id = ${procedures.id})`;
const openTasks = sql`tasks t where t.procedure_id in ${tree} and t.status in ('open', 'claimed')`;
const pendingRequests = sql`consultation_requests cr join procedures rc on rc.id = cr.consultation_id
  where rc.id in ${tree} and rc.status = 'running' and cr.status = 'pending'`;

/** The next date something is due: an open task's, or a department's answer deadline. */
export const nextDueAt: SQL<Date | null> = sql`least(
  (select min(t.due_at) from ${openTasks}),
  (select min(cr.deadline_at) from ${pendingRequests}))`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v)));

/** Who holds the task due first (claimed, else assigned); null when it is a group's, or none is open. */
export const responsibleId: SQL<string | null> = sql`(select coalesce(t.claimed_by, t.assignee_id) from ${openTasks}
  order by t.due_at asc nulls last, t.created_at limit 1)`;

/** The group of the task due first, when no person holds it. */
export const responsibleRole: SQL<string | null> = sql`(select t.candidate_role from ${openTasks}
  and t.claimed_by is null and t.assignee_id is null order by t.due_at asc nulls last, t.created_at limit 1)`;

/** Of a running consultation (its own or its child's): how many were asked, how many have answered. */
export const requestsAsked: SQL<number> = sql`(select count(*) from consultation_requests cr join procedures rc on rc.id = cr.consultation_id
  where rc.id in ${tree} and rc.status = 'running')`.mapWith(Number);
export const requestsAnswered: SQL<number> = sql`(select count(*) from consultation_requests cr join procedures rc on rc.id = cr.consultation_id
  where rc.id in ${tree} and rc.status = 'running' and cr.status = 'answered')`.mapWith(Number);

/** An open disturbance (Störung) in it or its children: something keeps failing. */
export const disturbed: SQL<boolean> = sql`exists (select 1 from incidents i where i.procedure_id in ${tree} and i.resolved_at is null)`.mapWith(Boolean);

export const overdue = (flag: boolean): SQL => (flag ? sql`${nextDueAt} < now()` : sql`(${nextDueAt} is null or ${nextDueAt} >= now())`);

/** Someone holds one of its open tasks (or stands in for its holder). */
export const heldBy = (userId: string): SQL => sql`exists (select 1 from ${openTasks} and (t.assignee_id = ${userId} or t.claimed_by = ${userId}))`;

/** A department was asked in it (its own or its child's consultation). */
export const concerns = (departmentId: string): SQL => sql`exists (select 1 from consultation_requests cr where cr.consultation_id in ${tree} and cr.department_id = ${departmentId})`;
