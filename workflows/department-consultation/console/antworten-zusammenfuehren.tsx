import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { TextInput, useLocaleState, useTranslate } from 'react-admin';
import type { RequestOutcome } from '../../engine/consultation/contract';
import { formatDateTime } from '../../../admin/src/common/DueMark';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import { AnswerValues, type AnswerFieldName } from '../../../admin/src/common/AnswerValues';

/** The departments' answers side by side: what the consolidation is made from. */
function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const c = (task.context ?? {}) as { subject?: string; question?: string; answerForm?: AnswerFieldName[]; outcomes?: RequestOutcome[] };
  return (
    <>
      <Typography variant="subtitle1">{c.subject}</Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{c.question}</Typography>
      <Table size="small" aria-label={translate('app.forms.answers')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.forms.department')}</TableCell>
            <TableCell>{translate('app.forms.answer_status')}</TableCell>
            <TableCell>{translate('app.forms.answer')}</TableCell>
            <TableCell>{translate('app.forms.answered_at')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(c.outcomes ?? []).map((o) => (
            <TableRow key={o.requestId} data-testid="department-answer">
              <TableCell>{o.departmentName}</TableCell>
              <TableCell>
                {translate(`app.request_status.${o.status}`, { _: o.status })}
                {o.channel ? ` (${translate(`app.channel.${o.channel}`, { _: o.channel })})` : ''}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>
                {o.answerText}
                <AnswerValues data={o.answerData} fields={c.answerForm ?? []} />
                {o.attachments.length > 0 && (
                  <Typography variant="body2" color="text.secondary">
                    {translate('app.forms.attachments')}: {o.attachments.map((a) => a.filename).join(', ')}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{formatDateTime(o.answeredAt, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function Inputs() {
  return (
    <>
      <TextInput source="summary" label="app.forms.summary" multiline minRows={4} fullWidth isRequired />
      <TextInput source="followUp" label="app.forms.follow_up" multiline minRows={2} fullWidth />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
