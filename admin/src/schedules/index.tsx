import ScheduleIcon from '@mui/icons-material/Schedule';
import { Chip, Stack } from '@mui/material';
import { useState } from 'react';
import { Button, DataTable, DateField, List, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiFetch } from '../dataProvider/http';
import { EmptyState } from '../common/EmptyState';

interface Schedule {
  id: string;
  label: string;
  paused: boolean;
  everyMs: number | null;
  cron: string | null;
  nextRunAt: string | null;
  lastRunAt: string | null;
  runs: number;
}

function StateField() {
  const translate = useTranslate();
  const s = useRecordContext<Schedule>();
  if (!s) return null;
  return <Chip size="small" color={s.paused ? 'warning' : 'success'} label={translate(s.paused ? 'app.schedule.paused' : 'app.schedule.active')} data-state={s.paused ? 'paused' : 'active'} />;
}

function RhythmField() {
  const translate = useTranslate();
  const s = useRecordContext<Schedule>();
  if (!s) return null;
  if (s.cron) return <span>{translate('app.schedule.cron', { cron: s.cron })}</span>;
  if (s.everyMs === null) return <span>–</span>;
  const minutes = s.everyMs / 60_000;
  const duration = minutes >= 1440 ? `${minutes / 1440} d` : minutes >= 60 ? `${minutes / 60} h` : minutes >= 1 ? `${minutes} min` : `${s.everyMs / 1000} s`;
  return <span>{translate('app.schedule.every', { duration })}</span>;
}

/** Pause or resume, and trigger now: each one request, then the row as Temporal describes it. */
function Actions() {
  const s = useRecordContext<Schedule>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!s) return null;
  const act = async (action: 'pause' | 'resume' | 'trigger', done: string) => {
    setBusy(true);
    try {
      await apiFetch(`/api/schedules/${encodeURIComponent(s.id)}/${action}`, { method: 'POST', body: {} });
      notify(done, { type: 'success' });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      {s.paused ? (
        <Button label="app.schedule.resume" disabled={busy} onClick={() => void act('resume', 'app.schedule.resumed_done')} />
      ) : (
        <Button label="app.schedule.pause" disabled={busy} onClick={() => void act('pause', 'app.schedule.paused_done')} />
      )}
      <Button label="app.schedule.trigger" disabled={busy} onClick={() => void act('trigger', 'app.schedule.triggered_done')} />
    </Stack>
  );
}

/** Every Temporal Schedule of the system (admins): state, rhythm, next and last run, and the controls. */
function ScheduleList() {
  return (
    <List pagination={false} exporter={false} sort={{ field: 'label', order: 'ASC' }} empty={<EmptyState message="app.empty.schedules" actionLabel="app.empty.open_procedure_types" to="/procedure-types" />}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="label" disableSort />
        <DataTable.Col source="paused" disableSort>
          <StateField />
        </DataTable.Col>
        <DataTable.Col source="every" disableSort>
          <RhythmField />
        </DataTable.Col>
        <DataTable.Col source="nextRunAt" disableSort>
          <DateField source="nextRunAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="lastRunAt" disableSort>
          <DateField source="lastRunAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="runs" disableSort />
        <DataTable.Col label="app.task.actions" disableSort>
          <Actions />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export default { list: ScheduleList, icon: ScheduleIcon };
