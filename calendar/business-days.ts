import Holidays from 'date-holidays';
import { parseDuration, type Duration } from './duration';
import { berlinDay, berlinMoment } from './german-date';

// Public holidays of North Rhine-Westphalia; the office's deadlines are counted in its calendar.
const holidays = new Holidays('DE', 'NW', { types: ['public'] });

/** When the office day ends unless configured otherwise (OFFICE_DAY_END): a deadline in days ends then. */
export const OFFICE_DAY_END = '16:00';

/** The calendar day `step` days after (or before) `day`: counted in days, not in 24-hour steps across a change of the clocks. */
function dayAfter(day: string, step: number): string {
  const noon = new Date(`${day}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() + step);
  return noon.toISOString().slice(0, 10);
}

// Holidays of a calendar day do not change while the process runs.
const holidayByDay = new Map<string, boolean>();

function isWorkingDay(day: string): boolean {
  const noon = new Date(`${day}T12:00:00Z`);
  const weekday = noon.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  let holiday = holidayByDay.get(day);
  if (holiday === undefined) {
    const found = holidays.isHoliday(noon);
    holiday = Array.isArray(found) && found.some((h) => h.type === 'public');
    holidayByDay.set(day, holiday);
  }
  return !holiday;
}

export function isBusinessDay(date: Date): boolean {
  return isWorkingDay(berlinDay(date));
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

function durationFrom(duration: Duration | string): Duration {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!d) throw new Error(`not a duration: ${String(duration)}`);
  return d;
}

/**
 * The moment `duration` after (or before) `from` at the same time of day: when to remind or warn.
 * A fixed day is that day's office end.
 */
export function addDuration(from: Date, duration: Duration | string, direction: 1 | -1 = 1): Date {
  const d = durationFrom(duration);
  if ('ms' in d) return new Date(from.getTime() + direction * d.ms);
  if ('businessDays' in d) return addBusinessDays(from, direction * d.businessDays);
  if ('until' in d) return berlinMoment(d.until, OFFICE_DAY_END);
  const result = new Date(from);
  result.setUTCDate(result.getUTCDate() + direction * d.calendarDays);
  return result;
}

/** The moment `duration` before `to`: when to warn ahead of a deadline. */
export function subtractDuration(to: Date, duration: Duration | string): Date {
  return addDuration(to, duration, -1);
}

/**
 * When a deadline of `duration` from `from` ends. Days end at the office day's end (`officeDayEnd`,
 * Berlin time), never at the clock time of the start: "10 Arbeitstage" from a request sent at 22:43
 * ends at 16:00 on the tenth business day after. Calendar days whose last day is a weekend or a
 * holiday end on the next business day (§ 31 Abs. 3 VwVfG). Hours and shorter are exact (tests
 * stand in for days with seconds).
 */
export function deadlineAfter(from: Date, duration: Duration | string, officeDayEnd: string = OFFICE_DAY_END): Date {
  const d = durationFrom(duration);
  if ('ms' in d) return new Date(from.getTime() + d.ms);
  if ('until' in d) return berlinMoment(d.until, officeDayEnd);
  let day = berlinDay(from);
  if ('businessDays' in d) {
    for (let left = d.businessDays; left > 0; ) {
      day = dayAfter(day, 1);
      if (isWorkingDay(day)) left -= 1;
    }
  } else {
    day = dayAfter(day, d.calendarDays);
  }
  while (!isWorkingDay(day)) day = dayAfter(day, 1);
  return berlinMoment(day, officeDayEnd);
}
