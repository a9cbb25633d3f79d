import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';
import { raGerman } from './ra-de';
import { de } from './de';
import { deExtensions } from './de-extensions';
import { deNotes } from './de-notes';
import { deOversight } from './de-oversight';
import { en } from './en';
import { enExtensions } from './en-extensions';
import { enNotes } from './en-notes';
import { enOversight } from './en-oversight';
import { moduleMessages } from '../modules';

type Catalog = Record<string, unknown>;

/** Nested message objects joined key by key (resources.*, app.procedure_types, …). */
function merged(...parts: Catalog[]): Catalog {
  const out: Catalog = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const before = out[key];
      out[key] =
        before && typeof before === 'object' && value && typeof value === 'object' ? merged(before as Catalog, value as Catalog) : value;
    }
  }
  return out;
}

const catalogs = {
  de: merged(raGerman, de, deExtensions, deOversight, deNotes, ...moduleMessages('de')) as TranslationMessages,
  en: merged(englishMessages, en, enExtensions, enOversight, enNotes, ...moduleMessages('en')) as TranslationMessages,
};

/** German first (react-admin keeps the chosen locale in its store); English for colleagues who prefer it (react-admin's locale menu in the app bar). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? catalogs.en : catalogs.de),
  'de',
  [
    { locale: 'de', name: 'Deutsch' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
