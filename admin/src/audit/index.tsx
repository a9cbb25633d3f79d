import HistoryIcon from '@mui/icons-material/History';
import { useQuery } from '@tanstack/react-query';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SelectInput,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../common/DueMark';
import { apiFetch } from '../dataProvider/http';
import { Actor, Entry, useKindLabel, type AuditRecord } from './AuditEntry';
import { EmptyState } from '../common/EmptyState';

function AtField() {
  const [locale] = useLocaleState();
  const record = useRecordContext<AuditRecord>();
  return <span>{formatDateTime(record?.at, locale)}</span>;
}

function ActorField() {
  const record = useRecordContext<AuditRecord>();
  return record ? <Actor entry={record} /> : null;
}

function EntryField() {
  const record = useRecordContext<AuditRecord>();
  return record ? <Entry entry={record} /> : null;
}

/** The kinds there are, by their labels (the API counts which occur). */
function useKindChoices() {
  const label = useKindLabel();
  const { data } = useQuery({
    queryKey: ['audit-kinds'],
    queryFn: async () => (await apiFetch('/api/audit-kinds')).json as { action: string; count: number }[],
    staleTime: 60_000,
  });
  return (data ?? []).map((k) => ({ id: k.action, name: label(k.action) })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The Protokoll in people's words: when, who (by name, or "automatisch"), what about which
 * record and procedure (linked), its details as facts. Three columns: it fits a laptop and a tablet.
 */
function AuditList() {
  const translate = useTranslate();
  const kinds = useKindChoices();
  const filters = [
    <ReferenceInput key="actorId" source="actorId" reference="users" perPage={100} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
      <AutocompleteInput label="resources.audit.fields.actorId" optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <ReferenceInput key="procedureId" source="procedureId" reference="procedures" sort={{ field: 'startedAt', order: 'DESC' }} alwaysOn>
      <AutocompleteInput label="resources.audit.fields.procedureId" optionText="title" sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <SelectInput key="action" source="action" label="resources.audit.fields.action" choices={kinds} alwaysOn sx={{ minWidth: 220 }} />,
    <DateInput key="atFrom" source="atFrom" label="app.audit.from" alwaysOn />,
    <DateInput key="atBefore" source="atBefore" label="app.audit.before" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}
      title={translate('resources.audit.name', { smart_count: 2 })}
      empty={<EmptyState message="app.empty.audit" actionLabel="app.empty.open_procedures" to="/procedures" />}
    >
      <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& td': { verticalAlign: 'top' }, tableLayout: 'fixed', width: '100%' }}>
        <DataTable.Col source="at" sx={{ width: '11em' }}>
          <AtField />
        </DataTable.Col>
        <DataTable.Col source="actorId" disableSort sx={{ width: '13em' }}>
          <ActorField />
        </DataTable.Col>
        <DataTable.Col source="action" label="resources.audit.fields.entry" disableSort>
          <EntryField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export default { list: AuditList, icon: HistoryIcon };
