import { ArrayInput, AutocompleteInput, Create, Edit, ReferenceInput, SelectInput, SimpleForm, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { providerKinds } from '../../vocabulary';
import { useChoices } from '../../../../admin/src/common/choices';
import { DistrictInput } from '../DistrictInput';

// Validation is the API's (inputs.ts, providerInput): its field errors come back next to the fields.

function ProviderInputs() {
  const translate = useTranslate();
  const kinds = useChoices('provider_kind', providerKinds);
  const f = (name: string) => translate(`resources.providers.fields.${name}`);
  return (
    <>
      <TextInput source="name" isRequired fullWidth />
      <SelectInput source="kind" isRequired choices={kinds} />
      <ReferenceInput source="departmentId" reference="departments" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <TextInput source="street" fullWidth />
      <TextInput source="postalCode" />
      <TextInput source="city" />
      <TextInput source="email" type="email" />
      <TextInput source="phone" />
      <TextInput source="website" fullWidth />
      <DistrictInput />
      <ArrayInput source="contacts">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="name" label={f('contactName')} isRequired />
          <TextInput source="role" label={f('contactRole')} />
          <TextInput source="email" label={f('contactEmail')} type="email" />
          <TextInput source="phone" label={f('contactPhone')} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}

export function ProviderCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'freier-traeger', city: 'Köln', contacts: [], districtIds: [] }}>
        <ProviderInputs />
      </SimpleForm>
    </Create>
  );
}

export function ProviderEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <ProviderInputs />
      </SimpleForm>
    </Edit>
  );
}
