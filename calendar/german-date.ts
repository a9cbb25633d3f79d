const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'full', timeStyle: 'short' });

/** "Freitag, 13. März 2026 um 10:15": how the office writes a deadline. */
export function germanDateTime(date: Date): string {
  return berlin.format(date);
}
