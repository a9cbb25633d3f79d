import ms from 'ms';
import type { ScheduledJobArgs } from '../workflows/engine/scheduled-job';
import { scheduleOwners } from './owners';

/** A schedule the system itself keeps: created or updated at every start, from configuration. */
export interface SystemSchedule {
  id: string;
  label: string;
  workflowType: string;
  args: unknown[];
  /** When it runs: every so many milliseconds, or at the times of a cron expression (Europe/Berlin). */
  everyMs?: number;
  cron?: string;
  /** Set when configuration leaves it nothing to do: then it stays paused, saying why. */
  idleNote?: string;
}

/** "0 6 5 1,4,7,10 *" is a cron expression; "90d" or "2s" an interval. */
function when(spec: string): Pick<SystemSchedule, 'everyMs' | 'cron'> {
  return spec.includes(' ') ? { cron: spec } : { everyMs: ms(spec as ms.StringValue) };
}

/** Every module's (and engine part's) schedules, each starting the engine's scheduledJob workflow with its job. */
export function systemSchedules(settingsOf: (type: string) => unknown): SystemSchedule[] {
  return scheduleOwners.flatMap((module) =>
    (module.schedules?.(settingsOf(module.type) as never) ?? []).map((s) => {
      const args: ScheduledJobArgs = { procedureType: module.type, job: s.job, scheduleId: s.id, settings: settingsOf(module.type) };
      return { id: s.id, label: s.label, workflowType: 'scheduledJob', args: [args], ...when(s.when), idleNote: s.idleNote };
    }),
  );
}
