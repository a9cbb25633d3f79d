import { addBusinessDays, addDuration, isBusinessDay, subtractDuration } from '../calendar/business-days';
import { parseDuration } from '../calendar/duration';

// Deadlines count the working days of an office in North Rhine-Westphalia.

const at = (iso: string) => new Date(`${iso}T09:00:00+01:00`);

describe('business days in NRW', () => {
  it('skips weekends', () => {
    // Friday 2026-11-27 + 1 business day → Monday 2026-11-30
    expect(addBusinessDays(at('2026-11-27'), 1).toISOString()).toBe(at('2026-11-30').toISOString());
  });

  it('skips the public holidays of NRW, and not those of other states', () => {
    expect(isBusinessDay(new Date('2026-06-04T10:00:00+02:00'))).toBe(false); // Fronleichnam, a holiday in NRW
    expect(isBusinessDay(new Date('2026-11-01T10:00:00+01:00'))).toBe(false); // Allerheiligen (a Sunday anyway)
    expect(isBusinessDay(new Date('2026-10-31T10:00:00+01:00'))).toBe(false); // Saturday
    expect(isBusinessDay(new Date('2027-10-31T10:00:00+01:00'))).toBe(false); // Sunday
    expect(isBusinessDay(new Date('2026-11-18T10:00:00+01:00'))).toBe(true); // Buß- und Bettag: only Saxony
    // Wed 2026-12-23 + 2 business days: 24th is a working day, 25th/26th holidays, 27th Sunday → Mon 28th
    expect(addBusinessDays(at('2026-12-23'), 2).toISOString()).toBe(at('2026-12-28').toISOString());
  });

  it('counts back from a deadline over the same holidays', () => {
    // Two business days before Mon 2026-12-28: the 27th is a Sunday, 25th/26th holidays → Wed 23rd
    expect(subtractDuration(at('2026-12-28'), '2bd').toISOString()).toBe(at('2026-12-23').toISOString());
    expect(at('2026-11-25').getTime() - subtractDuration(at('2026-11-25'), '3s').getTime()).toBe(3000);
  });

  it('reads durations as people write them', () => {
    expect(parseDuration('5bd')).toEqual({ businessDays: 5 });
    expect(parseDuration('2s')).toEqual({ ms: 2000 });
    expect(parseDuration('bald')).toBeUndefined();
    expect(addDuration(at('2026-11-25'), '10m').getTime() - at('2026-11-25').getTime()).toBe(600_000);
  });
});
