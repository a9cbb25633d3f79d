import { AutocompleteInput, ReferenceInput } from 'react-admin';
import type { StartFormDefinition } from '../../../../admin/src/modules/types';

// The two measures by title; the search finds them by title or description.
function Inputs() {
  return (
    <>
      <ReferenceInput source="measureId" reference="measures" sort={{ field: 'title', order: 'ASC' }}>
        <AutocompleteInput label="app.coordination.measure" optionText="title" isRequired fullWidth />
      </ReferenceInput>
      <ReferenceInput source="otherMeasureId" reference="measures" sort={{ field: 'title', order: 'ASC' }}>
        <AutocompleteInput label="app.coordination.other_measure" optionText="title" isRequired fullWidth />
      </ReferenceInput>
    </>
  );
}

export const startForm: StartFormDefinition = { Inputs };
