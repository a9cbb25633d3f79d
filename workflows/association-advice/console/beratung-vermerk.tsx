import { Typography } from '@mui/material';
import { CheckboxGroupInput, FormDataConsumer, RadioButtonGroupInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { useChoices } from '../../../admin/src/common/choices';
import { DurationInput } from '../../../admin/src/common/DurationInput';
import { useFormats } from '../../../admin/src/common/numbers';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import type { Task } from '../../../admin/src/tasks/taskApi';
import type { SentAppointment, SuitingCall } from '../facts';
import { caseOutcomes, nextSteps } from '../vocabulary';
import { CaseFacts, type CaseContext } from './CaseFacts';

type NoteContext = CaseContext & { appointment?: SentAppointment; calls?: SuitingCall[] };
const contextOf = (task: Task) => (task.context ?? {}) as NoteContext;

function Context({ task }: { task: Task }) {
  const translate = useTranslate();
  const f = useFormats();
  const a = contextOf(task).appointment;
  return (
    <>
      <CaseFacts task={task} />
      {a && (
        <Typography sx={{ mt: 1 }}>
          {translate('app.advice.appointment_was', { when: f.dateTime(a.startsAt), mode: translate(`app.meeting_mode.${a.mode}`), place: a.place })}
        </Typography>
      )}
    </>
  );
}

function Inputs({ task }: { task: Task }) {
  const translate = useTranslate();
  const f = useFormats();
  const next = useChoices('next_step', nextSteps);
  const outcomes = useChoices('case_outcome', caseOutcomes);
  const calls = contextOf(task).calls ?? [];
  const callName = (c: SuitingCall) =>
    `${c.title} (${c.funder}${c.submissionDeadline ? `, ${translate('app.advice.deadline', { day: f.date(c.submissionDeadline) })}` : ''})` +
    (c.matched.length ? ` – ${translate('app.advice.matched', { words: c.matched.join(', ') })}` : '');
  return (
    <>
      <TextInput source="note" label="app.advice.note" multiline minRows={4} fullWidth isRequired />
      {calls.length > 0 ? (
        <CheckboxGroupInput source="proposedCallIds" label="app.advice.proposed_calls" helperText="app.advice.proposed_calls_hint" choices={calls.map((c) => ({ id: c.id, name: callName(c) }))} row={false} />
      ) : (
        <Typography color="text.secondary">{translate('app.advice.no_calls')}</Typography>
      )}
      <RadioButtonGroupInput source="next" label="app.advice.next" choices={next} isRequired />
      <FormDataConsumer<{ next?: string }>>
        {({ formData }) =>
          formData.next === 'wiedervorlage' ? (
            <DurationInput source="followUp" label="app.advice.follow_up" />
          ) : formData.next === 'abschliessen' ? (
            <SelectInput source="outcome" label="app.advice.outcome" choices={outcomes} isRequired />
          ) : null
        }
      </FormDataConsumer>
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs, defaults: () => ({ proposedCallIds: [] }) };
