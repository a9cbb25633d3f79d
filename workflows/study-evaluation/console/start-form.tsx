import { AutocompleteInput, ReferenceInput } from 'react-admin';
import type { StartFormDefinition } from '../../../admin/src/modules/types';

function Inputs() {
  return (
    <ReferenceInput source="studyId" reference="studies" sort={{ field: 'createdAt', order: 'DESC' }}>
      <AutocompleteInput label="app.study.study" optionText="title" isRequired fullWidth />
    </ReferenceInput>
  );
}

export const startForm: StartFormDefinition = { Inputs };
