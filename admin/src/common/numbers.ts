import { useLocaleState } from 'react-admin';

/** Numbers, money and dates in the console's language (German: 1.234,5 · 12.03.2026). */
export function useFormats() {
  const [locale] = useLocaleState();
  const tag = locale === 'en' ? 'en-GB' : 'de-DE';
  return {
    number: (n: number | null | undefined, digits = 2) => (n === null || n === undefined ? '–' : n.toLocaleString(tag, { maximumFractionDigits: digits })),
    euro: (n: number | null | undefined) =>
      n === null || n === undefined ? '–' : n.toLocaleString(tag, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
    date: (d: string | number | Date | null | undefined) => (d === null || d === undefined ? '–' : new Date(d).toLocaleDateString(tag, { dateStyle: 'medium' })),
    /** "Donnerstag, 10. Dezember 2026 um 10:00": an appointment, in the browser's time zone. */
    dateTime: (d: string | number | Date | null | undefined) =>
      d === null || d === undefined ? '–' : new Date(d).toLocaleString(tag, { dateStyle: 'full', timeStyle: 'short' }),
  };
}
