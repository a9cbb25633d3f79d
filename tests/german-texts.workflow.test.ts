import { autoReply, type AutoReplyFacts } from '../answers/auto-replies';
import { answerFormPage } from '../answers/page-html';
import { alreadyAnsweredPage, expiredPage, thankYouPage, withdrawnPage } from '../answers/status-pages';
import { cityDepartments } from '../db/seed-departments';
import { accusative, deriveNameForms, genitive, withPreposition, type GrammaticalGender, type NameForms } from '../grammar/german';
import {
  answeredLabel,
  attachmentsDroppedLabel,
  followUpLabel,
  noAnswerLabel,
  rejectedLabel,
  requestMail,
  requestSentLabel,
} from '../workflows/engine/consultation/texts';

// Every text that names a department, rendered with every department of the seed (and one of each
// gender the seed lacks), checked for the forms German requires: no "des Jugendamt", no "Antwort
// von Jugendamt", no "an das Volkshochschule". (Runs with the workflow tests: it needs no stack.)

const others: NameForms[] = [
  { name: 'Integrationsrat', ...deriveNameForms('Integrationsrat') },
  { name: 'Stadtwerke', ...deriveNameForms('Stadtwerke') },
  { name: 'Kommunales Integrationszentrum', ...deriveNameForms('Kommunales Integrationszentrum') },
];
const all: NameForms[] = [...cityDepartments, ...others];

const contact = { name: 'Anna Schmidt', email: 'anna.schmidt@amtsflow.localhost' };
const subject = 'Förderaufruf: ESF Plus 2027';
const deadlineAt = new Date('2027-03-12T10:00:00Z');

/** Each template with the phrase it must contain for department d (the case its sentence asks for). */
function rendered(d: NameForms): { template: string; text: string; expected: string[] }[] {
  const mail = (kind: 'request' | 'reminder' | 'escalation') =>
    requestMail({ department: d, subject, question: 'Welchen Nutzen hätte ein Antrag?', deadlineAt, link: 'https://amtsflow.test/answer/x', fields: [], kind });
  const reply = (kind: AutoReplyFacts['kind']) =>
    autoReply({ kind, department: d, subject, mailSubject: null, answeredAt: deadlineAt, deadlineAt, mailSize: 30_000_000, contact }).text;
  return [
    { template: 'mail: request', text: mail('request').text, expected: [`bittet ${accusative(d)} um eine Antwort`] },
    { template: 'mail: reminder', text: mail('reminder').text, expected: [`unsere Anfrage an ${accusative(d)}`] },
    { template: 'mail: escalation', text: mail('escalation').text, expected: [`unsere Anfrage an ${accusative(d)}`, `Als Leitung ${genitive(d)}`] },
    ...(['already_answered', 'expired', 'withdrawn', 'empty', 'too_large', 'unreadable'] as const).map((kind) => ({
      template: `mail: automatic answer (${kind})`,
      text: reply(kind),
      expected: [`an ${accusative(d)}`],
    })),
    {
      template: 'page: answer form',
      text: answerFormPage({ department: d, subject, question: 'Welchen Nutzen?', deadlineAt, fields: [], values: { text: '', fields: {} }, errors: {} }),
      expected: [`bittet ${accusative(d)} um eine Antwort`],
    },
    { template: 'page: thank you', text: thankYouPage({ department: d, subject, attachments: 1 }), expected: [`Die Antwort ${genitive(d)} zur Anfrage`] },
    { template: 'page: already answered', text: alreadyAnsweredPage({ department: d, subject, answeredAt: deadlineAt, contact }), expected: [`an ${accusative(d)} liegt`] },
    { template: 'page: expired', text: expiredPage({ department: d, subject, deadlineAt, contact }), expected: [`an ${accusative(d)} endete`] },
    { template: 'page: withdrawn', text: withdrawnPage({ department: d, subject, contact }), expected: [`an ${accusative(d)} beendet`] },
    { template: 'step: request sent', text: requestSentLabel(d), expected: [`Anfrage an ${accusative(d)} versandt`] },
    { template: 'step: reminder', text: followUpLabel('reminder', d), expected: [`Erinnerung an ${accusative(d)}`] },
    { template: 'step: escalation', text: followUpLabel('escalation', d), expected: [`Leitung ${genitive(d)}`] },
    { template: 'step: no answer', text: noAnswerLabel(d), expected: [`Keine Antwort ${withPreposition('von', d)}`] },
    { template: 'step: answered', text: answeredLabel(d, 'mail', false), expected: [`Antwort ${genitive(d)} (Mail)`] },
    { template: 'step: answered late', text: answeredLabel(d, 'page', true), expected: [`Verspätete Antwort ${genitive(d)} (Antwortseite)`] },
    { template: 'step: answer rejected', text: rejectedLabel(d, 'mail', 'Mail zu groß'), expected: [`Antwort ${genitive(d)} per Mail abgewiesen`] },
    { template: 'step: attachments dropped', text: attachmentsDroppedLabel(d, 'a.exe'), expected: [`Mail-Antwort ${genitive(d)} nicht`] },
  ];
}

/** The text as a reader sees it: without tags, entities decoded, white space single. */
function readable(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

// What may stand right before each form of the name, by gender: its articles, and the contractions.
const BEFORE: Record<GrammaticalGender, { accusative: string[]; dative: string[]; genitive: string[] }> = {
  masculine: { accusative: ['den'], dative: ['dem', 'vom', 'zum', 'beim'], genitive: ['des'] },
  feminine: { accusative: ['die'], dative: ['der', 'zur'], genitive: ['der'] },
  neuter: { accusative: ['das'], dative: ['dem', 'vom', 'zum', 'beim'], genitive: ['des'] },
  plural: { accusative: ['die'], dative: ['den'], genitive: ['der'] },
};
const ARTICLE_OR_PREPOSITION = /^(der|die|das|den|dem|des|vom|zum|zur|beim|von|an|bei|zu|für|aus|mit|nach)$/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every place the text names d after an article or a preposition, with what stands before it,
 * that German does not allow: "des Jugendamt" (bare name in the genitive), "von Jugendamt" (no
 * article), "das Volkshochschule" (the wrong gender's article). A name alone ("Dienststelle: Jugendamt") is fine.
 */
function wrongForms(text: string, d: NameForms): string[] {
  const allowed = new Map<string, Set<string>>();
  const allow = (form: string, words: string[]) => {
    const set = allowed.get(form) ?? new Set<string>();
    for (const w of words) set.add(w.toLowerCase());
    allowed.set(form, set);
  };
  const before = BEFORE[d.grammaticalGender];
  allow(d.nameAccusative, before.accusative);
  allow(d.nameDative, before.dative);
  allow(d.nameGenitive, before.genitive);
  // The name as listed, after its nominative article ("der Integrationsrat", "das Jugendamt").
  allow(d.name, [{ masculine: 'der', feminine: 'die', neuter: 'das', plural: 'die' }[d.grammaticalGender]]);
  const problems: string[] = [];
  // Longest first, so that "Jugendamts" is read as itself and not as "Jugendamt" + "s".
  const forms = [...new Set([d.name, d.nameAccusative, d.nameDative, d.nameGenitive])].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(\\S+) (${forms.map(escape).join('|')})(?![\\p{L}])`, 'gu');
  for (const m of readable(text).matchAll(pattern)) {
    const [phrase, word, form] = m as unknown as [string, string, string];
    const plain = word.replace(/^[„"(]/, '');
    if (!ARTICLE_OR_PREPOSITION.test(plain)) continue;
    if (!allowed.get(form)?.has(plain.toLowerCase())) problems.push(phrase);
  }
  return problems;
}

describe('German texts name every department in its case', () => {
  describe.each(all.map((d) => [d.name, d] as const))('%s', (_name, d) => {
    it.each(rendered(d).map((r) => [r.template, r] as const))('%s', (_template, r) => {
      expect(wrongForms(r.text, d)).toEqual([]);
      for (const phrase of r.expected) expect(readable(r.text)).toContain(phrase);
    });
  });

  it('catches a template that pastes the bare name after an article or a preposition', () => {
    const jugendamt = cityDepartments.find((d) => d.code === 'JUGA') as NameForms;
    const vhs = cityDepartments.find((d) => d.code === 'VHS') as NameForms;
    expect(wrongForms('Die Antwort des Jugendamt ist da.', jugendamt)).toEqual(['des Jugendamt']);
    expect(wrongForms('Antwort von Jugendamt (Mail)', jugendamt)).toEqual(['von Jugendamt']);
    expect(wrongForms('unsere Anfrage an das Volkshochschule', vhs)).toEqual(['das Volkshochschule']);
    expect(wrongForms('<dt>Dienststelle</dt><dd>Jugendamt</dd> Die Antwort des Jugendamts', jugendamt)).toEqual([]);
  });
});

describe('the forms of a name', () => {
  it('are derived for every seeded department as the seed records them', () => {
    for (const d of cityDepartments) expect({ name: d.name, ...deriveNameForms(d.name) }).toEqual({
      name: d.name,
      grammaticalGender: d.grammaticalGender,
      nameAccusative: d.nameAccusative,
      nameDative: d.nameDative,
      nameGenitive: d.nameGenitive,
    });
  });

  it.each([
    ['Jugendamt', 'das Jugendamt', 'vom Jugendamt', 'des Jugendamts'],
    ['Volkshochschule', 'die Volkshochschule', 'von der Volkshochschule', 'der Volkshochschule'],
    ['Amt für Schulentwicklung', 'das Amt für Schulentwicklung', 'vom Amt für Schulentwicklung', 'des Amts für Schulentwicklung'],
    ['Integrationsrat der Stadt', 'den Integrationsrat der Stadt', 'vom Integrationsrat der Stadt', 'des Integrationsrats der Stadt'],
    ['Allgemeiner Sozialer Dienst', 'den Allgemeinen Sozialen Dienst', 'vom Allgemeinen Sozialen Dienst', 'des Allgemeinen Sozialen Dienstes'],
    ['Kommunales Integrationszentrum', 'das Kommunale Integrationszentrum', 'vom Kommunalen Integrationszentrum', 'des Kommunalen Integrationszentrums'],
    ['Stadtwerke', 'die Stadtwerke', 'von den Stadtwerken', 'der Stadtwerke'],
    ['Stabsstelle Integration', 'die Stabsstelle Integration', 'von der Stabsstelle Integration', 'der Stabsstelle Integration'],
    ['Jugend- und Sozialamt', 'das Jugend- und Sozialamt', 'vom Jugend- und Sozialamt', 'des Jugend- und Sozialamts'],
    ['Ausschuss für Integration', 'den Ausschuss für Integration', 'vom Ausschuss für Integration', 'des Ausschusses für Integration'],
  ])('%s: %s, %s, %s', (name, acc, from, gen) => {
    const d = { name, ...deriveNameForms(name) };
    expect([accusative(d), withPreposition('von', d), genitive(d)]).toEqual([acc, from, gen]);
  });
});
