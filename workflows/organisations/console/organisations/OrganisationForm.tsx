import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { AutocompleteArrayInput, BooleanInput, Create, Edit, SelectArrayInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { useChoices } from '../../../../admin/src/common/choices';
import { DistrictInput } from '../../../measure-coordination/console/DistrictInput';
import { languageCodes } from '../../languages';
import { organisationKinds, organisationTopics } from '../../vocabulary';

// Validation is the API's (inputs.ts, organisationInput): its field errors come back next to the fields.

/** Words of the office's own (a community's name): typed and kept as chips, no list to choose from. */
function FreeWordsInput({ source }: { source: string }) {
  const value = (useWatch({ name: source }) as string[] | undefined) ?? [];
  const [typed, setTyped] = useState<string[]>([]);
  const choices = [...new Set([...value, ...typed])].map((word) => ({ id: word, name: word }));
  return (
    <AutocompleteArrayInput
      source={source}
      choices={choices}
      fullWidth
      onCreate={(text?: string) => {
        const word = text?.trim();
        if (!word) return undefined;
        setTyped((t) => [...t, word]);
        return { id: word, name: word };
      }}
    />
  );
}

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
