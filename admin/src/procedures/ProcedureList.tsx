import { Chip, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Button,
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  CreateButton,
  useCanAccess,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import SchemaIcon from '@mui/icons-material/Schema';
import { DueMark } from '../common/DueMark';
import { Responsible } from '../common/Responsible';
import { useProcedureTypeChoices, useProcedureTypeLabel } from '../common/procedureTypes';
import { typePath } from '../procedure-types/paths';
import type { Procedure } from './procedureApi';
import { OverdueFilter } from '../common/OverdueFilter';
import { EmptyState } from '../common/EmptyState';
import { useStepName } from '../common/stepName';

const statuses = ['running', 'completed', 'cancelled', 'failed'];

/** The title with the procedure type beneath: two columns' worth in one, so the list fits a tablet. */
function TitleField() {
  const label = useProcedureTypeLabel();
  const record = useRecordContext<Procedure>();
  if (!record) return null;
  return (
    <span>
      {record.title}
      <br />
      <Typography variant="caption" color="text.secondary" component="span">
        {label(record.type)}
      </Typography>
    </span>
  );
}

/** The status, and for a running procedure the step it is at. */
function StandField() {
  const translate = useTranslate();
  const record = useRecordContext<Procedure>();
  const stepName = useStepName();
  if (!record) return null;
  return (
    <span>
      {translate(`app.procedure_status.${record.status}`)}
      {record.status === 'running' && record.currentStep ? (
        <>
          <br />
          <Typography variant="caption" component="span">
            {stepName(record.type, record.currentStepKey, record.currentStep)}
          </Typography>
        </>
      ) : null}
    </span>
  );
}

/** The next due date, marked when it has passed; nothing for a procedure that has ended. */
function NextDueField() {
  const record = useRecordContext<Procedure>();
  if (!record || record.status !== 'running' || !record.nextDueAt) return <span>–</span>;
  return <DueMark dueAt={record.nextDueAt} status={record.status} />;
}

function ResponsibleField() {
  const record = useRecordContext<Procedure>();
  if (!record || record.status !== 'running') return <span>–</span>;
  return <Responsible id={record.responsibleId} role={record.responsibleRole} />;
}

/** A running consultation's answers so far: "2 von 3 Antworten". */
function AnswersField() {
  const translate = useTranslate();
  const record = useRecordContext<Procedure>();
  if (!record || record.requestsAsked === 0) return null;
  const all = record.requestsAnswered === record.requestsAsked;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={all ? 'success' : 'default'}
      label={translate('app.procedure.answers_of', { answered: record.requestsAnswered, asked: record.requestsAsked })}
      data-testid="answers-count"
    />
  );
}

/** With a type chosen, its map (the waiting procedures per step) is one click away. */
function ListActions() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const { canAccess: seesTypes } = useCanAccess({ resource: 'procedure-types', action: 'show' });
  const type = (filterValues as { type?: string }).type;
  return (
    <TopToolbar>
      {seesTypes && type && (
        <Button component={Link} to={typePath(type)} label={translate('app.procedure_type.open_map')} data-testid="type-map-link">
          <SchemaIcon />
        </Button>
      )}
      <FilterButton />
      <CreateButton />
    </TopToolbar>
  );
}

/** What is outstanding at a glance: current step, next due date, who holds it, a consultation's answers. */
export function ProcedureList() {
  const translate = useTranslate();
  const types = useProcedureTypeChoices();
  const { canAccess: seesPeople } = useCanAccess({ resource: 'users', action: 'list' });
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
    <OverdueFilter key="overdue" source="overdue" alwaysOn />,
    ...(seesPeople
      ? [
          <ReferenceInput key="responsibleId" source="responsibleId" reference="users" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput label="resources.procedures.fields.responsibleId" optionText="name" sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]
      : []),
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="resources.procedures.fields.departmentId" optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    // A dashboard month's list says which month it is.
    ...['startedFrom', 'startedBefore', 'endedFrom', 'endedBefore'].map((source) => <DateInput key={source} source={source} />),
  ];
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'startedAt', order: 'DESC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.procedures" actionLabel="app.empty.start_procedure" to="/procedures/create" />}
    >
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& td': { verticalAlign: 'top' } }}>
        <DataTable.Col source="title">
          <TitleField />
        </DataTable.Col>
        <DataTable.Col source="currentStep" label="app.procedure.stand">
          <StandField />
        </DataTable.Col>
        <DataTable.Col source="nextDueAt">
          <NextDueField />
        </DataTable.Col>
        <DataTable.Col source="responsibleId" disableSort>
          <ResponsibleField />
        </DataTable.Col>
        <DataTable.Col source="requestsAnswered" disableSort>
          <AnswersField />
        </DataTable.Col>
        <DataTable.Col source="startedAt">
          <DateField source="startedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
