import { AutocompleteArrayInput, BooleanInput, Create, Edit, SelectArrayInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { useChoices } from '../../../../admin/src/common/choices';
import { FreeWordsInput } from '../FreeWordsInput';
import { DistrictInput } from '../../../measure-coordination/console/DistrictInput';
import { languageCodes } from '../../languages';
import { organisationKinds, organisationTopics } from '../../vocabulary';

// Validation is the API's (inputs.ts, organisationInput): its field errors come back next to the fields.

function OrganisationInputs() {
  const kinds = useChoices('organisation_kind', organisationKinds);
  const topics = useChoices('organisation_topic', organisationTopics);
  const languages = useChoices('language', languageCodes);
  return (
    <>
      <TextInput source="name" isRequired fullWidth />
      <SelectInput source="kind" isRequired choices={kinds} />
      <FreeWordsInput source="communities" />
      <AutocompleteArrayInput source="languages" choices={languages} fullWidth />
      <SelectArrayInput source="topics" choices={topics} />
      <DistrictInput />
      <BooleanInput source="registeredAssociation" />
      <BooleanInput source="charitable" />
      <TextInput source="street" fullWidth />
      <TextInput source="postalCode" />
      <TextInput source="city" />
      <TextInput source="email" type="email" />
      <TextInput source="phone" />
      <TextInput source="website" fullWidth />
      <TextInput source="note" multiline fullWidth />
    </>
  );
}

export function OrganisationCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'migrantenselbstorganisation', city: 'Köln', communities: [], languages: [], topics: [], districtIds: [] }}>
        <OrganisationInputs />
      </SimpleForm>
    </Create>
  );
}

export function OrganisationEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <OrganisationInputs />
      </SimpleForm>
    </Edit>
  );
}
