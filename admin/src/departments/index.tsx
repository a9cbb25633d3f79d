import ApartmentIcon from '@mui/icons-material/Apartment';
import { Create, DataTable, Edit, List, SearchInput, SimpleForm, TextInput } from 'react-admin';

// Validation is the API's (departmentInput): its field errors come back next to the fields.

function DepartmentList() {
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="contactEmail" />
        <DataTable.Col source="headName" />
        <DataTable.Col source="headEmail" />
      </DataTable>
    </List>
  );
}

function DepartmentInputs() {
  return (
    <>
      <TextInput source="code" isRequired />
      <TextInput source="name" isRequired fullWidth />
      <TextInput source="contactEmail" type="email" isRequired fullWidth />
      <TextInput source="headName" fullWidth />
      <TextInput source="headEmail" type="email" isRequired fullWidth />
    </>
  );
}

function DepartmentEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <DepartmentInputs />
      </SimpleForm>
    </Edit>
  );
}

function DepartmentCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <DepartmentInputs />
      </SimpleForm>
    </Create>
  );
}

export default { list: DepartmentList, edit: DepartmentEdit, create: DepartmentCreate, icon: ApartmentIcon, recordRepresentation: 'name' };
