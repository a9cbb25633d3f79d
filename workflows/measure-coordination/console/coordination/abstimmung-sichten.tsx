import { TextInput } from 'react-admin';
import { DepartmentPicker } from '../../../../admin/src/common/DepartmentChoice';
import { YesNoInput } from '../../../../admin/src/common/YesNoInput';
import { DurationInput } from '../../../../admin/src/common/DurationInput';
import type { TaskFormDefinition } from '../../../../admin/src/modules/types';
import type { Task } from '../../../../admin/src/tasks/taskApi';
import { MeasurePair, type PairContext } from './MeasurePair';

function Context({ task }: { task: Task }) {
  return <MeasurePair context={(task.context ?? {}) as PairContext} />;
}

function Inputs() {
  return (
    <>
      <YesNoInput source="coordinate" label="app.coordination.coordinate" yes="app.coordination.coordinate_yes" no="app.coordination.coordinate_no" />
      <TextInput source="reason" label="app.coordination.reason" multiline minRows={3} fullWidth isRequired />
      <DepartmentPicker source="departmentId" label="app.coordination.department" />
      <TextInput source="question" label="app.coordination.question" multiline minRows={2} fullWidth />
      <DurationInput source="deadline" label="app.coordination.deadline" />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
