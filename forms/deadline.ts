import { z } from 'zod';
import { amountAndUnit, calendarDay, durationCode, durationOf, durationUnits, MAX_AMOUNT, parseDuration, type DurationUnit } from '../calendar/duration';
import { berlinDay } from '../calendar/german-date';
import { field } from './field';
import { inFormLanguage, type Words } from './words';

const NOT_READ: Words = {
  de: 'Bitte geben Sie die Frist als Zahl mit Einheit an, zum Beispiel 10 Arbeitstage, oder wählen Sie ein Datum.',
  en: 'Please give the deadline as a number with a unit, for example 10 working days, or choose a date.',
};
const AMOUNT: Words = {
  de: `Bitte geben Sie die Frist als ganze Zahl von 1 bis ${MAX_AMOUNT} an.`,
  en: `Please give the deadline as a whole number from 1 to ${MAX_AMOUNT}.`,
};
const NO_DAY: Words = {
  de: 'Bitte geben Sie ein Datum ein, das es gibt, zum Beispiel 15.12.2026.',
  en: 'Please enter a date that exists, for example 15.12.2026.',
};
const AFTER_TODAY: Words = { de: 'Die Frist muss nach dem heutigen Tag liegen.', en: 'The deadline must be after today.' };

// The engine's own codes, as tests, settings and recorded procedures write them: "10bd", "3cd", "2s", "4h".
const CODE = /^\d+(\.\d+)?\s*[a-z]+$/i;
const LOOKS_LIKE_A_DAY = /^\d{1,4}[.-]\d{1,2}[.-]?\d*$/;

type DeadlineValue = string | { amount: number; unit: DurationUnit };

/** The deadline's code ("10bd", "3cd", "4h", "2026-12-15", or a code as it was sent), or what is wrong with it. */
function readDeadline(value: DeadlineValue): string | Words {
  const text = typeof value === 'string' ? value.trim() : '';
  const counted = typeof value === 'string' ? amountAndUnit(text) : value;
  if (counted) {
    const { amount, unit } = counted;
    return Number.isInteger(amount) && amount >= 1 && amount <= MAX_AMOUNT ? durationCode(durationOf(amount, unit)) : AMOUNT;
  }
  const day = calendarDay(text);
  if (day) return day > berlinDay(new Date()) ? day : AFTER_TODAY;
  if (LOOKS_LIKE_A_DAY.test(text)) return NO_DAY;
  const coded = CODE.test(text) ? parseDuration(text) : undefined;
  return coded && !('until' in coded) ? text : NOT_READ;
}

export const DEADLINE_CONTRACT =
  'eine Frist: eine Zahl mit Einheit als Objekt {amount: 1–365, unit: "business-days" | "calendar-days" | "hours"} ' +
  'oder als Text („10 Arbeitstage“, „3 Kalendertage“, „4 Stunden“), ein Tag nach heute („2026-12-15“ oder „15.12.2026“) ' +
  'oder ein Code („10bd“ Arbeitstage, „3cd“ Kalendertage, „4h“, „2s“); gespeichert wird der Code. Eine Frist in Tagen ' +
  'endet zum Dienstschluss (OFFICE_DAY_END, Standard 16:00 Uhr Europe/Berlin), ein Kalendertag an einem Wochenende ' +
  'oder Feiertag am nächsten Arbeitstag; Stunden und Sekunden gelten genau.';

/**
 * A deadline field: what the console's duration input sends ({amount, unit} or a day), what people
 * write ("10 Arbeitstage", "15.12.2026") and the engine's codes ("10bd", "2s"), each read into the
 * code the engine computes the deadline from (calendar/business-days.ts `deadlineAfter`).
 */
export function deadlineField(label: Words) {
  return field(
    label,
    z
      .union([z.string(), z.strictObject({ amount: z.number(), unit: z.enum(durationUnits) })])
      .transform((value, ctx) => {
        const read = readDeadline(value);
        if (typeof read === 'string') return read;
        ctx.addIssue({ code: 'custom', message: inFormLanguage(read), input: value });
        return z.NEVER;
      })
      .describe(DEADLINE_CONTRACT),
    NOT_READ,
  );
}
