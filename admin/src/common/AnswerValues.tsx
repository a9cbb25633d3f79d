import { useTranslate } from 'react-admin';

export interface AnswerFieldName {
  key: string;
  label: string;
  unit?: string | null;
}

/**
 * A structured answer's entries under the names its form gave them ("Freie Plätze: 12 Plätze"), yes
 * or no in words; an entry whose form is unknown (an answer from before its form changed) keeps its key.
 */
export function AnswerValues({ data, fields }: { data: unknown; fields: AnswerFieldName[] }) {
  const translate = useTranslate();
  if (!data || typeof data !== 'object') return null;
  const byKey = new Map(fields.map((f) => [f.key, f]));
  // The form's order, then whatever the form no longer names; comments (keys starting "_") are not values.
  const keys = [...fields.map((f) => f.key), ...Object.keys(data).filter((k) => !byKey.has(k))].filter((k) => !k.startsWith('_'));
  const entries = keys
    .map((k) => [k, (data as Record<string, unknown>)[k]] as const)
    .filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (entries.length === 0) return null;
  const said = (v: unknown): string =>
    typeof v === 'boolean' ? translate(`ra.boolean.${String(v)}`) : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? Object.values(v as object).join(', ') : String(v);
  return (
    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
      {entries.map(([k, v]) => {
        const f = byKey.get(k);
        return (
          <li key={k}>
            {f?.label ?? k}: <span style={{ whiteSpace: 'pre-wrap' }}>{said(v)}</span>
            {f?.unit && typeof v === 'number' ? ` ${f.unit}` : ''}
          </li>
        );
      })}
    </ul>
  );
}
