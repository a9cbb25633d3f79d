import { Typography } from '@mui/material';
import { RadioButtonGroupInput, TextInput, useTranslate } from 'react-admin';
import { PersonName } from '../../common/PersonName';
import type { TaskFormDefinition } from './types';

function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as { title?: string; result?: string; workedOnBy?: string };
  return (
    <>
      <Typography variant="subtitle1">{c.title}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.forms.worked_on_by')}: <PersonName id={c.workedOnBy} />
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{c.result}</Typography>
    </>
  );
}

function Inputs() {
  const translate = useTranslate();
  return (
    <>
      <RadioButtonGroupInput
        source="decision"
        label="app.forms.decision"
        isRequired
        choices={[
          { id: 'approve', name: translate('app.forms.approve') },
          { id: 'reject', name: translate('app.forms.reject') },
        ]}
      />
      <TextInput source="comment" label="app.forms.comment" multiline minRows={3} fullWidth />
    </>
  );
}

export const taskForm: TaskFormDefinition = { kind: 'freigabe', Context, Inputs };
