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

type Catalog = Record<string, unknown>;

/**
 * The shell's catalogues per language, react-admin's own first: the provider merges them with the
 * modules', and the catalogue test reads this same list, so a new part cannot be left out of either.
 */
export const shellCatalogues: { de: Catalog[]; en: Catalog[] } = {
  de: [raGerman, de, deExtensions, deOversight, deNotes],
  en: [englishMessages, en, enExtensions, enOversight, enNotes],
};
