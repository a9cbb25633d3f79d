import { addDuration, deadlineAfter, OFFICE_DAY_END } from '../calendar/business-days';
import { durationCode, parseDuration } from '../calendar/duration';
import { germanDateTime } from '../calendar/german-date';
import { startForm } from '../workflows/engine/consultation/forms';

// Deadlines as the office gives them, and when they end: a deadline in days at the end of the
// office day in Berlin, whatever the clock time of its start, in summer and in winter time.
// (Runs with the workflow tests: it needs no stack.)

const berlin = (local: string) => new Date(local);

describe('a duration as people write it', () => {
  it('reads the engine’s codes as before, and what a person writes', () => {
    expect(parseDuration('5bd')).toEqual({ businessDays: 5 });
    expect(parseDuration('2s')).toEqual({ ms: 2000 });
    expect(parseDuration('3d')).toEqual({ ms: 3 * 24 * 3_600_000 });
    expect(parseDuration('10 Arbeitstage')).toEqual({ businessDays: 10 });
    expect(parseDuration('1 Arbeitstag')).toEqual({ businessDays: 1 });
    expect(parseDuration('3 Kalendertage')).toEqual({ calendarDays: 3 });
    expect(parseDuration('3cd')).toEqual({ calendarDays: 3 });
    expect(parseDuration('4 Stunden')).toEqual({ ms: 4 * 3_600_000 });
    expect(parseDuration('10 working days')).toEqual({ businessDays: 10 });
    expect(parseDuration('15.12.2026')).toEqual({ until: '2026-12-15' });
    expect(parseDuration('2026-12-15')).toEqual({ until: '2026-12-15' });
    expect(parseDuration('31.02.2026')).toBeUndefined();
    expect(parseDuration('bald')).toBeUndefined();
  });

  it('writes the code the engine keeps', () => {
    expect(['10 Arbeitstage', '3 Kalendertage', '4 Stunden', '2s', '15.12.2026'].map((t) => durationCode(parseDuration(t)!))).toEqual([
      '10bd',
      '3cd',
      '4h',
      '2s',
      '2026-12-15',
    ]);
  });

  it('is taken by the consultation’s start form as text, as {amount, unit}, as a day or as a code, and kept as the code', () => {
    const base = { subject: 'Sprachkurse', question: 'Welche Kurse planen Sie?', departmentIds: ['7f0c6f3e-8a55-4d0e-9a4c-2b1d3e4f5a6b'] };
    const deadline = (value: unknown) => {
      const parsed = startForm.safeParse({ ...base, deadline: value });
      return parsed.success ? parsed.data.deadline : parsed.error.issues.map((i) => i.message).join(' ');
    };
    expect(deadline('10 Arbeitstage')).toBe('10bd');
    expect(deadline({ amount: 3, unit: 'calendar-days' })).toBe('3cd');
    expect(deadline({ amount: 4, unit: 'hours' })).toBe('4h');
    expect(deadline('5bd')).toBe('5bd');
    expect(deadline('2s')).toBe('2s');
    expect(deadline('2099-12-15')).toBe('2099-12-15');
    expect(deadline('15.12.2099')).toBe('2099-12-15');
    expect(deadline('01.01.2020')).toBe('Die Frist muss nach dem heutigen Tag liegen.');
    expect(deadline({ amount: 0, unit: 'business-days' })).toBe('Bitte geben Sie die Frist als ganze Zahl von 1 bis 365 an.');
    expect(deadline('10 Wochen')).toBe(
      'Bitte geben Sie die Frist als Zahl mit Einheit an, zum Beispiel 10 Arbeitstage, oder wählen Sie ein Datum.',
    );
  });
});

describe('a deadline in days', () => {
  it('ends at the end of the office day, never at the clock time of its start', () => {
    const due = deadlineAfter(berlin('2026-12-01T22:43:00+01:00'), '10 Arbeitstage');
    expect(due.toISOString()).toBe('2026-12-15T15:00:00.000Z');
    expect(germanDateTime(due)).toBe('Dienstag, 15. Dezember 2026, 16:00 Uhr');
    expect(OFFICE_DAY_END).toBe('16:00');
    expect(deadlineAfter(berlin('2026-12-01T07:05:00+01:00'), '10bd', '15:30').toISOString()).toBe('2026-12-15T14:30:00.000Z');
  });

  it('counts business days over the last Sunday of October, in winter time after it', () => {
    // Fri 23 Oct 2026 (summer time) + 3 business days: Mon 26, Tue 27, Wed 28 Oct (winter time since Sunday 25th).
    expect(deadlineAfter(berlin('2026-10-23T10:00:00+02:00'), '3 Arbeitstage').toISOString()).toBe('2026-10-28T15:00:00.000Z');
    // Sat 24 Oct 23:30 + 1 calendar day is Sunday 25th, not a business day: Monday 26th, 16:00 winter time.
    expect(deadlineAfter(berlin('2026-10-24T23:30:00+02:00'), '1 Kalendertag').toISOString()).toBe('2026-10-26T15:00:00.000Z');
  });

  it('counts by the calendar over the last Sunday of March, in summer time after it', () => {
    // Fri 27 Mar 2026 (winter time) + 1 business day: Mon 30 Mar, 16:00 summer time.
    expect(deadlineAfter(berlin('2026-03-27T10:00:00+01:00'), '1bd').toISOString()).toBe('2026-03-30T14:00:00.000Z');
    // Sat 28 Mar 23:30: a day of 23 hours follows; counted in days, Sunday 29th, and then the next business day.
    expect(deadlineAfter(berlin('2026-03-28T23:30:00+01:00'), '1 Kalendertag').toISOString()).toBe('2026-03-30T14:00:00.000Z');
    // Thu 26 Mar + 2 calendar days is Saturday 28th: Monday 30th (§ 31 Abs. 3 VwVfG).
    expect(deadlineAfter(berlin('2026-03-26T09:00:00+01:00'), '2cd').toISOString()).toBe('2026-03-30T14:00:00.000Z');
  });

  it('skips the public holidays of NRW', () => {
    // Wed 23 Dec 2026 + 2 business days: 24th, then 25th/26th holidays, 27th Sunday → Mon 28th.
    expect(deadlineAfter(berlin('2026-12-23T17:30:00+01:00'), '2bd').toISOString()).toBe('2026-12-28T15:00:00.000Z');
  });

  it('on a fixed day ends at that day’s office end', () => {
    expect(deadlineAfter(berlin('2026-03-20T08:00:00+01:00'), '2026-04-07').toISOString()).toBe('2026-04-07T14:00:00.000Z');
  });
});

describe('a deadline in hours or less', () => {
  it('is exact, also across the change of the clocks', () => {
    const start = berlin('2026-03-29T00:30:00+01:00');
    expect(deadlineAfter(start, '4 Stunden').getTime() - start.getTime()).toBe(4 * 3_600_000);
    expect(deadlineAfter(start, '2s').getTime() - start.getTime()).toBe(2000);
    expect(deadlineAfter(start, '5d').getTime() - start.getTime()).toBe(5 * 24 * 3_600_000);
  });
});

describe('a reminder', () => {
  it('keeps the clock time of the start (it is not a deadline)', () => {
    expect(addDuration(berlin('2026-11-27T09:00:00+01:00'), '1bd').toISOString()).toBe(berlin('2026-11-30T09:00:00+01:00').toISOString());
  });
});
