import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleDescription,
} from '@temporalio/client';
import type { SystemSchedule } from './system-schedules';

const IDLE = 'idle: ';

function stateFor(s: SystemSchedule, previous?: ScheduleDescription['state']) {
  if (s.idleNote) return { paused: true, note: `${IDLE}${s.idleNote}` };
  // Paused only because it had nothing to do: now it has. An admin's own pause stays.
  if (!previous || previous.note?.startsWith(IDLE)) return { paused: false, note: 'konfiguriert' };
  return { paused: previous.paused, note: previous.note };
}

/**
 * Creates or updates the system's schedules to match configuration; safe to run from every API
 * process at once (the loser of a create race updates instead).
 */
export async function ensureSchedules(client: Client, schedules: SystemSchedule[], taskQueue: string): Promise<void> {
  for (const s of schedules) {
    const action = {
      type: 'startWorkflow' as const,
      workflowType: s.workflowType,
      args: s.args,
      taskQueue,
      workflowId: s.id,
    };
    const spec = s.cron ? { cronExpressions: [s.cron], timezone: 'Europe/Berlin' } : { intervals: [{ every: s.everyMs ?? 86_400_000 }] };
    const update = () =>
      client.schedule.getHandle(s.id).update((previous) => ({
        spec,
        action,
        policies: previous.policies,
        state: stateFor(s, previous.state),
      }));
    try {
      await update();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      try {
        await client.schedule.create({
          scheduleId: s.id,
          spec,
          action,
          policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
          state: stateFor(s),
        });
      } catch (createErr) {
        if (!(createErr instanceof ScheduleAlreadyRunning)) throw createErr;
        await update();
      }
    }
  }
}
