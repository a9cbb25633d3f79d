import { germanDateTime } from '../../calendar/german-date';
import type { AnswerField } from '../engine/consultation/forms';
import { languageOf } from '../organisations/languages';

// What people read of a campaign: the translators' request and its fields, the words that go with
// each mail, the organisations' report back. The German texts are the source the translators get.

/** What every mail says beside the information, translated with it: the translator gets it as a third text. */
export const LETTER_DE =
  'Guten Tag,\n\ndas Amt für Integration der Stadt Köln bittet Sie, die folgende Information in Ihrer Gemeinschaft weiterzugeben, ' +
  'etwa bei Ihren Treffen oder in Ihren Gruppen. Das Faltblatt zum Ausdrucken liegt dieser Mail bei. ' +
  'Bitte teilen Sie uns über den Link am Ende der Mail mit, wie viele Menschen Sie erreicht haben.\n\nVielen Dank!';

/** The answer fields of one language: the three texts, each in the language's direction. */
export const titleKey = (language: string) => `titel_${language}`;
export const textKey = (language: string) => `text_${language}`;
export const letterKey = (language: string) => `anschreiben_${language}`;

export function translationFields(language: string): AnswerField[] {
  const l = languageOf(language);
  const into = (what: string) => `Bitte übersetzen Sie ${what} ${l.into}.`;
  const marked = { lang: l.code, dir: l.dir, required: true } as const;
  return [
    { key: titleKey(language), label: `Titel (${l.name})`, type: 'text', hint: into('den Titel oben'), ...marked },
    { key: textKey(language), label: `Text (${l.name})`, type: 'text', lines: 12, hint: into('den Text oben'), ...marked },
    { key: letterKey(language), label: `Begleitworte der Mail (${l.name})`, type: 'text', lines: 5, hint: into('die Begleitworte oben'), ...marked },
  ];
}

/** What a translator is asked: the German source, and what the second reader said of the last round. */
export function translationQuestion(source: { title: string; text: string }, notes: { language: string; note: string }[]): string {
  const said = notes.map((n) => `\nZu Ihrer letzten Übersetzung ${languageOf(n.language).into} merkt die Prüfung an: ${n.note}\n`).join('');
  return (
    'Bitte übersetzen Sie die folgende Information in die Sprache, die auf der Antwortseite bei den Feldern genannt ist. ' +
    `Sie wird als Faltblatt gedruckt und über Organisationen in die Communities weitergegeben.\n${said}\n` +
    `Titel:\n${source.title}\n\nText:\n${source.text}\n\nBegleitworte der Mail:\n${LETTER_DE}`
  );
}

/** The organisations' report back, on the answer page. */
export const reportForm: AnswerField[] = [
  { key: 'erreicht', label: 'Mit wie vielen Menschen haben Sie die Information geteilt?', type: 'number', min: 0, max: 1_000_000, required: true, unit: 'Personen' },
  { key: 'anlass', label: 'Bei welcher Gelegenheit (Treffen, Veranstaltung, Gruppe)?', type: 'text', lines: 3, required: false },
];

export const reportQuestion = (title: string) =>
  `Sie haben vom Amt für Integration die Information „${title}“ mit einem Faltblatt erhalten. ` +
  'Bitte teilen Sie uns mit, mit wie vielen Menschen Sie sie geteilt haben und bei welcher Gelegenheit.';

/** Beneath the translated words and information: where to report back and how to stop the mails, in German as the office answers. */
export function mailFooter(links: { report: string; withdraw: string; advice: string }, deadlineAt: Date): string {
  return (
    '\n\n-- \nAmt für Integration der Stadt Köln\n\n' +
    `Rückmeldung bis ${germanDateTime(deadlineAt)}: ${links.report}\n` +
    `Beratung für Ihren Verein (Gründung, Satzung, Fördermittel): ${links.advice}\n` +
    `Keine Mails zu Informationskampagnen mehr erhalten: ${links.withdraw}`
  );
}

export const flyerFileName = (title: string, language: string) =>
  `Faltblatt ${title.replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 80).trim()} (${languageOf(language).name}).pdf`;
