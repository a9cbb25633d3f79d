import { proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { procedure } from '../human-task/procedure-state';
import type { ProcedureArgs } from '../human-task/run-procedure';
import type { ConsultationStart } from './forms';
import type { ConsultationResult, departmentConsultation } from './workflow';

const { recordStep } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' },
});

export interface ConsultSpec {
  /** Unique within the parent; names the child workflow, so a replay finds the same child. */
  key: string;
  /** The parent's step while the departments answer, and the child's title in lists. */
  title: string;
  input: ConsultationStart;
  /** Who consolidates the answers at the end; null: the staff group (a procedure the system started). */
  consolidatorId: string | null;
  timing: ProcedureArgs<unknown>['timing'];
  consultation: ProcedureArgs<unknown>['consultation'];
}

/**
 * Asks the departments as a child procedure of the calling one and waits for the consolidated
 * answers. A cancelled parent cancels the child (Temporal's default), which closes its requests.
 */
export async function consultDepartments(spec: ConsultSpec): Promise<ConsultationResult> {
  const parentId = workflowInfo().workflowId;
  const childId = `${parentId}.${spec.key}`;
  const args: ProcedureArgs<ConsultationStart> = {
    input: spec.input,
    startedBy: spec.consolidatorId,
    timing: spec.timing,
    consultation: spec.consultation,
    parent: { id: parentId, title: spec.title },
  };
  const child = await startChild<typeof departmentConsultation>('departmentConsultation', {
    workflowId: childId,
    args: [args],
  });
  await recordStep({ procedureId: parentId, key: spec.key, label: spec.title, detail: { childProcedureId: childId } });
  procedure.reachedWaitPoint(spec.title);
  return child.result();
}
