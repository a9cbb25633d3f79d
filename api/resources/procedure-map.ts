import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { procedureEvents, procedures, tasks, users } from '../../db/schema';
import { procedureModule } from '../../workflows/registry';
import { nodeFor, recordedStep, STEP_EVENT_KINDS, stepKeyOf, type StepMap, type StepNode } from '../../workflows/step-map';
import { HttpError } from '../errors';
import { textIdParams, type Api } from '../route';

const stepKinds = ['task', 'approval', 'consultation', 'wait', 'deadline', 'step', 'end'] as const;

export const stepMapSchema = z
  .object({
    nodes: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(stepKinds) })),
    edges: z.array(z.object({ from: z.string(), to: z.string(), label: z.string().optional() })),
  })
  .meta({ id: 'StepMap' });

const nodeStates = ['done', 'current', 'ahead'] as const;
type NodeState = (typeof nodeStates)[number];

const mapNodeSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(stepKinds),
  state: z.enum(nodeStates),
  /** When the step was done (the last time, for a step done in several rounds), or began (current). */
  at: z.date().nullable(),
  /** Who did it (a task), by name. */
  by: z.string().nullable(),
  byId: z.string().nullable(),
  /** How often it was done (a rejected work round comes back). */
  times: z.number(),
  /** The child procedure behind a consultation, to open it from its node. */
  childProcedureId: z.string().nullable(),
});

const procedureMapSchema = z
  .object({
    procedureId: z.string(),
    type: z.string(),
    status: z.string(),
    outcome: z.string().nullable(),
    nodes: z.array(mapNodeSchema),
    edges: stepMapSchema.shape.edges,
  })
  .meta({ id: 'ProcedureMap' });

export function publicMap(map: StepMap) {
  return { nodes: map.nodes.map(({ key, label, kind }) => ({ key, label, kind })), edges: map.edges };
}

interface Marks {
  state: NodeState;
  at: Date | null;
  byId: string | null;
  times: number;
  childProcedureId: string | null;
}

/** Where one procedure stands on its map: each step done (who, when), current, or still ahead. */
async function mapOf(db: Db, id: string) {
  const [proc] = await db.select().from(procedures).where(eq(procedures.id, id));
  if (!proc) throw HttpError.notFound('Vorgang');
  const module = procedureModule(proc.type);
  if (!module) throw HttpError.notFound('Vorgangsart');
  const [events, taskRows, children] = await Promise.all([
    db
      .select({ key: procedureEvents.key, kind: procedureEvents.kind, at: procedureEvents.at })
      .from(procedureEvents)
      .where(and(eq(procedureEvents.procedureId, id), inArray(procedureEvents.kind, [...STEP_EVENT_KINDS])))
      .orderBy(procedureEvents.id),
    db.select().from(tasks).where(eq(tasks.procedureId, id)),
    db.select({ id: procedures.id, status: procedures.status, endedAt: procedures.endedAt, startedAt: procedures.startedAt }).from(procedures).where(eq(procedures.parentId, id)),
  ]);
  const running = proc.status === 'running';
  const lastStep = events.length > 0 ? recordedStep(events[events.length - 1] as { key: string; kind: string }) : undefined;

  const marks = (node: StepNode): Marks => {
    const none: Marks = { state: 'ahead', at: null, byId: null, times: 0, childProcedureId: null };
    if (node.kind === 'end') {
      const reached = !running && proc.status === 'completed' && (proc.outcome ?? '').startsWith(node.outcome as string);
      return reached ? { ...none, state: 'done', at: proc.endedAt } : none;
    }
    if (node.kind === 'task' || node.kind === 'approval') {
      const own = taskRows.filter((t) => stepKeyOf(t.taskKey) === node.key);
      if (own.length === 0) return none;
      const open = own.find((t) => t.status === 'open' || t.status === 'claimed');
      if (open) return { ...none, state: 'current', at: open.createdAt, byId: open.claimedBy ?? open.assigneeId, times: own.length };
      const done = own.filter((t) => t.status === 'completed').sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0))[0];
      return { ...none, state: 'done', at: done?.completedAt ?? null, byId: done?.completedBy ?? null, times: own.length };
    }
    if (node.kind === 'consultation') {
      const child = children.find((c) => c.id === `${id}.${node.key}`);
      if (!child) return none;
      return { ...none, state: child.status === 'running' ? 'current' : 'done', at: child.endedAt ?? child.startedAt, times: 1, childProcedureId: child.id };
    }
    const own = events.filter((e) => nodeFor(module.steps, recordedStep(e) ?? '') === node);
    if (own.length === 0) return none;
    const at = own[own.length - 1]?.at ?? null;
    // A wait is current while it is the procedure's latest step and no task is open.
    const waiting = node.kind === 'wait' && running && lastStep !== undefined && nodeFor(module.steps, lastStep) === node && !taskRows.some((t) => t.status === 'open' || t.status === 'claimed');
    return { ...none, state: waiting ? 'current' : 'done', at, times: own.length };
  };

  const marked = module.steps.nodes.map((node) => ({ node, ...marks(node) }));
  const people = [...new Set(marked.map((m) => m.byId).filter((p): p is string => p !== null))];
  const names = people.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people)) : [];
  return {
    procedureId: id,
    type: proc.type,
    status: proc.status,
    outcome: proc.outcome,
    nodes: marked.map(({ node, ...m }) => ({
      key: node.key,
      label: node.label,
      kind: node.kind,
      ...m,
      by: names.find((n) => n.id === m.byId)?.name ?? null,
    })),
    edges: module.steps.edges,
  };
}

const stepStatsSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    kind: z.enum(stepKinds),
    /** Running procedures whose latest step this is. */
    waiting: z.number(),
    /** Time spent in the step until the next one, over the last 12 months (ms); null without data. */
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
    samples: z.number(),
  })
  .meta({ id: 'StepStats' });

// The SQL form of recordedStep (workflows/step-map.ts): a task by its key without the round, a
// consultation's reminders by their kind, any other step by its key.
const nodeKeySql = sql`case when e.kind = 'task.created' then regexp_replace(regexp_replace(e.key, '^task:|:created$', '', 'g'), '-[0-9]+$', '')
  when e.kind like 'request.%' then e.kind else e.key end`;

async function statsOf(db: Db, type: string) {
  const module = procedureModule(type);
  if (!module) throw HttpError.notFound('Vorgangsart');
  const kinds = sql.join(STEP_EVENT_KINDS.map((k) => sql`${k}`), sql`, `);
  const [waiting, durations] = await Promise.all([
    db.execute<{ node: string; n: number }>(sql`
      select node, count(*)::int as n from (
        select distinct on (e.procedure_id) ${nodeKeySql} as node
        from procedure_events e join procedures p on p.id = e.procedure_id
        where p.type = ${type} and p.status = 'running' and e.kind in (${kinds})
        order by e.procedure_id, e.id desc
      ) latest group by node`),
    db.execute<{ node: string; median: number | null; p90: number | null; n: number }>(sql`
      with steps as (
        select ${nodeKeySql} as node, e.at,
          coalesce(lead(e.at) over (partition by e.procedure_id order by e.id), p.ended_at) as until
        from procedure_events e join procedures p on p.id = e.procedure_id
        where p.type = ${type} and e.kind in (${kinds}) and e.at > now() - interval '12 months'
      )
      select node, count(*)::int as n,
        percentile_cont(0.5) within group (order by extract(epoch from until - at) * 1000) as median,
        percentile_cont(0.9) within group (order by extract(epoch from until - at) * 1000) as p90
      from steps where until is not null group by node`),
  ]);
  const counts = new Map<string, number>();
  for (const r of waiting.rows) {
    const node = nodeFor(module.steps, r.node);
    if (node) counts.set(node.key, (counts.get(node.key) ?? 0) + r.n);
  }
  return module.steps.nodes.map((node) => {
    const d = durations.rows.find((r) => nodeFor(module.steps, r.node) === node);
    return {
      key: node.key,
      label: node.label,
      kind: node.kind,
      waiting: counts.get(node.key) ?? 0,
      medianMs: d?.median === null || d?.median === undefined ? null : Math.round(Number(d.median)),
      p90Ms: d?.p90 === null || d?.p90 === undefined ? null : Math.round(Number(d.p90)),
      samples: d?.n ?? 0,
    };
  });
}

export function procedureMapRoutes(api: Api, db: Db) {
  api.route({
    method: 'get',
    path: '/api/procedures/:id/map',
    summary: 'Die Karte eines Vorgangs: jeder Schritt erledigt (von wem, wann), aktuell oder noch offen',
    tag: 'procedures',
    access: 'user',
    params: textIdParams,
    response: procedureMapSchema,
    handler: ({ params }) => mapOf(db, params.id),
  });

  api.route({
    method: 'get',
    path: '/api/procedure-types/:id/stats',
    summary: 'Je Schritt einer Vorgangsart: wie viele laufende Vorgänge dort stehen, Median und 90. Perzentil der Dauer (12 Monate)',
    tag: 'procedures',
    access: ['manager', 'admin'],
    params: textIdParams,
    response: z.array(stepStatsSchema),
    handler: ({ params }) => statsOf(db, params.id),
  });
}
