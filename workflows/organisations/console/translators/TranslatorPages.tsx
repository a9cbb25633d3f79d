import { AutocompleteArrayInput, BooleanField, BooleanInput, Create, DataTable, Edit, List, SearchInput, SimpleForm, TextInput, AutocompleteInput, NullableBooleanInput } from 'react-admin';
import { useChoices } from '../../../../admin/src/common/choices';
import { EmptyState } from '../../../../admin/src/common/EmptyState';
import { languageCodes } from '../../languages';
import { LanguageNames } from '../organisations/OrganisationList';

export function TranslatorList() {
  const languages = useChoices('language', languageCodes);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <AutocompleteInput key="language" source="language" alwaysOn choices={languages} />,
    <NullableBooleanInput key="active" source="active" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false} empty={<EmptyState message="app.empty.translators" actionLabel="app.empty.create_translator" />}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="languages" disableSort>
          <LanguageNames />
        </DataTable.Col>
        <DataTable.Col source="email" />
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

function TranslatorInputs() {
  const languages = useChoices('language', languageCodes.filter((c) => c !== 'de'));
  return (
    <>
      <TextInput source="name" isRequired fullWidth />
      <TextInput source="email" type="email" isRequired />
      <TextInput source="phone" />
      <AutocompleteArrayInput source="languages" choices={languages} isRequired fullWidth />
      <TextInput source="note" multiline fullWidth />
      <BooleanInput source="active" />
    </>
  );
}

export function TranslatorCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ languages: [], active: true }}>
        <TranslatorInputs />
      </SimpleForm>
    </Create>
  );
}

export function TranslatorEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <TranslatorInputs />
      </SimpleForm>
    </Edit>
  );
}
