import { Typography } from '@mui/material';
import { TextInput, useTranslate } from 'react-admin';
import { FeedbackNote } from '../../../admin/src/common/ChoiceInputs';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import type { Task } from '../../../admin/src/tasks/taskApi';
import type { ProgrammeComment } from '../forms';
import type { ProgrammeFigures as Figures } from '../sections';
import { ProgrammeFigures } from './ProgrammeFigures';

interface CommentContext {
  year?: number;
  figures?: Figures;
  feedback?: string | null;
  previous?: ProgrammeComment | null;
}

function Context({ task }: { task: Task }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as CommentContext;
  return (
    <>
      <Typography variant="subtitle1">{translate('app.programme.of_year', { year: c.year })}</Typography>
      <FeedbackNote feedback={c.feedback} label="app.programme.feedback" />
      <ProgrammeFigures figures={c.figures} />
    </>
  );
}

function Inputs() {
  return <TextInput source="summary" label="app.programme.summary" helperText="app.programme.summary_hint" multiline minRows={5} fullWidth isRequired />;
}

// A second round starts from what was sent back.
const defaults = (task: Task) => ({ summary: ((task.context as CommentContext | undefined)?.previous?.summary ?? '') });

export const taskForm: TaskFormDefinition = { Context, Inputs, defaults };
