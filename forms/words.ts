// What a form says, in the console's two languages: German (the API's, the answer page's, the
// default everywhere) and English for the English console. The language is chosen once per
// process, like zod's own locale: the API and the workers never change it; the console follows its
// language menu.

export interface Words {
  de: string;
  en: string;
}

export type FormLanguage = 'de' | 'en';

let language: FormLanguage = 'de';

export function setFormLanguage(next: FormLanguage): void {
  language = next;
}

export function inFormLanguage(words: Words): string {
  return words[language];
}

/** A number as the sentence's language writes it (1.000 in German, 1,000 in English). */
export function formNumber(n: number | bigint): string {
  return Number(n).toLocaleString(language === 'en' ? 'en-GB' : 'de-DE');
}

/**
 * A field's own message in both languages, as zod takes it for a check or a refinement
 * (`.min(3, says(…))`, `.refine(fn, { path, ...says(…) })`): said in the language of the moment the
 * problem is found, so the English console shows the English twin of the API's German sentence.
 * It speaks of a value that is there: a field left empty says so instead (its `field` label's
 * "missing" sentence).
 */
export function says(de: string, en: string): { error: (issue: { input?: unknown }) => string | undefined } {
  return { error: (issue) => (issue.input === '' || issue.input === undefined || issue.input === null ? undefined : inFormLanguage({ de, en })) };
}
