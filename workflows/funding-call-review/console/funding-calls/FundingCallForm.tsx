import { Create, DateInput, Edit, NumberInput, SelectInput, SimpleForm, TextArrayInput, TextInput, useTranslate } from 'react-admin';
import { fundingSources } from './FundingCallList';

// Validation is the API's (fundingCallInput): its field errors come back next to the fields.

function FundingCallInputs() {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="title" isRequired fullWidth />
      <TextInput source="funder" isRequired fullWidth />
      <SelectInput source="source" isRequired choices={fundingSources.map((s) => ({ id: s, name: translate(`app.funding_source.${s}`) }))} />
      <TextInput source="link" isRequired fullWidth />
      <DateInput source="submissionDeadline" isRequired />
      <NumberInput source="budget" min={0} />
      <NumberInput source="cofinancingShare" min={0} max={100} />
      <TextArrayInput source="topics" fullWidth />
      <TextInput source="summary" multiline minRows={4} fullWidth />
    </>
  );
}

export function FundingCallCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ source: 'land-nrw', topics: [] }}>
        <FundingCallInputs />
      </SimpleForm>
    </Create>
  );
}

export function FundingCallEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <FundingCallInputs />
      </SimpleForm>
    </Edit>
  );
}
