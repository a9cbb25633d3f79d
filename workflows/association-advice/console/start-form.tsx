import { AutocompleteInput, CheckboxGroupInput, ReferenceInput, TextInput } from 'react-admin';
import { useChoices } from '../../../admin/src/common/choices';
import type { StartFormDefinition } from '../../../admin/src/modules/types';
import { adviceTopics } from '../vocabulary';

function Inputs() {
  const topics = useChoices('advice_topic', adviceTopics);
  return (
    <>
      <ReferenceInput source="organisationId" reference="organisations" perPage={50} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput label="app.advice.organisation" optionText="name" filterToQuery={(q) => ({ q })} helperText="app.advice.organisation_hint" />
      </ReferenceInput>
      <TextInput source="organisationName" label="app.advice.organisation_name" fullWidth />
      <TextInput source="contactName" label="app.advice.contact_name" isRequired />
      <TextInput source="email" label="app.advice.email" type="email" isRequired />
      <TextInput source="phone" label="app.advice.phone" />
      <CheckboxGroupInput source="topics" label="app.advice.topics" choices={topics} isRequired />
      <TextInput source="request" label="app.advice.request" multiline minRows={4} fullWidth isRequired />
    </>
  );
}

export const startForm: StartFormDefinition = { Inputs, defaults: { topics: [] } };
