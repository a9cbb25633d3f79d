import { AutocompleteInput, ReferenceInput } from 'react-admin';
import type { StartFormDefinition } from '../../../admin/src/modules/types';

// The newest calls first; the search finds older ones by title, funder or summary.
function Inputs() {
  return (
    <ReferenceInput source="fundingCallId" reference="funding-calls" sort={{ field: 'createdAt', order: 'DESC' }}>
      <AutocompleteInput label="app.funding.call" optionText="title" isRequired fullWidth />
    </ReferenceInput>
  );
}

export const startForm: StartFormDefinition = { Inputs };
