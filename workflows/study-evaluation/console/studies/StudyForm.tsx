import { Create, Edit, NumberInput, SimpleForm, TextArrayInput, TextInput } from 'react-admin';

// Validation is the API's (studyCreate): its field errors come back next to the fields.

function StudyInputs() {
  return (
    <>
      <TextInput source="title" isRequired fullWidth />
      <TextInput source="authors" isRequired fullWidth />
      <TextInput source="publisher" fullWidth />
      <NumberInput source="year" isRequired />
      <TextInput source="link" fullWidth />
      <TextArrayInput source="topics" fullWidth />
    </>
  );
}

export function StudyCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ year: new Date().getFullYear(), topics: [] }}>
        <StudyInputs />
      </SimpleForm>
    </Create>
  );
}

export function StudyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <StudyInputs />
      </SimpleForm>
    </Edit>
  );
}
