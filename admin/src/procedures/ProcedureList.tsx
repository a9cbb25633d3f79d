import { DataTable, DateField, List, SearchInput, SelectArrayInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { PersonName } from '../common/PersonName';
import { useProcedureTypeChoices, useProcedureTypeLabel } from '../common/procedureTypes';

const statuses = ['running', 'completed', 'cancelled', 'failed'];

function TypeField() {
  const label = useProcedureTypeLabel();
  const record = useRecordContext<{ type: string }>();
  return record ? <span>{label(record.type)}</span> : null;
}

function StartedByField() {
  const record = useRecordContext<{ startedBy: string | null }>();
  return <PersonName id={record?.startedBy} />;
}

/** Filters the API knows: type, title (q), status, starter; current step and start date sort. */
export function ProcedureList() {
  const translate = useTranslate();
  const types = useProcedureTypeChoices();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.procedure.search')} />,
    <SelectInput key="type" source="type" choices={types} alwaysOn />,
    <SelectArrayInput
      key="status"
      source="status"
      alwaysOn
      choices={statuses.map((s) => ({ id: s, name: translate(`app.procedure_status.${s}`) }))}
      sx={{ minWidth: 180 }}
    />,
  ];
  return (
    <List filters={filters} sort={{ field: 'startedAt', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="type">
          <TypeField />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" group="procedure_status" />
        </DataTable.Col>
        <DataTable.Col source="currentStep" />
        <DataTable.Col source="startedBy" disableSort>
          <StartedByField />
        </DataTable.Col>
        <DataTable.Col source="startedAt">
          <DateField source="startedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
