import { Typography } from '@mui/material';
import { TextInput, useTranslate } from 'react-admin';
import type { ComparisonRow } from '../shared';
import type { Task } from '../../../admin/src/tasks/taskApi';
import { FeedbackNote } from '../../../admin/src/common/ChoiceInputs';
import { ComparisonTable, indicatorsOf } from './ComparisonTable';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

const rowsOf = (task: Task) => ((task.context as { comparison?: ComparisonRow[] } | undefined)?.comparison ?? []);

function Context({ task }: { task: Task }) {
  const c = (task.context ?? {}) as { label?: string; feedback?: string | null };
  return (
    <>
      <Typography variant="subtitle1">{c.label}</Typography>
      <FeedbackNote feedback={c.feedback} label="app.monitoring.feedback" />
      <ComparisonTable rows={rowsOf(task)} />
    </>
  );
}

function Inputs({ task }: { task: Task }) {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="summary" label="app.monitoring.summary" multiline minRows={4} fullWidth isRequired />
      {indicatorsOf(rowsOf(task)).map((i) => (
        <TextInput key={i.key} source={`comments.${i.key}`} label={translate('app.monitoring.indicator_comment', { name: i.name })} multiline fullWidth />
      ))}
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
