import { Alert, Box, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useTaskTitle } from '../common/stepName';
import { Link, Show, useGetIdentity, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { DueMark } from '../common/DueMark';
import { PersonName } from '../common/PersonName';
import { useProcedureTypeLabel } from '../common/procedureTypes';
import { Timeline } from '../procedures/Timeline';
import { taskFormFor } from '../modules';
import { NoteButton } from '../procedures/NoteButton';
import { NextTaskButton } from './NextTask';
import { ResubmissionNotice, ResubmitButton } from './Resubmission';
import { ClaimButton, ReassignButton, UnclaimButton } from './TaskActions';
import type { Task } from './taskApi';
import { TaskForm } from './TaskForm';

type Identity = { id: string; roles?: string[]; substituteFor?: string[] } | undefined;

/** Mirrors the API's completion right, so the form shows only where a submit can succeed. */
function mayComplete(task: Task, me: Identity): boolean {
  if (!me || (task.status !== 'open' && task.status !== 'claimed')) return false;
  if (task.excludedUserIds?.includes(me.id)) return false;
  const holder = task.claimedBy ?? task.assigneeId;
  if (holder) return holder === me.id || (me.substituteFor ?? []).includes(holder);
  return !!task.candidateRole && (me.roles ?? []).includes(task.candidateRole);
}

function GenericContext({ task }: { task: Task }) {
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {Object.entries(task.context ?? {}).map(([k, v]) => (
        <Box key={k}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {k}
          </Typography>
          <Typography component="dd" sx={{ ml: 0, whiteSpace: 'pre-wrap' }}>
            {typeof v === 'string' ? v : JSON.stringify(v)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function Facts({ task }: { task: Task }) {
  const translate = useTranslate();
  const typeLabel = useProcedureTypeLabel();
  const [locale] = useLocaleState();
  const rows: [string, React.ReactNode][] = [
    ['resources.tasks.fields.procedureTitle', <Link key="p" to={`/procedures/${encodeURIComponent(task.procedureId)}/show`}>{task.procedureTitle}</Link>],
    ['resources.tasks.fields.procedureType', typeLabel(task.procedureType)],
    ['resources.tasks.fields.status', translate(`app.task_status.${task.status}`)],
    ['resources.tasks.fields.dueAt', <DueMark key="d" dueAt={task.dueAt} status={task.status} />],
    ['resources.tasks.fields.priority', translate(`app.task.priority_${task.priority}`, { _: String(task.priority) })],
    ['app.task.holder', task.claimedBy || task.assigneeId ? <PersonName key="h" id={task.claimedBy ?? task.assigneeId} /> : translate('app.task.group', { role: translate(`app.role.${task.candidateRole ?? 'staff'}`) })],
  ];
  if (task.completedAt) rows.push(['resources.tasks.fields.completedAt', new Date(task.completedAt).toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE')]);
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
      {rows.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function TaskPage() {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  const titleOf = useTaskTitle();
  const { identity } = useGetIdentity();
  if (!task) return null;
  const definition = taskFormFor(task.formKind)?.definition;
  const Context = definition?.Context ?? GenericContext;
  const workable = mayComplete(task, identity as Identity);
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Stack spacing={2}>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h5" component="h1" gutterBottom>
                {titleOf(task)}
              </Typography>
              <Facts task={task} />
              <ResubmissionNotice task={task} />
              <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
                <ClaimButton task={task} />
                <UnclaimButton task={task} />
                <ReassignButton task={task} />
                <ResubmitButton task={task} workable={workable} />
                <Box sx={{ flexGrow: 1 }} />
                <NextTaskButton task={task} />
              </Stack>
            </CardContent>
          </Card>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('app.task.context')}
              </Typography>
              <Context task={task} />
            </CardContent>
          </Card>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('app.task.form')}
              </Typography>
              {workable ? (
                <TaskForm key={task.id} task={task} />
              ) : task.status === 'completed' ? (
                <>
                  <Alert severity="success">{translate('app.task.already_done')}</Alert>
                  <GenericContext task={{ ...task, context: task.result ?? {} }} />
                </>
              ) : (
                <Alert severity="info">
                  {task.excludedUserIds?.includes(String(identity?.id)) ? translate('app.task.four_eyes') : translate('app.task.not_yours')}
                </Alert>
              )}
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('app.task.earlier_steps')}
              </Typography>
              <NoteButton procedureId={task.procedureId} taskId={task.id} />
            </Stack>
            <Timeline procedureId={task.procedureId} dense live={task.status === 'open' || task.status === 'claimed'} />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

function TaskTitle() {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  const titleOf = useTaskTitle();
  return <span>{task ? `${translate('resources.tasks.name', { smart_count: 1 })}: ${titleOf(task)}` : ''}</span>;
}

export function TaskShow() {
  return (
    <Show actions={false} title={<TaskTitle />} component="div" sx={{ '& .RaShow-card': { minWidth: 0 } }}>
      <TaskPage />
    </Show>
  );
}
