import Holidays from 'date-holidays';
import { parseDuration, type Duration } from './duration';

// Public holidays of North Rhine-Westphalia; the office's deadlines are counted in its calendar.
const holidays = new Holidays('DE', 'NW', { types: ['public'] });
const TIME_ZONE = 'Europe/Berlin';

// Built once: constructing an Intl formatter costs about a millisecond, and a deadline asks dozens of days.
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
});
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function berlinDay(date: Date): { iso: string; weekday: number } {
  const parts = dayFormat.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { iso: `${get('year')}-${get('month')}-${get('day')}`, weekday: WEEKDAYS.indexOf(get('weekday')) };
}

// Holidays of a calendar day do not change while the process runs.
const holidayByDay = new Map<string, boolean>();

export function isBusinessDay(date: Date): boolean {
  const { iso, weekday } = berlinDay(date);
  if (weekday === 0 || weekday === 6) return false;
  let holiday = holidayByDay.get(iso);
  if (holiday === undefined) {
    const found = holidays.isHoliday(date);
    holiday = Array.isArray(found) && found.some((h) => h.type === 'public');
    holidayByDay.set(iso, holiday);
  }
  return !holiday;
}

/**
 * The same time of day, `days` business days later (a deadline set on a Friday for 1 day is Monday);
 * a negative count goes back (a warning ten business days before a deadline).
 */
export function addBusinessDays(from: Date, days: number): Date {
  const result = new Date(from);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  while (left > 0) {
    result.setUTCDate(result.getUTCDate() + step);
    if (isBusinessDay(result)) left -= 1;
  }
  return result;
}

export function addDuration(from: Date, duration: Duration | string, direction: 1 | -1 = 1): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!d) throw new Error(`not a duration: ${String(duration)}`);
  return 'businessDays' in d
    ? addBusinessDays(from, direction * d.businessDays)
    : new Date(from.getTime() + direction * d.ms);
}

/** The moment `duration` before `to`: when to warn ahead of a deadline. */
export function subtractDuration(to: Date, duration: Duration | string): Date {
  return addDuration(to, duration, -1);
}
