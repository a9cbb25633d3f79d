import { AutocompleteInput, DataTable, FunctionField, List, ReferenceInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { useChoices } from '../../../../admin/src/common/choices';
import { EmptyState } from '../../../../admin/src/common/EmptyState';
import { EnumField } from '../../../../admin/src/common/EnumField';
import { DistrictNames } from '../../../measure-coordination/console/DistrictNames';
import { languageCodes } from '../../languages';
import { organisationKinds, organisationTopics } from '../../vocabulary';

export function LanguageNames({ source = 'languages' }: { source?: string; label?: string }) {
  const translate = useTranslate();
  return <FunctionField source={source} render={(r: Record<string, string[]>) => (r[source] ?? []).map((c) => translate(`app.language.${c}`, { _: c })).join(', ')} />;
}

export function OrganisationList() {
  const kinds = useChoices('organisation_kind', organisationKinds);
  const topics = useChoices('organisation_topic', organisationTopics);
  const languages = useChoices('language', languageCodes);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" alwaysOn choices={kinds} />,
    <AutocompleteInput key="language" source="language" alwaysOn choices={languages} />,
    <SelectInput key="topic" source="topic" choices={topics} />,
    <ReferenceInput key="districtId" source="districtId" reference="districts" filter={{ kind: 'stadtbezirk' }}>
      <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.organisations" actionLabel="app.empty.create_organisation" />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <EnumField source="kind" group="organisation_kind" />
        </DataTable.Col>
        <DataTable.Col source="languages" disableSort>
          <LanguageNames />
        </DataTable.Col>
        <DataTable.Col source="districtIds" disableSort>
          <DistrictNames />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
