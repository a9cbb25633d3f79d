import AssignmentIcon from '@mui/icons-material/Assignment';
import FlagIcon from '@mui/icons-material/Flag';
import HistoryIcon from '@mui/icons-material/History';
import MailIcon from '@mui/icons-material/Mail';
import StickyNote2Icon from '@mui/icons-material/StickyNote2';
import { Box, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/DueMark';
import { useKindLabel } from '../audit/AuditEntry';
import { PersonName } from '../common/PersonName';
import { useStepName } from '../common/stepName';
import { procedureApi, type HistoryEntry } from './procedureApi';

const icons = { step: FlagIcon, task: AssignmentIcon, mail: MailIcon, audit: HistoryIcon, note: StickyNote2Icon };

/** Polled while `live` (the procedure runs), so new steps, mails and answers appear by themselves. */
export function useHistory(procedureId: string | undefined, live = true) {
  return useQuery({
    queryKey: ['procedure-history', procedureId],
    queryFn: () => procedureApi.history(procedureId as string),
    enabled: !!procedureId,
    refetchInterval: live ? 5000 : false,
  });
}

function Detail({ entry }: { entry: HistoryEntry }) {
  const translate = useTranslate();
  const d = entry.detail ?? {};
  if (entry.source === 'task') {
    return (
      <>
        {translate(`app.task_status.${String(d.status)}`, { _: String(d.status) })}
        {d.completedBy ? (
          <>
            {' · '}
            {translate('app.timeline.completed_by')} <PersonName id={d.completedBy as string} dative />
          </>
        ) : null}
        {' · '}
        <Link to={`/tasks/${String(d.taskId)}/show`}>{translate('app.timeline.open_task')}</Link>
      </>
    );
  }
  if (entry.source === 'mail') {
    return (
      <>
        {translate('app.timeline.mail_to')} {(d.to as string[] | undefined)?.join(', ')} ·{' '}
        {translate(`app.mail_status.${String(d.status)}`, { _: String(d.status) })}
      </>
    );
  }
  if (entry.source === 'note') {
    const files = (d.files as { id: string; filename: string; url: string }[] | undefined) ?? [];
    return (
      <>
        {translate('app.note.by')} {String(d.authorName ?? '')}
        {d.taskId ? (
          <>
            {' · '}
            {translate('app.note.on_task')} <Link to={`/tasks/${String(d.taskId)}/show`}>{String(d.taskTitle ?? '')}</Link>
          </>
        ) : null}
        {files.map((f) => (
          <Box component="span" key={f.id} sx={{ display: 'block' }}>
            <a href={f.url} download={f.filename} aria-label={translate('app.note.file', { name: f.filename })}>
              {f.filename}
            </a>
          </Box>
        ))}
      </>
    );
  }
  if (entry.source === 'audit') {
    return (
      <>
        {d.actorId ? <PersonName id={d.actorId as string} /> : translate('app.audit.system')}
        {d.onBehalfOfId ? (
          <>
            {' '}
            {/* "in Vertretung für Sie": für takes the accusative. */}
            {translate('app.audit.on_behalf_of')} <PersonName id={d.onBehalfOfId as string} />
          </>
        ) : null}
        {d.reason && entry.kind !== 'request.answer_rejected' ? ` · ${String(d.reason)}` : ''}
        {d.outcome ? ` · ${String(d.outcome)}` : ''}
      </>
    );
  }
  return <>{translate(`app.timeline.kind.${entry.kind.replace(/\./g, '_')}`, { _: entry.kind })}</>;
}

/** The procedure as it happened: steps, tasks, mails, answers and Vermerke, oldest first. */
export function Timeline({
  procedureId,
  sources = ['step', 'task', 'mail', 'note'],
  dense,
  live,
}: {
  procedureId: string;
  sources?: HistoryEntry['source'][];
  dense?: boolean;
  live?: boolean;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kindLabel = useKindLabel();
  const stepName = useStepName();
  const { data, isPending, error } = useHistory(procedureId, live);
  if (isPending) return <Typography>{translate('ra.page.loading')}</Typography>;
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  const entries = data.filter((e) => sources.includes(e.source));
  if (entries.length === 0) return <Typography>{translate('app.timeline.empty')}</Typography>;
  return (
    <List dense={dense} aria-label={translate('app.timeline.title')} data-testid="timeline">
      {entries.map((entry, i) => {
        const Icon = icons[entry.source];
        const label = entry.source === 'audit' ? kindLabel(entry.kind) : entry.step ? stepName(entry.step.type, entry.step.key, entry.label) : entry.label;
        return (
          <ListItem key={`${entry.source}-${i}`} alignItems="flex-start" data-kind={entry.kind} data-source={entry.source} data-procedure={entry.procedureId} disableGutters>
            <ListItemIcon sx={{ minWidth: 36 }}>
              <Icon fontSize="small" titleAccess={translate(`app.timeline.source.${entry.source}`)} />
            </ListItemIcon>
            <ListItemText
              primary={
                <Box component="span" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                  <Box component="span" sx={{ color: 'text.secondary', minWidth: '10em' }}>
                    {formatDateTime(entry.at, locale)}
                  </Box>
                  <Box component="strong" sx={entry.source === 'note' ? { whiteSpace: 'pre-wrap', fontWeight: 'normal', overflowWrap: 'anywhere' } : undefined}>
                    {label}
                  </Box>
                </Box>
              }
              secondary={<Detail entry={entry} />}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
