import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, DataTable, DateField, Link, List, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiFetch } from '../dataProvider/http';
import { EmptyState } from '../common/EmptyState';

interface Incident {
  id: string;
  kind: 'activity' | 'mail' | 'job';
  procedureId: string | null;
  procedureTitle: string | null;
  step: string | null;
  subject: string;
  cause: string;
  error: string;
  attempts: number;
  since: string;
  retryable: boolean;
}

function WhatField() {
  const translate = useTranslate();
  const i = useRecordContext<Incident>();
  if (!i) return null;
  return (
    <Stack spacing={0.5}>
      {i.procedureId ? (
        <Link to={`/procedures/${encodeURIComponent(i.procedureId)}/show`}>{i.procedureTitle ?? i.procedureId}</Link>
      ) : null}
      <Typography variant="body2">
        {translate(`app.incident.kind.${i.kind}`)}
        {i.step ? ` – ${i.step}` : ''}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {i.subject}
      </Typography>
    </Stack>
  );
}

function CauseField() {
  const i = useRecordContext<Incident>();
  if (!i) return null;
  // The technical message for whoever fixes it, beside the cause in words.
  return (
    <Tooltip title={i.error}>
      <span data-testid="incident-cause">{i.cause}</span>
    </Tooltip>
  );
}

function RetryButton() {
  const i = useRecordContext<Incident>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!i?.retryable) return null;
  return (
    <Button
      label="app.incident.retry"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        apiFetch(`/api/incidents/${i.id}/retry`, { method: 'POST', body: {} })
          .then(() => {
            notify('app.incident.retried', { type: 'success' });
            refresh();
          })
          .catch((err: Error) => notify(err.message, { type: 'error' }))
          .finally(() => setBusy(false));
      }}
    />
  );
}

/** Störungen: what keeps failing, since when, how often, in words; an admin retries it at once. */
function IncidentList() {
  return (
    <List exporter={false} pagination={false} empty={<EmptyState message="resources.incidents.empty" />}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="procedureTitle" label="resources.incidents.fields.what">
          <WhatField />
        </DataTable.Col>
        <DataTable.Col source="cause">
          <CauseField />
        </DataTable.Col>
        <DataTable.Col source="since">
          <DateField source="since" showTime />
        </DataTable.Col>
        <DataTable.NumberCol source="attempts" />
        <DataTable.Col label="resources.incidents.fields.actions">
          <RetryButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export default { list: IncidentList, icon: ReportProblemIcon };
