import { ApprovalInputs } from '../../../../admin/src/common/ApprovalInputs';
import type { TaskFormDefinition } from '../../../../admin/src/modules/types';
import type { Task } from '../../../../admin/src/tasks/taskApi';
import { DecisionFacts, type DecisionView } from './DecisionFacts';
import { MeasurePair, type PairContext } from './MeasurePair';

function Context({ task }: { task: Task }) {
  const c = (task.context ?? {}) as PairContext & { decision?: DecisionView; decidedBy?: string };
  return (
    <>
      <MeasurePair context={c} />
      <DecisionFacts decision={c.decision} measures={c.measures} decidedBy={c.decidedBy} />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs: ApprovalInputs };
