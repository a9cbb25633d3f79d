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
