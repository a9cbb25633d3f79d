import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/DueMark';
import { apiFetch } from '../dataProvider/http';

export interface RequestView {
  requestId: string;
  departmentName: string;
  status: string;
  channel: string | null;
  answerText: string | null;
  answerData: Record<string, unknown> | null;
  answeredAt: string | null;
  deadlineAt: string;
  attachments: { id: string; filename: string; size: number; url: string }[];
}

function AnswerFields({ data }: { data: Record<string, unknown> | null }) {
  const entries = Object.entries(data ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (entries.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
      {entries.map(([k, v]) => (
        <li key={k}>
          {k}: {typeof v === 'object' ? JSON.stringify(v) : String(v)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The departments' requests of a procedure (its child consultation's included) as they stand
 * now, polled while `live`: an answer that came after a task was made shows here too, with its files.
 */
export function DepartmentRequests({ procedureId, live }: { procedureId: string; live?: boolean }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useQuery({
    queryKey: ['procedure-requests', procedureId],
    queryFn: async () => (await apiFetch(`/api/procedures/${encodeURIComponent(procedureId)}/requests`)).json as RequestView[],
    refetchInterval: live ? 5000 : false,
  });
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data) return <Typography>{translate('ra.page.loading')}</Typography>;
  if (data.length === 0) return <Typography>{translate('app.relations.none')}</Typography>;
  return (
    <Table size="small" aria-label={translate('app.relations.requests')} sx={{ '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.forms.department')}</TableCell>
          <TableCell>{translate('app.forms.answer_status')}</TableCell>
          <TableCell>{translate('app.forms.answer')}</TableCell>
          <TableCell>{translate('app.relations.deadline')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((r) => (
          <TableRow key={r.requestId} data-testid="request-row" data-status={r.status}>
            <TableCell>{r.departmentName}</TableCell>
            <TableCell>
              {translate(`app.request_status.${r.status}`, { _: r.status })}
              {r.channel ? ` (${translate(`app.channel.${r.channel}`, { _: r.channel })})` : ''}
              {r.answeredAt ? <div>{formatDateTime(r.answeredAt, locale)}</div> : null}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {r.answerText}
              <AnswerFields data={r.answerData} />
              {r.attachments.map((a) => (
                <div key={a.id}>
                  <MuiLink href={a.url} download={a.filename} data-testid="attachment-link">
                    {translate('app.relations.attachment', { name: a.filename })}
                  </MuiLink>
                </div>
              ))}
            </TableCell>
            <TableCell>{formatDateTime(r.deadlineAt, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
