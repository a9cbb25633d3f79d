import { DataTable, DateField, List, NumberField, SearchInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { EmptyState } from '../../../../admin/src/common/EmptyState';
import { languageOf } from '../../../organisations/languages';

// The procedures' statuses, as the console's procedure list filters them.
const statuses = ['running', 'completed', 'cancelled', 'failed'];

interface CampaignRow {
  id: string;
  status: string;
  languages: string[];
  organisationsMailed: number;
  organisationsReported: number;
}

function Status() {
  const translate = useTranslate();
  const r = useRecordContext<CampaignRow>();
  return r ? <>{translate(`app.procedure_status.${r.status}`)}</> : null;
}

function Languages() {
  const translate = useTranslate();
  const r = useRecordContext<CampaignRow>();
  return r ? <>{r.languages.map((code) => translate(`app.language.${code}`, { _: languageOf(code).name })).join(', ')}</> : null;
}

function Reported() {
  const translate = useTranslate();
  const r = useRecordContext<CampaignRow>();
  return r ? <>{translate('app.campaign.reported_of', { reported: r.organisationsReported, mailed: r.organisationsMailed })}</> : null;
}

/** The campaigns as a manager follows them: how far each has reached so far. */
export function CampaignList() {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" alwaysOn choices={statuses.map((s) => ({ id: s, name: translate(`app.procedure_status.${s}`) }))} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'startedAt', order: 'DESC' }} exporter={false} empty={<EmptyState message="app.empty.campaigns" actionLabel="app.empty.start_campaign" to="/procedures/create" />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="department" />
        <DataTable.Col source="status">
          <Status />
        </DataTable.Col>
        <DataTable.Col source="startedAt">
          <DateField source="startedAt" />
        </DataTable.Col>
        <DataTable.Col source="languages" disableSort>
          <Languages />
        </DataTable.Col>
        <DataTable.Col source="contacts">
          <NumberField source="contacts" />
        </DataTable.Col>
        <DataTable.Col source="organisationsReported" disableSort>
          <Reported />
        </DataTable.Col>
        <DataTable.Col source="reached">
          <NumberField source="reached" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
