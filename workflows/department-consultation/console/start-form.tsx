import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  NumberInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import type { StartFormDefinition } from '../../../admin/src/modules/types';

function Inputs() {
  return (
    <>
      <TextInput source="subject" label="app.start.subject" fullWidth isRequired />
      <TextInput source="question" label="app.start.question" multiline minRows={4} fullWidth isRequired />
      <ReferenceArrayInput source="departmentIds" reference="departments" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
        <CheckboxGroupInput label="app.start.departments" optionText="name" isRequired row />
      </ReferenceArrayInput>
      <TextInput source="deadline" label="app.start.deadline" helperText="app.start.deadline_hint" />
      <ArrayInput source="answerForm" label="app.start.answer_form">
        <SimpleFormIterator inline>
          <TextInput source="key" label="app.start.field_key" helperText={false} />
          <TextInput source="label" label="app.start.field_label" helperText={false} />
          <SelectInput
            source="type"
            label="app.start.field_type"
            helperText={false}
            choices={[
              { id: 'text', name: 'app.start.field_text' },
              { id: 'number', name: 'app.start.field_number' },
            ]}
          />
          <BooleanInput source="required" label="app.start.field_required" helperText={false} />
          <TextInput source="unit" label="app.start.field_unit" helperText={false} />
          <NumberInput source="min" label="app.start.field_min" helperText={false} />
          <NumberInput source="max" label="app.start.field_max" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}

export const startForm: StartFormDefinition = { Inputs };
