import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

const DUE_SOON_MS = 2 * 24 * 60 * 60 * 1000;

export type Urgency = 'overdue' | 'soon' | 'later' | 'none';

export function urgencyOf(dueAt: string | null | undefined, status?: string, now = Date.now()): Urgency {
  if (!dueAt || status === 'completed' || status === 'cancelled') return 'none';
  const due = new Date(dueAt).getTime();
  if (due < now) return 'overdue';
  return due - now < DUE_SOON_MS ? 'soon' : 'later';
}

export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '–';
  return new Date(value).toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The due date with a visible mark: overdue in red, due within two days in amber (words, not colour alone). */
export function DueMark({ dueAt, status }: { dueAt?: string | null; status?: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext<{ dueAt: string | null; status: string }>();
  const due = dueAt ?? record?.dueAt;
  const urgency = urgencyOf(due, status ?? record?.status);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(due, locale)}
      {urgency === 'overdue' && (
        <Chip size="small" color="error" label={translate('app.task.overdue')} sx={{ ml: 1 }} data-urgency="overdue" />
      )}
      {urgency === 'soon' && (
        <Chip size="small" color="warning" label={translate('app.task.due_soon')} sx={{ ml: 1 }} data-urgency="soon" />
      )}
    </span>
  );
}

export function PriorityField() {
  const translate = useTranslate();
  const record = useRecordContext<{ priority: number }>();
  if (!record) return null;
  return <span>{translate(`app.task.priority_${record.priority}`, { _: String(record.priority) })}</span>;
}
