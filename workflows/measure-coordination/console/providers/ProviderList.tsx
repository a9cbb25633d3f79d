import { DataTable, List, ReferenceInput, SearchInput, SelectInput, AutocompleteInput } from 'react-admin';
import { EmptyState } from '../../../../admin/src/common/EmptyState';
import { EnumField } from '../../../../admin/src/common/EnumField';
import { providerKinds } from '../../vocabulary';
import { useChoices } from '../../../../admin/src/common/choices';
import { DistrictNames } from '../DistrictNames';

export function ProviderList() {
  const kinds = useChoices('provider_kind', providerKinds);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" alwaysOn choices={kinds} />,
    <ReferenceInput key="districtId" source="districtId" reference="districts" filter={{ kind: 'stadtbezirk' }} alwaysOn>
      <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.providers" actionLabel="app.empty.create_provider" />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <EnumField source="kind" group="provider_kind" />
        </DataTable.Col>
        <DataTable.Col source="districtIds" disableSort>
          <DistrictNames />
        </DataTable.Col>
        <DataTable.Col source="email" />
      </DataTable>
    </List>
  );
}
