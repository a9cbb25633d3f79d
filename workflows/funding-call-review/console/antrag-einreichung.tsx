import { TextInput } from 'react-admin';
import { GermanDateInput } from '../../../admin/src/common/DurationInput';
import { DraftFacts } from './DraftFacts';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

function Inputs() {
  return (
    <>
      <GermanDateInput source="submittedOn" label="app.funding.submitted_on" isRequired />
      <TextInput source="reference" label="app.funding.reference" fullWidth />
    </>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

export const taskForm: TaskFormDefinition = { Context: DraftFacts, Inputs, defaults: () => ({ submittedOn: today() }) };
