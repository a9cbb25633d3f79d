import PeopleIcon from '@mui/icons-material/People';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  DataTable,
  Edit,
  List,
  PasswordInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';

function RolesField() {
  const translate = useTranslate();
  const record = useRecordContext<{ roles: string[] }>();
  return <span>{record?.roles.map((r) => translate(`app.role.${r}`)).join(', ')}</span>;
}

function UserList() {
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="absent" source="absent" />]}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.users" actionLabel="app.empty.create_user" />}
    >
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="email" />
        <DataTable.Col source="roles" disableSort>
          <RolesField />
        </DataTable.Col>
        <DataTable.Col source="departmentId" disableSort>
          <ReferenceField source="departmentId" reference="departments" link={false} />
        </DataTable.Col>
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="absent">
          <BooleanField source="absent" />
        </DataTable.Col>
        <DataTable.Col source="substituteId" disableSort>
          <ReferenceField source="substituteId" reference="users" link={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

function UserInputs({ create }: { create?: boolean }) {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="name" isRequired fullWidth />
      <TextInput source="email" type="email" isRequired fullWidth />
      <CheckboxGroupInput source="roles" isRequired choices={['staff', 'manager', 'admin'].map((r) => ({ id: r, name: translate(`app.role.${r}`) }))} />
      <ReferenceInput source="departmentId" reference="departments" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <BooleanInput source="active" />
      <BooleanInput source="absent" helperText="app.user.absent_hint" />
      <ReferenceInput source="substituteId" reference="users" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" helperText="app.user.substitute_hint" />
      </ReferenceInput>
      <SelectInput
        source="taskMail"
        choices={['each', 'digest'].map((c) => ({ id: c, name: translate(`app.task_mail.${c}`) }))}
        helperText="app.preferences.task_mail_hint"
      />
      <PasswordInput source="password" isRequired={create} helperText={create ? 'app.user.password_hint' : 'app.user.password_keep'} />
    </>
  );
}

function UserEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
}

function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ roles: ['staff'], active: true, absent: false, taskMail: 'each' }}>
        <UserInputs create />
      </SimpleForm>
    </Create>
  );
}

export default { list: UserList, edit: UserEdit, create: UserCreate, icon: PeopleIcon, recordRepresentation: 'name' };
