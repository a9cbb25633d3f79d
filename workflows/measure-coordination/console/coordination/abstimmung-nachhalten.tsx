import { TextInput } from 'react-admin';
import { YesNoInput } from '../../../../admin/src/common/YesNoInput';
import type { TaskFormDefinition } from '../../../../admin/src/modules/types';
import type { Task } from '../../../../admin/src/tasks/taskApi';
import { DecisionFacts, type DecisionView } from './DecisionFacts';
import { MeasurePair, type PairContext } from './MeasurePair';

function Context({ task }: { task: Task }) {
  const c = (task.context ?? {}) as PairContext & { decision?: DecisionView };
  return (
    <>
      <MeasurePair context={c} />
      <DecisionFacts decision={c.decision} measures={c.measures} />
    </>
  );
}

function Inputs() {
  return (
    <>
      <YesNoInput source="done" label="app.coordination.done" yes="app.coordination.done_yes" no="app.coordination.done_no" />
      <TextInput source="note" label="app.coordination.note" multiline minRows={3} fullWidth isRequired />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
