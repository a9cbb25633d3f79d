import { Alert, Typography } from '@mui/material';
import { TextInput, useTranslate } from 'react-admin';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as { title?: string; description?: string | null; feedback?: string | null };
  return (
    <>
      <Typography variant="subtitle1">{c.title}</Typography>
      {c.description && <Typography sx={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography>}
      {c.feedback && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.forms.feedback')}: {c.feedback}
        </Alert>
      )}
    </>
  );
}

export const taskForm: TaskFormDefinition = {
  Context,
  Inputs: () => <TextInput source="result" label="app.forms.result" multiline minRows={4} fullWidth isRequired />,
};
