import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ComparisonRow, } from '../shared';
import type { MonitoringComment } from '../forms';
import { FactList } from '../../../admin/src/common/FactList';
import { PersonName } from '../../../admin/src/common/PersonName';
import { ComparisonTable, indicatorsOf } from './ComparisonTable';
import { ApprovalInputs } from '../../../admin/src/common/ApprovalInputs';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

interface ApprovalContext {
  label?: string;
  comparison?: ComparisonRow[];
  comment?: MonitoringComment;
  commentedBy?: string;
}

/** The report to approve: the numbers, the office's reading and its comment per indicator. */
function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as ApprovalContext;
  const rows = c.comparison ?? [];
  return (
    <>
      <Typography variant="subtitle1">{c.label}</Typography>
      <FactList
        rows={[
          ['app.monitoring.summary', c.comment?.summary],
          ...indicatorsOf(rows).map((i): [string, string | undefined] => [translate('app.monitoring.indicator_comment', { name: i.name }), c.comment?.comments[i.key]]),
          ['app.monitoring.commented_by', <PersonName key="p" id={c.commentedBy} dative />],
        ]}
      />
      <ComparisonTable rows={rows} />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs: ApprovalInputs };
