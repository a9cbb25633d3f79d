import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ProcedureArgs } from '../human-task/run-procedure';
import { quarterEndedBefore } from './quarter';
import type { integrationMonitoring } from './workflow';

const { claimMonitoringQuarter } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export type MonitoringScheduleArgs = Omit<ProcedureArgs<unknown>, 'input' | 'startedBy' | 'parent'>;

/**
 * Run by the Temporal Schedule: starts the monitoring of the quarter that ended before this run
 * began. The procedure's id is the quarter's, so a second trigger in the same quarter starts nothing.
 */
export async function integrationMonitoringSchedule(args: MonitoringScheduleArgs): Promise<{ quarter: string; started: boolean }> {
  const quarter = quarterEndedBefore(workflowInfo().startTime);
  const { procedureId, start } = await claimMonitoringQuarter({ quarter });
  if (!start) return { quarter, started: false };
  try {
    // Abandoned when this run ends: the monitoring lives for weeks, this run for seconds.
    await startChild<typeof integrationMonitoring>('integrationMonitoring', {
      workflowId: procedureId,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ ...args, input: { quarter }, startedBy: null }],
    });
    return { quarter, started: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return { quarter, started: false };
  }
}
