import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SelectArrayInput,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../common/DueMark';
import { useProcedureTypeLabel } from '../common/procedureTypes';
import { OverdueFilter } from '../common/OverdueFilter';
import { EmptyState } from '../common/EmptyState';

// Every request to a department across procedures: the list behind the dashboard's answer
// figures ("Ordnungsamt: 1 ausstehend"); a row opens the procedure the request serves.

interface RequestRow {
  id: string;
  procedureId: string;
  procedureTitle: string;
  procedureType: string;
  departmentName: string;
  status: string;
  channel: string | null;
  sentAt: string;
  deadlineAt: string;
  remindedAt: string | null;
  escalatedAt: string | null;
  answeredAt: string | null;
}

function When({ source }: { source: keyof RequestRow }) {
  const [locale] = useLocaleState();
  const record = useRecordContext<RequestRow>();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(record?.[source] as string | null, locale)}</span>;
}

function StatusField() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const r = useRecordContext<RequestRow>();
  if (!r) return null;
  const late = r.status === 'pending' && new Date(r.deadlineAt).getTime() < Date.now();
  return (
    <span>
      {r.status === 'answered' && r.answeredAt
        ? translate('app.relations.answered_on', { at: formatDateTime(r.answeredAt, locale), channel: translate(`app.channel.${r.channel ?? 'page'}`) })
        : translate(`app.request_status.${r.status}`, { _: r.status })}
      {late && <Chip size="small" color="error" label={translate('app.task.overdue')} sx={{ ml: 1 }} data-urgency="overdue" />}
    </span>
  );
}

function CourseField() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const r = useRecordContext<RequestRow>();
  if (!r) return null;
  return (
    <span>
      {r.remindedAt && <div>{translate('app.relations.reminded_at', { at: formatDateTime(r.remindedAt, locale) })}</div>}
      {r.escalatedAt && <div>{translate('app.relations.escalated_at', { at: formatDateTime(r.escalatedAt, locale) })}</div>}
      {!r.remindedAt && !r.escalatedAt && '–'}
    </span>
  );
}

function ProcedureField() {
  const typeLabel = useProcedureTypeLabel();
  const r = useRecordContext<RequestRow>();
  if (!r) return null;
  return (
    <span>
      {r.procedureTitle}
      <br />
      <small>{typeLabel(r.procedureType)}</small>
    </span>
  );
}

function RequestList() {
  const translate = useTranslate();
  const filters = [
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" perPage={100} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
      <AutocompleteInput label="app.forms.department" optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <SelectArrayInput
      key="status"
      source="status"
      alwaysOn
      choices={['pending', 'answered', 'no_answer', 'cancelled'].map((s) => ({ id: s, name: translate(`app.request_status.${s}`) }))}
      sx={{ minWidth: 180 }}
    />,
    <OverdueFilter key="overdue" source="overdue" alwaysOn />,
    <DateInput key="sentFrom" source="sentFrom" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'sentAt', order: 'DESC' }} exporter={false} empty={<EmptyState message="app.empty.consultation_requests" actionLabel="app.empty.start_procedure" to="/procedures/create" />}>
      <DataTable
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => `/procedures/${encodeURIComponent((record as RequestRow).procedureId)}/show`}
        sx={{ '& td': { verticalAlign: 'top' } }}
      >
        <DataTable.Col source="departmentName" />
        <DataTable.Col source="procedureTitle">
          <ProcedureField />
        </DataTable.Col>
        <DataTable.Col source="sentAt">
          <When source="sentAt" />
        </DataTable.Col>
        <DataTable.Col source="remindedAt" disableSort>
          <CourseField />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StatusField />
        </DataTable.Col>
        <DataTable.Col source="deadlineAt">
          <When source="deadlineAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export default { list: RequestList, icon: ForwardToInboxIcon };
