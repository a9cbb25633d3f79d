import {
  DataTable,
  List,
  SearchInput,
  DateInput,
  SelectInput,
  useRecordContext,
  useTranslate,
  type ListProps,
} from 'react-admin';
import { DueMark, PriorityField } from '../common/DueMark';
import { EnumField } from '../common/EnumField';
import { useProcedureTypeChoices, useProcedureTypeLabel } from '../common/procedureTypes';
import { ClaimButton } from './TaskActions';

function useTaskFilters() {
  const translate = useTranslate();
  const types = useProcedureTypeChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.task.search')} />,
    <SelectInput key="procedureType" source="procedureType" label="resources.tasks.fields.procedureType" choices={types} alwaysOn />,
    <SelectInput
      key="overdue"
      source="overdue"
      label="app.task.overdue_filter"
      alwaysOn
      choices={[
        { id: true, name: translate('app.task.only_overdue') },
        { id: false, name: translate('app.task.not_overdue') },
      ]}
    />,
    <SelectInput
      key="priority"
      source="priority"
      label="resources.tasks.fields.priority"
      choices={[1, 2, 3].map((p) => ({ id: p, name: translate(`app.task.priority_${p}`) }))}
    />,
    <DateInput key="dueBefore" source="dueBefore" label="app.task.due_before" />,
  ];
}

function ProcedureTypeField() {
  const label = useProcedureTypeLabel();
  const record = useRecordContext<{ procedureType: string }>();
  return record ? <span>{label(record.procedureType)}</span> : null;
}

type Inbox = 'mine' | 'group';

/** One list, two inboxes: "mine" (assigned, claimed, held as Vertretung) and "group" (to claim). */
function TaskInbox({ inbox, ...props }: { inbox: Inbox } & Partial<ListProps>) {
  const filters = useTaskFilters();
  return (
    <List
      resource="tasks"
      filter={{ inbox }}
      filters={filters}
      sort={{ field: 'dueAt', order: 'ASC' }}
      storeKey={`tasks.${inbox}`}
      exporter={false}
      disableSyncWithLocation={inbox === 'group'}
      {...props}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="procedureTitle" disableSort />
        <DataTable.Col source="procedureType">
          <ProcedureTypeField />
        </DataTable.Col>
        <DataTable.Col source="dueAt">
          <DueMark />
        </DataTable.Col>
        <DataTable.Col source="priority">
          <PriorityField />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" group="task_status" />
        </DataTable.Col>
        {inbox === 'group' && (
          <DataTable.Col label="app.task.actions" disableSort>
            <ClaimButton />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
}

export function MyTaskList() {
  const translate = useTranslate();
  return <TaskInbox inbox="mine" title={translate('app.menu.my_tasks')} />;
}

export function GroupTaskList() {
  const translate = useTranslate();
  return <TaskInbox inbox="group" title={translate('app.menu.group_tasks')} />;
}
