import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ApprovalInputs } from '../../../admin/src/common/ApprovalInputs';
import { FactList } from '../../../admin/src/common/FactList';
import { PersonName } from '../../../admin/src/common/PersonName';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import type { Task } from '../../../admin/src/tasks/taskApi';
import type { ProgrammeComment } from '../forms';
import type { ProgrammeFigures as Figures } from '../sections';
import { ProgrammeFigures } from './ProgrammeFigures';

interface ApprovalContext {
  year?: number;
  figures?: Figures;
  comment?: ProgrammeComment;
  commentedBy?: string;
}

/** The report to approve: the office's assessment and the figures it will print. */
function Context({ task }: { task: Task }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as ApprovalContext;
  return (
    <>
      <Typography variant="subtitle1">{translate('app.programme.of_year', { year: c.year })}</Typography>
      <FactList
        rows={[
          ['app.programme.summary', c.comment?.summary],
          ['app.programme.commented_by', <PersonName key="p" id={c.commentedBy} dative />],
        ]}
      />
      <ProgrammeFigures figures={c.figures} />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs: ApprovalInputs };
