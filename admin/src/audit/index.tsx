import HistoryIcon from '@mui/icons-material/History';
import { DataTable, DateField, FunctionField, List, TextInput, useRecordContext } from 'react-admin';
import { PersonName } from '../common/PersonName';

function ActorField() {
  const record = useRecordContext<{ actorId: string | null }>();
  return <PersonName id={record?.actorId} />;
}

function AuditList() {
  const filters = [
    <TextInput key="action" source="action" alwaysOn />,
    <TextInput key="entityType" source="entityType" />,
    <TextInput key="procedureId" source="procedureId" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="at">
          <DateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorId" disableSort>
          <ActorField />
        </DataTable.Col>
        <DataTable.Col source="action" />
        <DataTable.Col source="entityType" />
        <DataTable.Col source="entityId" />
        <DataTable.Col source="detail" disableSort>
          <FunctionField render={(r: { detail: unknown }) => (r.detail ? JSON.stringify(r.detail) : '')} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export default { list: AuditList, icon: HistoryIcon };
