import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ApprovalInputs } from '../../../admin/src/common/ApprovalInputs';
import { PersonName } from '../../../admin/src/common/PersonName';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as { title?: string; result?: string; workedOnBy?: string };
  return (
    <>
      <Typography variant="subtitle1">{c.title}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.forms.worked_on_by')}: <PersonName id={c.workedOnBy} dative />
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{c.result}</Typography>
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs: ApprovalInputs };
