import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { useTaskTitle } from '../common/stepName';
import { Alert, Button as MuiButton, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, DateInput, Form, SaveButton, TextInput, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/DueMark';
import { useFormSubmit } from '../common/formSubmit';
import { taskApi, type Task } from './taskApi';

// Wiedervorlage in the console: the button on the task page, the note there while it lies aside,
// and the mark in the inboxes ("Wiedervorlage: <Grund>") once it is back.

type Resubmittable = Pick<Task, 'resubmitAt' | 'resubmitReason' | 'status'>;

/** A day set as a day (back at midnight) reads as a day; a moment with its time. */
function resubmissionDate(value: string, locale: string): string {
  const at = new Date(value);
  const tag = locale === 'en' ? 'en-GB' : 'de-DE';
  const midnight = at.toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }) === '00:00';
  return midnight ? at.toLocaleDateString(tag, { timeZone: 'Europe/Berlin', dateStyle: 'medium' }) : formatDateTime(at, locale);
}

const isWaiting = (task: Resubmittable, now = Date.now()) => !!task.resubmitAt && new Date(task.resubmitAt).getTime() > now;
const isOpen = (task: Resubmittable) => task.status === 'open' || task.status === 'claimed';

/** The mark in a list: "Wiedervorlage am 14.12.2026: …" while aside, "Wiedervorlage: …" once back. */
export function ResubmissionMark({ task: given }: { task?: Resubmittable }) {
  const record = useRecordContext<Task>();
  const task = given ?? record;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!task?.resubmitAt || !isOpen(task)) return null;
  const reason = task.resubmitReason ?? '';
  const waiting = isWaiting(task);
  const label = waiting
    ? translate('app.resubmission.waiting', { date: resubmissionDate(task.resubmitAt, locale), reason })
    : translate('app.resubmission.returned', { reason });
  // Outlined, in the text's own colour: readable on every row, and said in words, not by colour.
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<EventRepeatIcon />}
      label={label}
      data-testid="resubmission-mark"
      data-waiting={waiting}
      sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
    />
  );
}

/** The task's title in a list, with its Wiedervorlage beneath. */
export function TitleWithResubmission() {
  const task = useRecordContext<Task>();
  const titleOf = useTaskTitle();
  if (!task) return null;
  return (
    <span>
      {titleOf(task)}
      {task.resubmitAt && isOpen(task) && (
        <span style={{ display: 'block', marginTop: 4 }}>
          <ResubmissionMark task={task} />
        </span>
      )}
    </span>
  );
}

function useAfter() {
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return async (message: string, args?: Record<string, unknown>) => {
    notify(message, { type: 'success', messageArgs: args });
    await queryClient.invalidateQueries({ queryKey: ['task-count'] });
    refresh();
  };
}

/** On the task page while it lies aside: since when it is back, why, and a way to take it back now. */
export function ResubmissionNotice({ task }: { task: Task }) {
  const translate = useTranslate();
  const notify = useNotify();
  const after = useAfter();
  const [busy, setBusy] = useState(false);
  if (!task.resubmitAt || !isOpen(task)) return null;
  const waiting = isWaiting(task);
  return (
    <Alert
      severity="info"
      icon={<EventRepeatIcon />}
      sx={{ mt: 1 }}
      data-testid="resubmission-notice"
      action={
        waiting ? (
          <MuiButton
            color="inherit"
            size="small"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              taskApi
                .cancelResubmission(task.id)
                .then(() => after('app.resubmission.cancelled'))
                .catch((err: unknown) => notify((err as Error).message, { type: 'error' }))
                .finally(() => setBusy(false));
            }}
          >
            {translate('app.resubmission.cancel')}
          </MuiButton>
        ) : undefined
      }
    >
      <ResubmissionText task={task} />
    </Alert>
  );
}

function ResubmissionText({ task }: { task: Task }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const reason = task.resubmitReason ?? '';
  return (
    <>
      {isWaiting(task)
        ? translate('app.resubmission.waiting', { date: resubmissionDate(task.resubmitAt ?? '', locale), reason })
        : translate('app.resubmission.returned', { reason })}
    </>
  );
}

/** "Wiedervorlage": a day and a reason; for whoever may work on the task. */
export function ResubmitButton({ task, workable }: { task: Task; workable: boolean }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const submit = useFormSubmit();
  const after = useAfter();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const introId = useId();
  if (!workable || !isOpen(task)) return null;
  return (
    <>
      <Button label="app.resubmission.button" onClick={() => setOpen(true)} data-testid="resubmit">
        <EventRepeatIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} aria-describedby={introId} fullWidth maxWidth="sm">
        <Form
          onSubmit={(values: Record<string, unknown>) =>
            submit(async () => {
              const saved = await taskApi.resubmit(task.id, String(values.resubmitAt ?? ''), String(values.reason ?? ''));
              setOpen(false);
              await after('app.resubmission.saved', { date: resubmissionDate(saved.resubmitAt ?? '', locale) });
            })
          }
        >
          <DialogTitle id={titleId}>{translate('app.resubmission.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText id={introId} sx={{ mb: 2 }}>
              {translate('app.resubmission.intro')}
            </DialogContentText>
            <DateInput source="resubmitAt" label="app.resubmission.date" isRequired fullWidth />
            <TextInput source="reason" label="app.resubmission.reason" helperText="app.resubmission.reason_hint" isRequired fullWidth />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton label="app.resubmission.save" alwaysEnable icon={<EventRepeatIcon />} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
