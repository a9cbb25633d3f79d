import { Typography } from '@mui/material';
import { RadioButtonGroupInput, TextInput, useTranslate } from 'react-admin';
import { ChoiceInputs, FeedbackNote } from '../../../../admin/src/common/ChoiceInputs';
import type { TaskFormDefinition } from '../../../../admin/src/modules/types';
import { DepartmentRequests } from '../../../../admin/src/procedures/DepartmentRequests';
import type { Task } from '../../../../admin/src/tasks/taskApi';
import { decisions } from '../../forms';
import { MeasurePair, type PairContext } from './MeasurePair';

/** The two measures and what their providers and the department answered (live, with files). */
function Context({ task }: { task: Task }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as PairContext & { feedback?: string | null };
  return (
    <>
      <FeedbackNote feedback={c.feedback} label="app.coordination.feedback" />
      <MeasurePair context={c} />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.coordination.answers')}
      </Typography>
      <DepartmentRequests procedureId={task.procedureId} />
    </>
  );
}

function Inputs({ task }: { task: Task }) {
  const translate = useTranslate();
  const [first, second] = ((task.context ?? {}) as PairContext).measures ?? [];
  return (
    <>
      <ChoiceInputs
        source="decision"
        label="app.coordination.decision"
        choices={decisions.map((d) => [d, `app.coordination.decision_${d}`])}
        text={{ source: 'reason', label: 'app.coordination.reason', isRequired: true }}
      />
      <RadioButtonGroupInput
        source="measure"
        label="app.coordination.concerns"
        choices={[
          { id: 'first', name: first?.title ?? translate('app.coordination.first') },
          { id: 'second', name: second?.title ?? translate('app.coordination.second') },
        ]}
      />
      <TextInput source="agreement" label="app.coordination.agreement" multiline minRows={2} fullWidth />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
