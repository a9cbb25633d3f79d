import EventIcon from '@mui/icons-material/Event';
import { Box, IconButton, InputAdornment, TextField } from '@mui/material';
import { useRef, useState, type ReactNode } from 'react';
import { FieldTitle, InputHelperText, useInput, useTranslate } from 'react-admin';
import { calendarDay, durationUnits, parseDuration, type DurationUnit } from '../../../calendar/duration';

// Durations and deadlines as people give them, in every start and task form that has one: a number
// with a unit (Arbeitstage, Kalendertage, Stunden), or a fixed day typed as TT.MM.JJJJ or picked
// from the browser's calendar. The form's schema (forms/deadline.ts, the API's own) reads what they
// hold: {amount, unit}, or the day as 2026-12-15.

/** "15.12.2026" for a day (or a moment) the schema holds as ISO; anything else as it is. */
function germanDay(value: unknown): string {
  if (typeof value !== 'string') return '';
  const day = calendarDay(value.slice(0, 10));
  return day ? `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}` : value;
}

/** What a typed day becomes for the schema: ISO where it is a day, else the text (the schema says what is wrong). */
function isoDay(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : (calendarDay(trimmed) ?? trimmed);
}

interface DayFieldProps {
  id: string;
  label: ReactNode;
  text: string;
  onText(text: string): void;
  onBlur?(): void;
  invalid: boolean;
  helperText: ReactNode;
}

/** A day as TT.MM.JJJJ: typed, or picked from the browser's own calendar behind the button. */
function DayField({ id, label, text, onText, onBlur, invalid, helperText }: DayFieldProps) {
  const translate = useTranslate();
  const picker = useRef<HTMLInputElement>(null);
  const openPicker = () => {
    const input = picker.current;
    if (!input) return;
    input.value = calendarDay(text.trim()) ?? '';
    if (typeof input.showPicker === 'function') input.showPicker();
    else input.click();
  };
  return (
    <TextField
      id={id}
      label={label}
      value={text}
      onChange={(e) => onText(e.target.value)}
      onBlur={onBlur}
      error={invalid}
      helperText={helperText}
      placeholder={translate('app.duration.day_placeholder')}
      fullWidth={false}
      sx={{ width: 320 }}
      slotProps={{
        htmlInput: { inputMode: 'numeric', autoComplete: 'off' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton aria-label={translate('app.duration.open_calendar')} onClick={openPicker} edge="end" size="small">
                <EventIcon fontSize="small" />
              </IconButton>
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden="true"
                onChange={(e) => e.target.value && onText(germanDay(e.target.value))}
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none', right: 0, bottom: 0 }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

interface InputProps {
  source: string;
  label: string;
  helperText?: string;
  /** Marks the label as required (the schema says so anyway). */
  isRequired?: boolean;
}

/** A fixed day of a task form (a funder's date), German format; the schema gets 2026-12-15. */
export function GermanDateInput({ source, label, helperText, isRequired: required }: InputProps) {
  const { id, field, fieldState, isRequired } = useInput({ source });
  const [text, setText] = useState(() => germanDay(field.value));
  return (
    <DayField
      id={id}
      label={<FieldTitle label={label} source={source} isRequired={isRequired || required} />}
      text={text}
      onText={(next) => {
        setText(next);
        field.onChange(isoDay(next));
      }}
      onBlur={field.onBlur}
      invalid={fieldState.invalid}
      helperText={<InputHelperText error={fieldState.error?.message} helperText={helperText} />}
    />
  );
}

type Unit = DurationUnit | 'day';

/** What the field holds when the form opens: a number and its unit, or a day. */
function initial(value: unknown): { amount: string; unit: Unit; day: string } {
  const empty = { amount: '', unit: 'business-days' as Unit, day: '' };
  if (value && typeof value === 'object' && 'amount' in value && 'unit' in value) {
    return { ...empty, amount: String(value.amount), unit: value.unit as DurationUnit };
  }
  if (typeof value !== 'string' || value === '') return empty;
  const parsed = parseDuration(value);
  if (!parsed) return empty;
  if ('until' in parsed) return { ...empty, unit: 'day', day: germanDay(parsed.until) };
  if ('businessDays' in parsed) return { ...empty, amount: String(parsed.businessDays) };
  if ('calendarDays' in parsed) return { ...empty, amount: String(parsed.calendarDays), unit: 'calendar-days' };
  return { ...empty, amount: String(parsed.ms / 3_600_000), unit: 'hours' };
}

/**
 * A duration or deadline: a number with a unit, or (unit "bis zum Datum") a day. Left empty, the
 * field is absent and the procedure's usual time applies.
 */
export function DurationInput({ source, label, helperText, isRequired: required }: InputProps) {
  const translate = useTranslate();
  const { id, field, fieldState, isRequired } = useInput({ source });
  const [state, setState] = useState(() => initial(field.value));

  function change(next: Partial<typeof state>) {
    const s = { ...state, ...next };
    setState(s);
    if (s.unit === 'day') field.onChange(isoDay(s.day));
    else field.onChange(s.amount.trim() === '' ? undefined : { amount: Number(s.amount), unit: s.unit });
  }

  const title = <FieldTitle label={label} source={source} isRequired={isRequired || required} />;
  const helper = <InputHelperText error={fieldState.error?.message} helperText={helperText} />;
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      {state.unit === 'day' ? (
        <DayField
          id={id}
          label={title}
          text={state.day}
          onText={(day) => change({ day })}
          onBlur={field.onBlur}
          invalid={fieldState.invalid}
          helperText={helper}
        />
      ) : (
        <TextField
          id={id}
          label={title}
          type="number"
          value={state.amount}
          onChange={(e) => change({ amount: e.target.value })}
          onBlur={field.onBlur}
          error={fieldState.invalid}
          helperText={helper}
          slotProps={{ htmlInput: { min: 1, max: 365, step: 1, inputMode: 'numeric' } }}
          fullWidth={false}
          sx={{ width: 320 }}
        />
      )}
      <TextField
        id={`${id}-unit`}
        select
        label={translate('app.duration.unit')}
        value={state.unit}
        onChange={(e) => change({ unit: e.target.value as Unit })}
        slotProps={{ select: { native: true } }}
        fullWidth={false}
        sx={{ width: 220 }}
      >
        {[...durationUnits, 'day' as const].map((u) => (
          <option key={u} value={u}>
            {translate(`app.duration.unit_${u.replace('-', '_')}`)}
          </option>
        ))}
      </TextField>
    </Box>
  );
}
