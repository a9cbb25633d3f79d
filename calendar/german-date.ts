const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'full', timeStyle: 'short' });

/** "Freitag, 13. März 2026 um 10:15": how the office writes a deadline. */
export function germanDateTime(date: Date): string {
  return berlin.format(date);
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });

/** 23:59 in Berlin on a calendar day: a deadline "bis 31.03.2027" ends with that day. */
export function berlinEndOfDay(year: number, month: number, day: number): Date {
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(offsetFormat.format(noon))?.[1] ?? '+01:00';
  const pad = (n: number) => String(n).padStart(2, '0');
  return new Date(`${year}-${pad(month)}-${pad(day)}T23:59:00${offset}`);
}
