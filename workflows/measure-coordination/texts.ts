import type { CoordinationDecision } from './forms';
import type { FieldOfAction, FunderLevel, TargetGroup } from './vocabulary';

// The German words of the API's sentences (the duplicate check's reasons), in the middle of a
// sentence; the console has its own words in both languages (console/messages.ts).

export const targetGroupLabel: Record<TargetGroup, string> = {
  kinder: 'Kinder',
  jugendliche: 'Jugendliche',
  'junge-erwachsene': 'junge Erwachsene',
  erwachsene: 'Erwachsene',
  'seniorinnen-senioren': 'Seniorinnen und Senioren',
  frauen: 'Frauen',
  maenner: 'Männer',
  familien: 'Familien',
  eltern: 'Eltern',
  neuzugewanderte: 'Neuzugewanderte',
  'lange-ansaessige': 'lange Ansässige',
  gefluechtete: 'Geflüchtete',
  arbeitsuchende: 'Arbeitsuchende',
  studierende: 'Studierende',
  ehrenamtliche: 'Ehrenamtliche',
  fachkraefte: 'Fachkräfte',
};

/** The report's and the console's German names (console/messages.ts takes them as they are). */
export const fieldOfActionLabel: Record<FieldOfAction, string> = {
  'sprache-bildung': 'Sprache und Bildung',
  'arbeit-ausbildung': 'Arbeit und Ausbildung',
  gesundheit: 'Gesundheit',
  'wohnen-quartier': 'Wohnen und Quartier',
  'kultur-sport': 'Kultur und Sport',
  'teilhabe-partizipation': 'Teilhabe und Partizipation',
  'interkulturelle-oeffnung': 'Interkulturelle Öffnung',
  beratung: 'Beratung',
  sonstiges: 'Sonstiges',
};

export const funderLevelLabel: Record<FunderLevel, string> = {
  eu: 'EU',
  bund: 'Bund',
  land: 'Land',
  kommune: 'Kommune',
  stiftung: 'Stiftung',
  eigenmittel: 'Eigenmittel',
};

/** "Frauen", "Frauen und Familien", "Kinder, Eltern und Familien". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

// ---- Maßnahme abstimmen -------------------------------------------------------------------------

/** What a coordination's view of a measure holds: the overlap task shows two side by side. */
export interface MeasureView {
  id: string;
  title: string;
  description: string;
  providerId: string;
  providerName: string;
  fieldOfAction: string;
  targetGroups: string[];
  districts: string[];
  startsOn: string;
  endsOn: string | null;
  participantsPerYear: number | null;
}

const germanDay = (iso: string) => iso.split('-').reverse().join('.');

export const periodInWords = (m: Pick<MeasureView, 'startsOn' | 'endsOn'>) =>
  m.endsOn ? `${germanDay(m.startsOn)} bis ${germanDay(m.endsOn)}` : `seit ${germanDay(m.startsOn)}, laufend`;

function measureInWords(m: MeasureView): string {
  const groups = m.targetGroups.map((g) => targetGroupLabel[g as TargetGroup] ?? g);
  return [
    `„${m.title}“ (${m.providerName})`,
    m.description ? `  ${m.description}` : '',
    groups.length ? `  Zielgruppen: ${listInWords(groups)}` : '',
    m.districts.length ? `  Stadtbezirke: ${listInWords(m.districts)}` : '',
    `  Zeitraum: ${periodInWords(m)}`,
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** The consultation's question: both measures, and what the office wants to know. */
export function coordinationQuestion(a: MeasureView, b: MeasureView, extra: string | undefined): string {
  return (
    `Das Amt für Integration stimmt die Integrationsmaßnahmen der Stadt aufeinander ab, damit es keine Doppelangebote gibt ` +
    `und Angebote einander ergänzen. Diese beiden Maßnahmen scheinen Ähnliches anzubieten:\n\n` +
    `${measureInWords(a)}\n\n${measureInWords(b)}\n\n` +
    `Bitte teilen Sie uns mit, wie Sie die Überschneidung sehen: Gibt es Unterschiede, die wir nicht kennen? ` +
    `Wäre eine Zusammenarbeit, eine Änderung von Zielgruppe, Ort oder Zeit oder eine Förderberatung sinnvoll?` +
    (extra ? `\n\n${extra}` : '')
  );
}

export const decisionLabel: Record<CoordinationDecision, string> = {
  unchanged: 'Beide Maßnahmen laufen weiter wie bisher',
  cooperate: 'Die Träger arbeiten zusammen',
  adjust: 'Eine Maßnahme ändert Zielgruppe, Ort oder Zeit',
  end: 'Eine Maßnahme endet',
  'funding-advice': 'Förderberatung',
};

/** "Kooperation vereinbart", as the procedure's outcome in lists. */
export function outcomeOf(decision: CoordinationDecision, concerned: MeasureView | undefined): string {
  switch (decision) {
    case 'unchanged':
      return 'Abgestimmt: beide laufen weiter';
    case 'cooperate':
      return 'Abgestimmt: Kooperation';
    case 'adjust':
      return `Abgestimmt: „${concerned?.title ?? ''}“ wird angepasst`;
    case 'end':
      return `Abgestimmt: „${concerned?.title ?? ''}“ endet`;
    case 'funding-advice':
      return 'Abgestimmt: Förderberatung';
  }
}

/** The mail to the providers of both measures once the decision is approved. */
export function decisionMail(f: {
  measures: [MeasureView, MeasureView];
  decision: CoordinationDecision;
  concerned: MeasureView | undefined;
  reason: string;
  agreement: string;
}): { subject: string; text: string } {
  const [a, b] = f.measures;
  const what = f.concerned ? `${decisionLabel[f.decision]}: „${f.concerned.title}“ (${f.concerned.providerName}).` : `${decisionLabel[f.decision]}.`;
  return {
    subject: `Abstimmung der Maßnahmen „${a.title}“ und „${b.title}“`,
    text:
      `Guten Tag,\n\nvielen Dank für Ihre Rückmeldung zur Abstimmung der Maßnahmen „${a.title}“ (${a.providerName}) ` +
      `und „${b.title}“ (${b.providerName}).\n\nDas Amt für Integration hat entschieden: ${what}\n\n` +
      `Begründung: ${f.reason}\n` +
      (f.agreement ? `\nVereinbart ist: ${f.agreement}\n` : '') +
      `\nWir melden uns später, um zu sehen, wie es umgesetzt ist. Bei Fragen wenden Sie sich gern an das Amt für Integration.\n\n` +
      `Mit freundlichen Grüßen\nAmt für Integration`,
  };
}
