import ApartmentIcon from '@mui/icons-material/Apartment';
import { Typography } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import { Create, DataTable, Edit, List, SearchInput, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { deriveNameForms, grammaticalGenders, type NameForms } from '../../../grammar/german';
import { answeredLabel, noAnswerLabel, requestSentLabel } from '../../../workflows/engine/consultation/texts';
import { EmptyState } from '../common/EmptyState';

// Validation is the API's (departmentInput): its field errors come back next to the fields.

function DepartmentList() {
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.departments" actionLabel="app.empty.create_department" />}
    >
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

const FORM_FIELDS = ['grammaticalGender', 'nameAccusative', 'nameDative', 'nameGenitive'] as const;

/** The name's forms proposed while it is typed; each can be corrected by hand afterwards. */
function NameInput() {
  const { setValue } = useFormContext();
  return (
    <TextInput
      source="name"
      isRequired
      fullWidth
      onChange={(event: { target: { value: string } }) => {
        const forms = deriveNameForms(event.target.value);
        for (const field of FORM_FIELDS) setValue(field, forms[field], { shouldDirty: true });
      }}
    />
  );
}

/** How the consultation's history will name the department with the forms as they stand in the form (its own texts). */
function FormsPreview() {
  const translate = useTranslate();
  const values = useWatch() as Partial<NameForms>;
  if (!values.name || !values.grammaticalGender || !values.nameAccusative || !values.nameDative || !values.nameGenitive) return null;
  const forms = values as NameForms;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="department-forms-preview">
      {translate('app.department.preview', {
        request: requestSentLabel(forms),
        none: noAnswerLabel(forms),
        answer: answeredLabel(forms, 'mail', false),
      })}
    </Typography>
  );
}

function DepartmentInputs() {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="code" isRequired />
      <NameInput />
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.department.forms_hint')}
      </Typography>
      <SelectInput
        source="grammaticalGender"
        choices={grammaticalGenders.map((g) => ({ id: g, name: translate(`app.department.gender.${g}`) }))}
      />
      <TextInput source="nameAccusative" fullWidth helperText="app.department.accusative_hint" />
      <TextInput source="nameDative" fullWidth helperText="app.department.dative_hint" />
      <TextInput source="nameGenitive" fullWidth helperText="app.department.genitive_hint" />
      <FormsPreview />
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
