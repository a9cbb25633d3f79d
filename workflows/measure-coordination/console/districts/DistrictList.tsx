import { DataTable, List, ReferenceField, SearchInput, SelectInput } from 'react-admin';
import { EmptyState } from '../../../../admin/src/common/EmptyState';
import { EnumField } from '../../../../admin/src/common/EnumField';
import { districtKinds } from '../../vocabulary';
import { useChoices } from '../../../../admin/src/common/choices';

/** Köln's Stadtbezirke first by their numbers, then the Stadtteile by name, each with its Stadtbezirk. */
export function DistrictList() {
  const kinds = useChoices('district_kind', districtKinds);
  const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" alwaysOn choices={kinds} />];
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false} perPage={25} empty={<EmptyState message="app.empty.districts" />}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <EnumField source="kind" group="district_kind" />
        </DataTable.Col>
        <DataTable.Col source="number" />
        <DataTable.Col source="parentId">
          <ReferenceField source="parentId" reference="districts" link={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
