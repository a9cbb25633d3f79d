import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  ReferenceInput,
  SaveButton,
  useCanAccess,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { taskApi, type Task } from './taskApi';

function useTaskAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>, success: string) {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      notify(success, { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['task-count'] });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

const isOpen = (task: Task) => task.status === 'open' || task.status === 'claimed';

type Identity = { id: string; roles?: string[] } | undefined;

/** Whether a group task waits for this person to take it: not theirs yet, and theirs to take. */
export function mayClaim(task: Task, me: Identity): boolean {
  if (!me || !isOpen(task) || task.claimedBy || task.assigneeId) return false;
  if (task.excludedUserIds?.includes(me.id)) return false;
  return !!task.candidateRole && (me.roles ?? []).includes(task.candidateRole);
}

/** Takes a group task into one's own inbox and opens it: who takes a task means to work on it. */
export function ClaimButton({ task: given }: { task?: Task }) {
  const record = useRecordContext<Task>();
  const task = given ?? record;
  const { identity } = useGetIdentity();
  const redirect = useRedirect();
  const { busy, run } = useTaskAction();
  if (!task || !mayClaim(task, identity as Identity)) return null;
  return (
    <Button
      label="app.task.claim"
      disabled={busy}
      onClick={(e) => {
        e.stopPropagation();
        void run(async () => {
          await taskApi.claim(task.id);
          redirect(`/tasks/${encodeURIComponent(task.id)}/show`);
        }, 'app.task.claimed');
      }}
    />
  );
}

/** Gives a claimed task back to its group. */
export function UnclaimButton({ task }: { task: Task }) {
  const { identity } = useGetIdentity();
  const { busy, run } = useTaskAction();
  if (!isOpen(task) || !task.claimedBy || task.claimedBy !== identity?.id) return null;
  return <Button label="app.task.unclaim" disabled={busy} onClick={() => void run(() => taskApi.unclaim(task.id), 'app.task.unclaimed')} />;
}

/**
 * Hands the task to another person. Only managers and admins can list people (the API's
 * rule), so only they get the picker.
 */
export function ReassignButton({ task }: { task: Task }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'users', action: 'list' });
  const { busy, run } = useTaskAction();
  if (!isOpen(task) || !canAccess) return null;
  return (
    <>
      <Button label="app.task.reassign" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="reassign-title" fullWidth maxWidth="sm">
        <Form
          onSubmit={async (values: Record<string, unknown>) => {
            await run(() => taskApi.reassign(task.id, String(values.userId)), 'app.task.reassigned');
            setOpen(false);
          }}
        >
          <DialogTitle id="reassign-title">{translate('app.task.reassign_title')}</DialogTitle>
          <DialogContent>
            <ReferenceInput source="userId" reference="users" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput label="app.task.reassign_to" optionText="name" isRequired />
            </ReferenceInput>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton label="app.task.reassign" disabled={busy} alwaysEnable={false} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
