import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { raGerman } from './ra-de';
import { de } from './de';
import { en } from './en';

const catalogs = {
  de: { ...raGerman, ...de },
  en: { ...englishMessages, ...en },
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
