import { useTranslate } from 'react-admin';

/** A list of stored values as a select's choices, in the console's words (`app.<group>.<value>`). */
export function useChoices(group: string, values: readonly string[]): { id: string; name: string }[] {
  const translate = useTranslate();
  return values.map((id) => ({ id, name: translate(`app.${group}.${id}`, { _: id }) }));
}
