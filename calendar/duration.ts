import ms from 'ms';
import { z } from 'zod';

/**
 * A waiting time or a deadline as the office speaks of it:
 * - business days, "10bd" or "10 Arbeitstage" (weekends and NRW holidays skipped),
 * - calendar days, "3cd" or "3 Kalendertage",
 * - a fixed day, "2026-12-15" or "15.12.2026",
 * all three ending at the office day's end when they are a deadline (calendar/business-days.ts);
 * - wall-clock time, "4 Stunden" or anything `ms` understands ("4h", "2s", "10m", "3d"), exact to
 *   the millisecond, which is also what tests use to stand in for days.
 */
export type Duration = { businessDays: number } | { calendarDays: number } | { until: string } | { ms: number };

/** The units a person picks beside a number (the console's duration input, the API's {amount, unit}). */
export const durationUnits = ['business-days', 'calendar-days', 'hours'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** The most a deadline counts in any unit: a year of days, or as many hours. */
export const MAX_AMOUNT = 365;

const CODE = /^(\d+)\s*(bd|cd)$/i;
const PHRASE = /^(\d+)\s+(\p{L}+(?:\s+\p{L}+)?)\.?$/u;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

// The words people write after the number, German first; English for the English console and API clients.
const UNIT_WORDS: Record<DurationUnit, RegExp> = {
  'business-days': /^(arbeitstage?n?|werktage?n?|business\s+days?|working\s+days?)$/i,
  'calendar-days': /^(kalendertage?n?|tage?n?|calendar\s+days?)$/i,
  hours: /^(stunden?|std|hours?)$/i,
};

/** A duration of `amount` in `unit`. */
export function durationOf(amount: number, unit: DurationUnit): Duration {
  if (unit === 'business-days') return { businessDays: amount };
  if (unit === 'calendar-days') return { calendarDays: amount };
  return { ms: amount * 3_600_000 };
}

/** "2026-12-15" when the text names a day of the calendar (ISO or German), else undefined. */
export function calendarDay(text: string): string | undefined {
  const iso = ISO_DAY.exec(text);
  const german = GERMAN_DAY.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : [];
  if (!year || !month || !day) return undefined;
  const pad = (v: string) => v.padStart(2, '0');
  const candidate = `${year}-${pad(month)}-${pad(day)}`;
  // 31.02. does not exist: the Date rolls over, and the text no longer matches.
  const date = new Date(`${candidate}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === candidate ? candidate : undefined;
}

/** "10 Arbeitstage" → 10 business days: a number and the word of a unit, as a person writes it. */
export function amountAndUnit(text: string): { amount: number; unit: DurationUnit } | undefined {
  const phrase = PHRASE.exec(text.trim());
  const unit = phrase && durationUnits.find((u) => UNIT_WORDS[u].test(phrase[2] ?? ''));
  return phrase && unit ? { amount: Number(phrase[1]), unit } : undefined;
}

export function parseDuration(text: string): Duration | undefined {
  const t = text.trim();
  const code = CODE.exec(t);
  if (code) return code[2]?.toLowerCase() === 'bd' ? { businessDays: Number(code[1]) } : { calendarDays: Number(code[1]) };
  const phrase = amountAndUnit(t);
  if (phrase) return durationOf(phrase.amount, phrase.unit);
  const day = calendarDay(t);
  if (day) return { until: day };
  const value = ms(t as ms.StringValue);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? { ms: value } : undefined;
}

/** The duration's code, as the engine passes it on: "10bd", "3cd", "2026-12-15", "4h", "2s". */
export function durationCode(d: Duration): string {
  if ('businessDays' in d) return `${d.businessDays}bd`;
  if ('calendarDays' in d) return `${d.calendarDays}cd`;
  if ('until' in d) return d.until;
  if (d.ms > 0 && d.ms % 3_600_000 === 0) return `${d.ms / 3_600_000}h`;
  if (d.ms > 0 && d.ms % 1000 === 0) return `${d.ms / 1000}s`;
  return `${d.ms}ms`;
}

/** A waiting time counted from a moment (a configured reminder, a warning before a deadline): not a fixed day. */
export const durationSchema = z.string().refine((v) => {
  const d = parseDuration(v);
  return d !== undefined && !('until' in d);
}, {
  message: 'expected a duration such as "5bd" or "10 Arbeitstage" (business days), "3cd" (calendar days), "4h", "2s" or "10m"',
});
