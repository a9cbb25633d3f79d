import type { FundingCallView } from './activities';
import type { AnswerField } from '../engine/consultation/forms';

// German texts of the review, kept out of the workflow's control flow.

const euroFormat = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' });

export function euro(amount: number): string {
  return euroFormat.format(amount);
}

/** What the departments are asked: the standard three questions plus the office's own. */
export function consultationQuestion(call: FundingCallView, deadlineAt: number | null, extra: string | undefined): string {
  const lines = [
    `Das Amt für Integration prüft den Förderaufruf „${call.title}“ (${call.funder}).`,
    call.summary ? `\n${call.summary}` : '',
    '',
    call.budget !== null ? `Fördervolumen: ${euro(call.budget)}` : '',
    call.cofinancingShare !== null ? `Eigenanteil: ${call.cofinancingShare} %` : '',
    deadlineAt !== null ? `Einreichungsfrist: ${dateFormat.format(new Date(deadlineAt))}` : '',
    `Ausschreibung: ${call.link}`,
    '',
    'Bitte schätzen Sie ein: Welchen Nutzen hätte ein Antrag für Ihre Dienststelle? Ist die Umsetzung machbar? ' +
      'Könnten Sie sich an der Kofinanzierung beteiligen, und in welcher Höhe?',
    extra ? `\n${extra}` : '',
  ];
  return lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n').trim();
}

/** The structured part of the answer page; a reply by mail answers in free text instead. */
export const fundingAnswerForm: AnswerField[] = [
  { key: 'nutzen', label: 'Nutzen für Ihre Dienststelle', type: 'text', required: false },
  { key: 'machbarkeit', label: 'Machbarkeit der Umsetzung', type: 'text', required: false },
  { key: 'kofinanzierung', label: 'Möglicher Beitrag zur Kofinanzierung', type: 'number', required: false, unit: 'EUR', min: 0 },
];

/** The knowledge base's text of a closed review: the call and the reasoning of each step. */
export function archiveBody(call: FundingCallView, notes: string[]): string {
  return [`${call.funder}: ${call.title}`, call.summary, call.link, ...notes].filter((l) => l !== '').join('\n\n');
}
