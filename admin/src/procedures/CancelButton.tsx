import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, TextInput, useCanAccess, useNotify, useRefresh, useTranslate } from 'react-admin';
import { SubmitButton } from '../common/SubmitButton';
import { useFormSubmit } from '../common/formSubmit';
import { procedureApi, type Procedure } from './procedureApi';

/** Managers end a running procedure, saying why; the reason goes into its history and audit. */
export function CancelButton({ procedure }: { procedure: Procedure }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const submit = useFormSubmit();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'procedures', action: 'cancel' });
  if (!canAccess || procedure.status !== 'running') return null;
  return (
    <>
      <Button label="app.procedure.cancel" color="error" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="cancel-title" fullWidth maxWidth="sm">
        <Form
          onSubmit={(values: Record<string, unknown>) =>
            submit(async () => {
              await procedureApi.cancel(procedure.id, String(values.reason ?? ''));
              setOpen(false);
              notify('app.procedure.cancelled', { type: 'success' });
              await queryClient.invalidateQueries({ queryKey: ['procedure-history', procedure.id] });
              refresh();
            })
          }
        >
          <DialogTitle id="cancel-title">{translate('app.procedure.cancel_title')}</DialogTitle>
          <DialogContent>
            <TextInput source="reason" label="app.procedure.cancel_reason" multiline minRows={3} fullWidth isRequired />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SubmitButton label="app.procedure.cancel" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
