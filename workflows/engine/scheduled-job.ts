import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';

const { runScheduledJob } = proxyActivities<EngineActivities>({
  // A slow funder's feed must not hold the run for long; the next run tries again.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export interface ScheduledJobArgs {
  /** The procedure module (or engine part, schedules/owners.ts) whose schedule this is, and the job it names. */
  procedureType: string;
  job: string;
  /** The schedule that runs it: what an admin's retry triggers again. */
  scheduleId?: string;
  /** The module's settings where the schedule was configured (the API process that keeps it up to date). */
  settings?: unknown;
}

/**
 * What every Temporal Schedule of the system starts: one activity that runs the module's job
 * (import feeds, start this quarter's monitoring) with the moment the schedule fired.
 */
export async function scheduledJob(args: ScheduledJobArgs): Promise<unknown> {
  return runScheduledJob({ ...args, firedAt: workflowInfo().startTime.getTime() });
}
