import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useMemo, useState } from 'react';
import { Button, useCanAccess, useNotify, useRedirect } from 'react-admin';
import { randomKey } from '../common/schemaResolver';
import { procedureApi } from './procedureApi';

/** Starts a procedure about the record on the page (a call's review, a study's evaluation) and goes to it. */
export function StartProcedureButton({ type, input, label, done }: { type: string; input: Record<string, unknown>; label: string; done: string }) {
  const notify = useNotify();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ resource: 'procedures', action: 'create' });
  const [busy, setBusy] = useState(false);
  // One key per page: a double click or a retry starts it once.
  const idempotencyKey = useMemo(() => randomKey(), [type, JSON.stringify(input)]);
  if (!canAccess) return null;
  return (
    <Button
      label={label}
      variant="contained"
      disabled={busy}
      startIcon={<PlayArrowIcon />}
      onClick={() => void start()}
    />
  );

  async function start() {
    setBusy(true);
    try {
      const procedure = await procedureApi.start(type, input, idempotencyKey);
      notify(done, { type: 'success' });
      redirect(`/procedures/${encodeURIComponent(procedure.id)}/show`);
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
      setBusy(false);
    }
  }
}
