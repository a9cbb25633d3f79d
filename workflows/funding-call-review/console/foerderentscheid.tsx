import { NumberInput, RadioButtonGroupInput, TextInput, useTranslate } from 'react-admin';
import { GermanDateInput } from '../../../admin/src/common/DurationInput';
import { FactList } from '../../../admin/src/common/FactList';
import { useFormats } from '../../../admin/src/common/numbers';
import { CallFacts, type CallView } from './funding-calls/CallFacts';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const f = useFormats();
  const c = (task.context ?? {}) as { call?: CallView; submittedOn?: string; reference?: string | null };
  return (
    <>
      <CallFacts call={c.call} />
      <FactList
        rows={[
          ['app.funding.submitted_on', c.submittedOn ? f.date(c.submittedOn) : null],
          ['app.funding.reference', c.reference],
        ]}
      />
    </>
  );
}

function Inputs() {
  const translate = useTranslate();
  return (
    <>
      <RadioButtonGroupInput
        source="result"
        label="app.funding.award_result"
        isRequired
        choices={[
          { id: 'granted', name: translate('app.funding.granted') },
          { id: 'rejected', name: translate('app.funding.rejected') },
        ]}
      />
      <NumberInput source="amount" label="app.funding.amount" min={0} />
      <GermanDateInput source="letterDate" label="app.funding.letter_date" isRequired />
      <GermanDateInput source="interimReportDue" label="app.funding.interim_due" />
      <GermanDateInput source="proofOfUseDue" label="app.funding.proof_due" />
      <TextInput source="note" label="app.funding.note" multiline minRows={2} fullWidth />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
