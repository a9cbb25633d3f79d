import { Typography } from '@mui/material';
import { NumberInput, useTranslate } from 'react-admin';
import { CallFacts, type CallView } from './funding-calls/CallFacts';
import { DepartmentRequests } from '../../../admin/src/procedures/DepartmentRequests';
import type { Task } from '../../../admin/src/tasks/taskApi';
import { ChoiceInputs, FeedbackNote } from '../../../admin/src/common/ChoiceInputs';
import { DepartmentPicker } from '../../../admin/src/common/DepartmentChoice';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

interface DecisionContext {
  call?: CallView;
  consultation?: { summary?: string; followUp?: string };
  feedback?: string | null;
}

/** The call, what the departments said (their answers live, with files) and the consolidation. */
function Context({ task }: { task: Task }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as DecisionContext;
  return (
    <>
      <CallFacts call={c.call} />
      <FeedbackNote feedback={c.feedback} label="app.funding.feedback" />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.funding.consultation')}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{c.consultation?.summary}</Typography>
      {c.consultation?.followUp && <Typography sx={{ whiteSpace: 'pre-wrap' }}>{c.consultation.followUp}</Typography>}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.funding.live_answers')}
      </Typography>
      <DepartmentRequests procedureId={task.procedureId} />
    </>
  );
}

function Inputs() {
  return (
    <>
      <ChoiceInputs
        source="decision"
        label="app.funding.decision"
        choices={[
          ['apply', 'app.funding.apply'],
          ['dont-apply', 'app.funding.dont_apply'],
        ]}
        text={{ source: 'reason', label: 'app.funding.reason', isRequired: true }}
      />
      <DepartmentPicker source="leadDepartmentId" label="app.funding.lead_department" />
      <NumberInput source="ownShare" label="app.funding.own_share" min={0} />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
