// The Vereinsberatung's lists of values, without a database import: the API's schemas, the
// public request form and the console read the same lists.

/** What an organisation asks advice on (the position paper: Vereinsstrukturen, Finanzierung, Fördermittel). */
export const adviceTopics = ['gruendung', 'satzung', 'gemeinnuetzigkeit', 'finanzierung', 'foerdermittel', 'sonstiges'] as const;
export type AdviceTopic = (typeof adviceTopics)[number];

export const adviceTopicLabel: Record<AdviceTopic, string> = {
  gruendung: 'Gründung eines Vereins',
  satzung: 'Satzung',
  gemeinnuetzigkeit: 'Gemeinnützigkeit',
  finanzierung: 'Finanzierung des Vereins',
  foerdermittel: 'Fördermittel beantragen',
  sonstiges: 'Anderes Anliegen',
};

/**
 * The words a funding call's topics are searched for when the advice is on a topic: a call about
 * "Ehrenamt" or "Vereinsarbeit" suits a founding, any call suits who asks about funding.
 */
export const callWordsOf: Record<AdviceTopic, string[]> = {
  gruendung: ['verein', 'ehrenamt', 'engagement', 'selbstorganisation', 'strukturförderung'],
  satzung: ['verein', 'ehrenamt', 'strukturförderung'],
  gemeinnuetzigkeit: ['verein', 'ehrenamt', 'engagement'],
  finanzierung: ['verein', 'strukturförderung', 'selbstorganisation', 'engagement'],
  foerdermittel: [],
  sonstiges: [],
};

export const meetingModes = ['vor-ort', 'telefon', 'video'] as const;
export type MeetingMode = (typeof meetingModes)[number];

export const meetingModeLabel: Record<MeetingMode, string> = {
  'vor-ort': 'vor Ort',
  telefon: 'am Telefon',
  video: 'per Video',
};

export const adviceChannels = ['formular', 'mitarbeitende'] as const;
export type AdviceChannel = (typeof adviceChannels)[number];

/** What comes after a meeting's note. */
export const nextSteps = ['folgetermin', 'wiedervorlage', 'abschliessen'] as const;
export type NextStep = (typeof nextSteps)[number];

/** How a case ends: what the organisation achieved with the advice. */
export const caseOutcomes = ['beraten', 'verein-gegruendet', 'satzung-erstellt', 'gemeinnuetzigkeit-anerkannt', 'foerderantrag-gestellt', 'ohne-ergebnis'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const caseOutcomeLabel: Record<CaseOutcome, string> = {
  beraten: 'Beraten',
  'verein-gegruendet': 'Verein gegründet',
  'satzung-erstellt': 'Satzung erstellt',
  'gemeinnuetzigkeit-anerkannt': 'Gemeinnützigkeit anerkannt',
  'foerderantrag-gestellt': 'Förderantrag gestellt',
  'ohne-ergebnis': 'Ohne Ergebnis beendet',
};
