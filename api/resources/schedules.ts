import { ScheduleNotFoundError, type Client, type ScheduleHandle, type ScheduleSummary } from '@temporalio/client';
import type { Response } from 'express';
import { z } from 'zod';
import type { SystemSchedule } from '../../schedules/system-schedules';
import { HttpError } from '../errors';
import { sendList } from '../list-query';
import { textIdParams, type Api } from '../route';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';

const scheduleSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    workflowType: z.string(),
    paused: z.boolean(),
    note: z.string().nullable(),
    everyMs: z.number().nullable(),
    /** The cron expression of a system schedule that runs at set times (Temporal reports it only as calendar parts). */
    cron: z.string().nullable(),
    nextRunAt: z.date().nullable(),
    lastRunAt: z.date().nullable(),
    lastWorkflowId: z.string().nullable(),
    runs: z.number(),
  })
  .meta({ id: 'Schedule' });
type ScheduleView = z.infer<typeof scheduleSchema>;

const noteBody = z.strictObject({ note: z.string().trim().max(500).optional() });

/** Every Temporal Schedule of the system, as admins see and steer them (not listed from Temporal's visibility: described one by one). */
export function scheduleRoutes(api: Api, { db, temporal, schedules }: { db: Db; temporal: Client; schedules: SystemSchedule[] }) {
  const labels = new Map(schedules.map((s) => [s.id, s.label]));
  const crons = new Map(schedules.map((s) => [s.id, s.cron ?? null]));

  async function view(id: string): Promise<ScheduleView> {
    try {
      const d = await temporal.schedule.getHandle(id).describe();
      const last = d.info.recentActions.at(-1);
      const every = d.spec.intervals?.[0]?.every;
      return {
        id,
        label: labels.get(id) ?? id,
        workflowType: d.action.type === 'startWorkflow' ? d.action.workflowType : d.action.type,
        paused: d.state.paused,
        note: d.state.note ?? null,
        everyMs: typeof every === 'number' ? every : null,
        cron: crons.get(id) ?? null,
        nextRunAt: d.info.nextActionTimes[0] ?? null,
        lastRunAt: last?.takenAt ?? null,
        lastWorkflowId: last?.action.workflow.workflowId ?? null,
        runs: d.info.numActionsTaken,
      };
    } catch (err) {
      if (err instanceof ScheduleNotFoundError) throw HttpError.notFound('Zeitplan');
      throw err;
    }
  }

  async function steer(id: string, actorId: string, action: string, act: () => Promise<void>) {
    await view(id);
    await act();
    await writeAudit(db, { actorId, action: `schedule.${action}`, entityType: 'schedules', entityId: id });
    return view(id);
  }

  api.route({
    method: 'get',
    path: '/api/schedules',
    summary: 'Zeitpläne (Temporal Schedules) mit Zustand, nächstem und letztem Lauf',
    tag: 'schedules',
    access: ['admin'],
    response: z.array(scheduleSchema),
    async handler({ res }: { res: Response }) {
      const ids = new Set(schedules.map((s) => s.id));
      for await (const s of temporal.schedule.list() as AsyncIterable<ScheduleSummary>) ids.add(s.scheduleId);
      const rows = await Promise.all([...ids].sort().map((id) => view(id).catch(() => undefined)));
      const found = rows.filter((r): r is ScheduleView => r !== undefined);
      return sendList(res, 'schedules', found, found.length, 0);
    },
  });

  api.route({
    method: 'get',
    path: '/api/schedules/:id',
    summary: 'Ein Zeitplan',
    tag: 'schedules',
    access: ['admin'],
    params: textIdParams,
    response: scheduleSchema,
    handler: ({ params }) => view(params.id),
  });

  // Each action takes an optional note (Temporal keeps it with the schedule's state) and is audited.
  const actions = [
    { path: 'pause', summary: 'Zeitplan anhalten', audit: 'paused', run: (h: ScheduleHandle, note?: string) => h.pause(note ?? 'angehalten') },
    { path: 'resume', summary: 'Zeitplan fortsetzen', audit: 'resumed', run: (h: ScheduleHandle, note?: string) => h.unpause(note ?? 'fortgesetzt') },
    { path: 'trigger', summary: 'Zeitplan jetzt auslösen', audit: 'triggered', run: (h: ScheduleHandle) => h.trigger() },
  ];
  for (const action of actions) {
    api.route({
      method: 'post',
      path: `/api/schedules/:id/${action.path}`,
      summary: action.summary,
      tag: 'schedules',
      access: ['admin'],
      params: textIdParams,
      body: noteBody,
      response: scheduleSchema,
      handler: ({ params, body, user }) =>
        steer(params.id, user.id, action.audit, () => action.run(temporal.schedule.getHandle(params.id), body.note)),
    });
  }
}
