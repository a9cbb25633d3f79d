import { DateTimeInput, NumberInput, RadioButtonGroupInput, TextInput } from 'react-admin';
import { useChoices } from '../../../admin/src/common/choices';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import { meetingModes } from '../vocabulary';
import { CaseFacts } from './CaseFacts';

/** The browser's local "2026-12-10T10:00" as the moment it means, which the form's schema takes. */
const moment = (value: string) => (value ? new Date(value).toISOString() : value);

function Inputs() {
  const modes = useChoices('meeting_mode', meetingModes);
  return (
    <>
      <DateTimeInput source="startsAt" label="app.advice.starts_at" parse={moment} isRequired />
      <NumberInput source="durationMinutes" label="app.advice.duration" min={15} max={480} step={15} isRequired />
      <RadioButtonGroupInput source="mode" label="app.advice.mode" choices={modes} isRequired />
      <TextInput source="place" label="app.advice.place" helperText="app.advice.place_hint" fullWidth isRequired />
      <TextInput source="message" label="app.advice.message" multiline minRows={2} fullWidth />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context: CaseFacts, Inputs, defaults: () => ({ durationMinutes: 60, mode: 'vor-ort' }) };
