import { RadioButtonGroupInput, TextInput, useTranslate } from 'react-admin';

/** The approver's inputs of the four-eyes loop (the engine's approval form): approve, or reject saying why. */
export function ApprovalInputs() {
  const translate = useTranslate();
  return (
    <>
      <RadioButtonGroupInput
        source="decision"
        label="app.forms.decision"
        isRequired
        choices={[
          { id: 'approve', name: translate('app.forms.approve') },
          { id: 'reject', name: translate('app.forms.reject') },
        ]}
      />
      <TextInput source="comment" label="app.forms.comment" multiline minRows={3} fullWidth />
    </>
  );
}
