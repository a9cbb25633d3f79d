import { DataTable, DateField, List, NumberField, SearchInput, SelectInput, useTranslate } from 'react-admin';
import type { FundingSource } from '../../schema';
import { EnumField } from '../../../../admin/src/common/EnumField';
import { ReviewLink } from './ReviewLink';
import { EmptyState } from '../../../../admin/src/common/EmptyState';

// The database's list (db/schema.ts is no browser module); the type keeps the two in step.
export const fundingSources = ['eu', 'bund', 'land-nrw', 'stiftung', 'sonstige'] as const satisfies readonly FundingSource[];

export function FundingCallList() {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="source" source="source" alwaysOn choices={fundingSources.map((s) => ({ id: s, name: translate(`app.funding_source.${s}`) }))} />,
    <SelectInput key="origin" source="origin" alwaysOn choices={['manual', 'feed'].map((o) => ({ id: o, name: translate(`app.funding_origin.${o}`) }))} />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.funding_calls" actionLabel="app.empty.create_funding_call" />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="funder" />
        <DataTable.Col source="source">
          <EnumField source="source" group="funding_source" />
        </DataTable.Col>
        <DataTable.Col source="budget">
          <NumberField source="budget" options={{ style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }} />
        </DataTable.Col>
        <DataTable.Col source="submissionDeadline">
          <DateField source="submissionDeadline" />
        </DataTable.Col>
        <DataTable.Col source="reviewProcedureId" disableSort>
          <ReviewLink />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
