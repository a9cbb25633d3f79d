import { NumberInput, TextInput } from 'react-admin';
import { GermanDateInput } from '../../../admin/src/common/DurationInput';
import { FactList } from '../../../admin/src/common/FactList';
import { useFormats } from '../../../admin/src/common/numbers';
import { CallFacts, type CallView } from './funding-calls/CallFacts';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

/** A report to the funder (Zwischenbericht, Verwendungsnachweis): the grant and the funder's date. */
export function ReportContext({ task }: { task: { context?: Record<string, unknown> } }) {
  const f = useFormats();
  const c = (task.context ?? {}) as { call?: CallView; dueAt?: string; amount?: number | null };
  return (
    <>
      <CallFacts call={c.call} />
      <FactList
        rows={[
          ['app.funding.due', c.dueAt ? f.date(c.dueAt) : null],
          ['app.funding.granted_amount', c.amount === null || c.amount === undefined ? null : f.euro(c.amount)],
        ]}
      />
    </>
  );
}

export function ReportInputs() {
  return (
    <>
      <TextInput source="summary" label="app.funding.report_summary" multiline minRows={4} fullWidth isRequired />
      <NumberInput source="spent" label="app.funding.spent" min={0} />
      <GermanDateInput source="submittedOn" label="app.funding.submitted_on" isRequired />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context: ReportContext, Inputs: ReportInputs };
