import Holidays from 'date-holidays';
import { parseDuration, type Duration } from './duration';

// Public holidays of North Rhine-Westphalia; the office's deadlines are counted in its calendar.
const holidays = new Holidays('DE', 'NW', { types: ['public'] });
const TIME_ZONE = 'Europe/Berlin';

function berlinDay(date: Date): { iso: string; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { iso: `${get('year')}-${get('month')}-${get('day')}`, weekday };
}

export function isBusinessDay(date: Date): boolean {
  const { weekday } = berlinDay(date);
  if (weekday === 0 || weekday === 6) return false;
  const found = holidays.isHoliday(date);
  return !(Array.isArray(found) && found.some((h) => h.type === 'public'));
}

/** The same time of day, `days` business days later (a deadline set on a Friday for 1 day is Monday). */
export function addBusinessDays(from: Date, days: number): Date {
  const result = new Date(from);
  let left = days;
  while (left > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    if (isBusinessDay(result)) left -= 1;
  }
  return result;
}

export function addDuration(from: Date, duration: Duration | string): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!d) throw new Error(`not a duration: ${String(duration)}`);
  return 'businessDays' in d ? addBusinessDays(from, d.businessDays) : new Date(from.getTime() + d.ms);
}
