import { useTranslate } from 'react-admin';

/** A duration in words: "45 Min.", "3,5 Std.", "2,1 Tage". */
export function useDuration() {
  const translate = useTranslate();
  return (ms: number | null, locale: string) => {
    if (ms === null) return '–';
    const tag = locale === 'en' ? 'en-GB' : 'de-DE';
    const n = (v: number) => v.toLocaleString(tag, { maximumFractionDigits: 1 });
    const minutes = ms / 60_000;
    if (minutes < 1) return translate('app.duration.seconds', { n: n(ms / 1000) });
    if (minutes < 60) return translate('app.duration.minutes', { n: n(minutes) });
    const hours = minutes / 60;
    if (hours < 48) return translate('app.duration.hours', { n: n(hours) });
    return translate('app.duration.days', { n: n(hours / 24) });
  };
}
