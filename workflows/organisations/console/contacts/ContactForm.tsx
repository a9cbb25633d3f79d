import { AutocompleteInput, Create, Edit, ReferenceField, SimpleForm, TextInput, useRecordContext } from 'react-admin';
import { useChoices } from '../../../../admin/src/common/choices';
import { languageCodes } from '../../languages';

// A contact is added from its organisation's page and goes back there; its consents are recorded on that page.

const backToOrganisation = (_resource?: string, _id?: unknown, data?: Record<string, unknown>) => `organisations/${String(data?.organisationId)}/show`;

function ContactInputs() {
  const languages = useChoices('language', languageCodes);
  return (
    <>
      <TextInput source="name" isRequired fullWidth />
      <TextInput source="role" fullWidth />
      <TextInput source="email" type="email" />
      <TextInput source="phone" />
      <AutocompleteInput source="language" choices={languages} isRequired />
    </>
  );
}

function Organisation() {
  const record = useRecordContext<{ organisationId?: string }>();
  if (!record?.organisationId) return null;
  return <ReferenceField source="organisationId" reference="organisations" link="show" />;
}

export function ContactCreate() {
  return (
    <Create redirect={backToOrganisation}>
      <SimpleForm>
        <Organisation />
        <ContactInputs />
      </SimpleForm>
    </Create>
  );
}

export function ContactEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={backToOrganisation} transform={({ organisationId: _moved, ...rest }: Record<string, unknown>) => rest}>
      <SimpleForm>
        <Organisation />
        <ContactInputs />
      </SimpleForm>
    </Edit>
  );
}
