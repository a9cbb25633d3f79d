import { useRecordContext, useTranslate } from 'react-admin';

/** A stored code ("open", "completed", …) in the console's words: messages under `app.<group>.<code>`. */
export function EnumField({ source, group }: { source: string; group: string; label?: string; sortable?: boolean }) {
  const translate = useTranslate();
  const record = useRecordContext();
  const value = record?.[source] as string | null | undefined;
  if (value === null || value === undefined) return null;
  return <span>{translate(`app.${group}.${value}`, { _: value })}</span>;
}
