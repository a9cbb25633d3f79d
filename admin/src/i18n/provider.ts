import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { shellCatalogues } from './catalogues';
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
  de: merged(...shellCatalogues.de, ...moduleMessages('de')) as TranslationMessages,
  en: merged(...shellCatalogues.en, ...moduleMessages('en')) as TranslationMessages,
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
