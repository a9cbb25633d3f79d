import { DataTable, DateField, List, NumberInput, SearchInput, TextInput, useRecordContext } from 'react-admin';
import { EmptyState } from '../../../../admin/src/common/EmptyState';

function TopicsField() {
  const record = useRecordContext<{ topics: string[] }>();
  return <span>{record?.topics.join(', ')}</span>;
}

export function StudyList() {
  const filters = [<SearchInput key="q" source="q" alwaysOn />, <TextInput key="topic" source="topic" alwaysOn />, <NumberInput key="year" source="year" alwaysOn />];
  return (
    <List
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.studies" actionLabel="app.empty.create_study" />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="authors" />
        <DataTable.Col source="year" />
        <DataTable.Col source="topics" disableSort>
          <TopicsField />
        </DataTable.Col>
        <DataTable.Col source="fileName" />
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
