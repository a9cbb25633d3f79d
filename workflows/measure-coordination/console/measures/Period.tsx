import { useRecordContext, useTranslate } from 'react-admin';
import { useFormats } from '../../../../admin/src/common/numbers';

/** "01.01.2026 bis 31.12.2026", or "seit 01.01.2026" for a measure that runs on. */
export function Period(_props: { label?: string }) {
  const record = useRecordContext<{ startsOn: string; endsOn: string | null }>();
  const translate = useTranslate();
  const f = useFormats();
  if (!record) return null;
  if (!record.endsOn) return <span>{translate('app.measures.since', { from: f.date(record.startsOn) })}</span>;
  return <span>{translate('app.measures.from_to', { from: f.date(record.startsOn), to: f.date(record.endsOn) })}</span>;
}
