import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, useCanAccess, useTranslate } from 'react-admin';
import type { StartFormDefinition } from '../../../admin/src/modules/types';

function Inputs() {
  const translate = useTranslate();
  // Naming a person needs the user list, which only managers and admins may read; otherwise the staff group gets it.
  const { canAccess } = useCanAccess({ resource: 'users', action: 'list' });
  return (
    <>
      <TextInput source="title" label="app.start.title" fullWidth isRequired />
      <TextInput source="description" label="app.start.description" multiline minRows={3} fullWidth />
      {canAccess && (
        <ReferenceInput source="assigneeId" reference="users" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput label="app.start.assignee" optionText="name" helperText="app.start.assignee_hint" />
        </ReferenceInput>
      )}
      <SelectInput
        source="priority"
        label="app.start.priority"
        choices={[1, 2, 3].map((p) => ({ id: p, name: translate(`app.task.priority_${p}`) }))}
      />
    </>
  );
}

export const startForm: StartFormDefinition = { Inputs };
