import { Box, Chip, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/DueMark';
import { apiFetch } from '../dataProvider/http';
import { AnswerValues, type AnswerFieldName } from '../common/AnswerValues';

export interface RequestView {
  requestId: string;
  consultationId: string;
  departmentId: string;
  departmentName: string;
  status: string;
  channel: string | null;
  answerText: string | null;
  answerData: Record<string, unknown> | null;
  answerFields: AnswerFieldName[];
  answeredAt: string | null;
  sentAt: string;
  deadlineAt: string;
  remindedAt: string | null;
  escalatedAt: string | null;
  attachments: { id: string; filename: string; size: number; url: string }[];
}

/**
 * The departments' requests of a procedure (its child consultation's included) as they stand
 * now, polled while `live`: an answer that came after a task was made shows here too, with its files.
 */
export function DepartmentRequests({ procedureId, live, title }: { procedureId: string; live?: boolean; title?: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useQuery({
    queryKey: ['procedure-requests', procedureId],
    queryFn: async () => (await apiFetch(`/api/procedures/${encodeURIComponent(procedureId)}/requests`)).json as RequestView[],
    refetchInterval: live ? 5000 : false,
  });
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data) return <Typography>{translate('ra.page.loading')}</Typography>;
  if (data.length === 0) return title ? null : <Typography>{translate('app.relations.none')}</Typography>;
  const when = (at: string | null) => formatDateTime(at, locale);
  return (
    <Box sx={{ overflowX: 'auto' }} component={title ? 'section' : 'div'} aria-labelledby={title ? `requests-${procedureId}` : undefined}>
      {title && (
        <Typography variant="h6" component="h2" id={`requests-${procedureId}`} gutterBottom>
          {title}
        </Typography>
      )}
      <Table size="small" aria-label={translate('app.relations.requests')} sx={{ '& td': { verticalAlign: 'top' } }} data-testid="request-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.forms.department')}</TableCell>
            <TableCell>{translate('app.relations.course')}</TableCell>
            <TableCell>{translate('app.forms.answer_status')}</TableCell>
            <TableCell>{translate('app.relations.deadline')}</TableCell>
            <TableCell>{translate('app.forms.answer')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((r) => {
            const late = r.status === 'pending' && new Date(r.deadlineAt).getTime() < Date.now();
            return (
              <TableRow key={r.requestId} data-testid="request-row" data-status={r.status} data-department={r.departmentName}>
                <TableCell>{r.departmentName}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <div>{translate('app.relations.sent_at', { at: when(r.sentAt) })}</div>
                  {r.remindedAt && <div>{translate('app.relations.reminded_at', { at: when(r.remindedAt) })}</div>}
                  {r.escalatedAt && <div>{translate('app.relations.escalated_at', { at: when(r.escalatedAt) })}</div>}
                </TableCell>
                <TableCell>
                  {r.status === 'answered' && r.answeredAt ? (
                    translate('app.relations.answered_on', {
                      at: when(r.answeredAt),
                      channel: translate(`app.channel.${r.channel ?? 'page'}`),
                    })
                  ) : (
                    <>
                      {translate(`app.request_status.${r.status}`, { _: r.status })}
                      {r.answeredAt ? <div>{translate('app.relations.late_answer', { at: when(r.answeredAt) })}</div> : null}
                    </>
                  )}
                  {late && <Chip size="small" color="error" label={translate('app.task.overdue')} sx={{ ml: 1 }} data-urgency="overdue" />}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(r.deadlineAt)}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: '12em' }}>
                  {r.answerText}
                  <AnswerValues data={r.answerData} fields={r.answerFields} />
                  {r.attachments.map((a) => (
                    <div key={a.id}>
                      <MuiLink href={a.url} download={a.filename} data-testid="attachment-link">
                        {translate('app.relations.attachment', { name: a.filename })}
                      </MuiLink>
                    </div>
                  ))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
