import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { DataTable, DateField, List, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { EmptyState } from '../common/EmptyState';

/** Every mail the inbound listener took: accepted as an answer, or rejected and why. */
function InboundMailList() {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      choices={['received', 'accepted', 'rejected'].map((s) => ({ id: s, name: translate(`app.inbound_status.${s}`) }))}
    />,
  ];
  return (
    <List filters={filters} sort={{ field: 'receivedAt', order: 'DESC' }} exporter={false} empty={<EmptyState message="app.empty.inbound_mails" actionLabel="app.empty.open_requests" to="/consultation-requests" />}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="receivedAt">
          <DateField source="receivedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="from" />
        <DataTable.Col source="subject" />
        <DataTable.Col source="status">
          <EnumField source="status" group="inbound_status" />
        </DataTable.Col>
        <DataTable.Col source="reason" />
      </DataTable>
    </List>
  );
}

export default { list: InboundMailList, icon: MoveToInboxIcon };
