import { TextInput } from 'react-admin';
import { GermanDateInput } from '../../../admin/src/common/DurationInput';
import { CallFacts, type CallView } from './funding-calls/CallFacts';
import { DepartmentCheckboxes } from '../../../admin/src/common/DepartmentChoice';
import { YesNoInput } from '../../../admin/src/common/YesNoInput';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  return <CallFacts call={(task.context as { call?: CallView } | undefined)?.call} />;
}

function Inputs() {
  return (
    <>
      <YesNoInput source="relevant" label="app.funding.relevant" yes="app.funding.relevant_yes" no="app.funding.relevant_no" />
      <TextInput source="reason" label="app.funding.reason" multiline minRows={3} fullWidth isRequired />
      <DepartmentCheckboxes source="departmentIds" label="app.funding.departments" />
      <TextInput source="question" label="app.funding.question" multiline minRows={2} fullWidth />
      <GermanDateInput source="submissionDeadline" label="app.funding.set_deadline" />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
