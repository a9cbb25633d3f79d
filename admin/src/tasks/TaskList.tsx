import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceInput,
  SelectArrayInput,
  SearchInput,
  DateInput,
  SelectInput,
  useRecordContext,
  useTranslate,
  type ListProps,
} from 'react-admin';
import { DueMark, PriorityField } from '../common/DueMark';
import { Responsible } from '../common/Responsible';
import { EnumField } from '../common/EnumField';
import { useProcedureTypeChoices, useProcedureTypeLabel } from '../common/procedureTypes';
import { TitleWithResubmission } from './Resubmission';
import { ClaimButton } from './TaskActions';
import { OverdueFilter } from '../common/OverdueFilter';
import { EmptyState } from '../common/EmptyState';

function useTaskFilters() {
  const translate = useTranslate();
  const types = useProcedureTypeChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.task.search')} />,
    <SelectInput key="procedureType" source="procedureType" label="resources.tasks.fields.procedureType" choices={types} alwaysOn />,
    <OverdueFilter key="overdue" source="overdue" alwaysOn />,
    <SelectInput
      key="priority"
      source="priority"
      label="resources.tasks.fields.priority"
      choices={[1, 2, 3].map((p) => ({ id: p, name: translate(`app.task.priority_${p}`) }))}
    />,
    <DateInput key="dueBefore" source="dueBefore" label="app.task.due_before" />,
    <SelectInput
      key="resubmission"
      source="resubmission"
      label="resources.tasks.fields.resubmission"
      choices={[
        { id: true, name: translate('app.resubmission.only') },
        { id: false, name: translate('app.resubmission.none') },
      ]}
      alwaysOn
    />,
  ];
}

function ProcedureTypeField() {
  const label = useProcedureTypeLabel();
  const record = useRecordContext<{ procedureType: string }>();
  return record ? <span>{label(record.procedureType)}</span> : null;
}

type Inbox = 'mine' | 'group' | 'resubmissions';

const inboxFilter: Record<Inbox, Record<string, unknown>> = {
  mine: { inbox: 'mine' },
  group: { inbox: 'group' },
  resubmissions: { inbox: 'workable', resubmission: true },
};

/** One list, three inboxes: "mine" (assigned, claimed, held as Vertretung), "group" (to claim), and those put aside. */
function TaskInbox({ inbox, ...props }: { inbox: Inbox } & Partial<ListProps>) {
  const filters = useTaskFilters().filter((f) => inbox !== 'resubmissions' || f.key !== 'resubmission');
  return (
    <List
      resource="tasks"
      filter={inboxFilter[inbox]}
      filters={filters}
      sort={{ field: 'dueAt', order: 'ASC' }}
      storeKey={`tasks.${inbox}`}
      exporter={false}
      disableSyncWithLocation={inbox !== 'mine'}
      {...props}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title">
          <TitleWithResubmission />
        </DataTable.Col>
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
  return (
    <TaskInbox inbox="mine" title={translate('app.menu.my_tasks')} empty={<EmptyState message="app.empty.my_tasks" actionLabel="app.empty.open_group_tasks" to="/group-tasks" />} />
  );
}

export function GroupTaskList() {
  const translate = useTranslate();
  return <TaskInbox inbox="group" title={translate('app.menu.group_tasks')} empty={<EmptyState message="app.empty.group_tasks" actionLabel="app.empty.start_procedure" to="/procedures/create" />} />;
}

/** Wiedervorlagen: one's own tasks and one's groups' put aside until a day still ahead. */
export function ResubmissionList() {
  const translate = useTranslate();
  return <TaskInbox inbox="resubmissions" title={translate('app.menu.resubmissions')} />;
}

function HolderField() {
  const record = useRecordContext<{ claimedBy: string | null; assigneeId: string | null; candidateRole: string | null }>();
  if (!record) return null;
  return <Responsible id={record.claimedBy ?? record.assigneeId} role={record.candidateRole} />;
}

/**
 * Every task of the office, for managers: what a dashboard figure ("überfällig: Anna Schmidt 3")
 * stands for, filtered by its holder, the holder's department or group, and overdue.
 */
export function AllTaskList() {
  const translate = useTranslate();
  const filters = [
    ...useTaskFilters(),
    <SelectArrayInput
      key="status"
      source="status"
      label="resources.tasks.fields.status"
      choices={['open', 'claimed', 'completed', 'cancelled'].map((s) => ({ id: s, name: translate(`app.task_status.${s}`) }))}
    />,
    <ReferenceInput key="holderId" source="holderId" reference="users" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="app.task.holder" optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <SelectInput
      key="holderRole"
      source="holderRole"
      label="app.task.holder_group"
      choices={['staff', 'manager', 'admin'].map((r) => ({ id: r, name: translate(`app.role.${r}`) }))}
    />,
    <ReferenceInput key="holderDepartmentId" source="holderDepartmentId" reference="departments" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="app.task.holder_department" optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
  ];
  return (
    <List
      resource="tasks"
      title={translate('app.menu.all_tasks')}
      filters={filters}
      sort={{ field: 'dueAt', order: 'ASC' }}
      storeKey="tasks.all"
      exporter={false}
      empty={<EmptyState message="app.empty.all_tasks" actionLabel="app.empty.start_procedure" to="/procedures/create" />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title">
          <TitleWithResubmission />
        </DataTable.Col>
        <DataTable.Col source="procedureTitle" disableSort />
        <DataTable.Col label="app.task.holder" disableSort>
          <HolderField />
        </DataTable.Col>
        <DataTable.Col source="dueAt">
          <DueMark />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" group="task_status" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
