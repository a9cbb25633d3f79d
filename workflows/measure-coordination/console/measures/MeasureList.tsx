import { AutocompleteInput, BooleanInput, DataTable, List, ReferenceField, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { EmptyState } from '../../../../admin/src/common/EmptyState';
import { EnumField } from '../../../../admin/src/common/EnumField';
import { fieldsOfAction, targetGroups } from '../../vocabulary';
import { useChoices } from '../../../../admin/src/common/choices';
import { DistrictNames } from '../DistrictNames';
import { Period } from './Period';

export function MeasureList() {
  const fields = useChoices('field_of_action', fieldsOfAction);
  const groups = useChoices('target_group', targetGroups);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="fieldOfAction" source="fieldOfAction" alwaysOn choices={fields} />,
    <ReferenceInput key="districtId" source="districtId" reference="districts" filter={{ kind: 'stadtbezirk' }} alwaysOn>
      <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>,
    <SelectInput key="targetGroup" source="targetGroup" choices={groups} />,
    <ReferenceInput key="providerId" source="providerId" reference="providers">
      <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>,
    <BooleanInput key="ongoing" source="ongoing" />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'title', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.measures" actionLabel="app.empty.create_measure" />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="providerId">
          <ReferenceField source="providerId" reference="providers" link={false} />
        </DataTable.Col>
        <DataTable.Col source="fieldOfAction">
          <EnumField source="fieldOfAction" group="field_of_action" />
        </DataTable.Col>
        <DataTable.Col source="districtIds" disableSort>
          <DistrictNames />
        </DataTable.Col>
        <DataTable.Col source="startsOn" label="app.measures.period">
          <Period />
        </DataTable.Col>
        <DataTable.Col source="participantsPerYear" />
      </DataTable>
    </List>
  );
}
