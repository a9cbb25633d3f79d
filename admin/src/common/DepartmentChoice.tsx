import { AutocompleteInput, CheckboxGroupInput, ReferenceArrayInput, ReferenceInput } from 'react-admin';

// Department pickers of the funding and study forms: every department, by name.

export function DepartmentCheckboxes({ source, label, isRequired }: { source: string; label: string; isRequired?: boolean }) {
  return (
    <ReferenceArrayInput source={source} reference="departments" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
      <CheckboxGroupInput label={label} optionText="name" row isRequired={isRequired} />
    </ReferenceArrayInput>
  );
}

export function DepartmentPicker({ source, label }: { source: string; label: string }) {
  return (
    <ReferenceInput source={source} reference="departments" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label={label} optionText="name" />
    </ReferenceInput>
  );
}
