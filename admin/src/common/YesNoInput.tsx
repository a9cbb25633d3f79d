import { RadioButtonGroupInput, useTranslate } from 'react-admin';

/** A yes/no question as two radio buttons whose value is a real boolean (the schemas want one). */
export const booleanRadio = {
  parse: (v: unknown) => (v === 'true' ? true : v === 'false' ? false : v),
  format: (v: unknown) => (v === undefined || v === null ? '' : String(v)),
};

/** A required yes/no question of a task form, each answer in its own words ("Ja, umgesetzt"). */
export function YesNoInput({ source, label, yes, no }: { source: string; label: string; yes: string; no: string }) {
  const translate = useTranslate();
  return (
    <RadioButtonGroupInput
      source={source}
      label={label}
      isRequired
      {...booleanRadio}
      choices={[
        { id: 'true', name: translate(yes) },
        { id: 'false', name: translate(no) },
      ]}
    />
  );
}
