import { proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import type { ProcedureArgs } from './frame';
import { procedure } from './procedure-state';

const { recordStep } = proxyActivities<EngineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' },
});

export interface ChildSpec<I> {
  /** Unique within the parent; names the child workflow, so a replay finds the same child. */
  key: string;
  /** The parent's step while the child runs, and the child's title in lists. */
  title: string;
  workflowType: string;
  args: Omit<ProcedureArgs<I, unknown>, 'parent'>;
}

/**
 * Runs another procedure as a part of this one and waits for its result. The child registers
 * its own row with this one as its parent; a cancelled parent cancels the child (Temporal's default).
 */
export async function childProcedure<I, R>(spec: ChildSpec<I>): Promise<R> {
  const parentId = workflowInfo().workflowId;
  const childId = `${parentId}.${spec.key}`;
  const child = await startChild(spec.workflowType, {
    workflowId: childId,
    args: [{ ...spec.args, parent: { id: parentId, title: spec.title } }],
  });
  await recordStep({ procedureId: parentId, key: spec.key, label: spec.title, detail: { childProcedureId: childId } });
  procedure.reachedWaitPoint(spec.title, spec.key);
  return (await child.result()) as R;
}
