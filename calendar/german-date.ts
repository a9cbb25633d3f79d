const TIME_ZONE = 'Europe/Berlin';
const berlinDate = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, dateStyle: 'full' });
const berlinClock = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Dienstag, 15. Dezember 2026, 16:00 Uhr": how the office writes a deadline in mails and on pages. */
export function germanDateTime(date: Date): string {
  return `${berlinDate.format(date)}, ${berlinClock.format(date)} Uhr`;
}

// en-CA writes the day as ISO does (2026-12-15).
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day ("2026-12-15") a Berlin clock shows at this moment. */
export function berlinDay(date: Date): string {
  const parts = dayFormat.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/**
 * The moment a Berlin clock shows `clock` ("16:00") on a calendar day ("2026-12-15"), in summer
 * or winter time as that day has it (the clocks change at night, so noon's offset is the day's).
 */
export function berlinMoment(day: string, clock: string): Date {
  const noon = new Date(`${day}T12:00:00Z`);
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(offsetFormat.format(noon))?.[1] ?? '+01:00';
  const [hours = '0', minutes = '0'] = clock.split(':');
  return new Date(`${day}T${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}:00${offset}`);
}

/** 23:59 in Berlin on a calendar day: a deadline "bis 31.03.2027" ends with that day. */
export function berlinEndOfDay(year: number, month: number, day: number): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  return berlinMoment(`${year}-${pad(month)}-${pad(day)}`, '23:59');
}
