import { Alert } from '@mui/material';
import { RadioButtonGroupInput, TextInput, useTranslate } from 'react-admin';

/** A decision as radio buttons (value → message key), then its reasoning: what approvals and decisions share. */
export function ChoiceInputs({
  source,
  label,
  choices,
  text,
}: {
  source: string;
  label: string;
  choices: [value: string, message: string][];
  text: { source: string; label: string; isRequired?: boolean };
}) {
  const translate = useTranslate();
  return (
    <>
      <RadioButtonGroupInput source={source} label={label} isRequired choices={choices.map(([id, name]) => ({ id, name: translate(name) }))} />
      <TextInput source={text.source} label={text.label} multiline minRows={3} fullWidth isRequired={text.isRequired} />
    </>
  );
}

/** What the approver said when sending a step back: shown above the reworked step's form. */
export function FeedbackNote({ feedback, label }: { feedback: string | null | undefined; label: string }) {
  const translate = useTranslate();
  if (!feedback) return null;
  return (
    <Alert severity="warning" sx={{ my: 1 }}>
      {translate(label)}: {feedback}
    </Alert>
  );
}
