import type { ConsentChannel, ConsentPurpose, OrganisationKind, OrganisationTopic } from './vocabulary';

// The German words of what the register's pages and mails say; the console has its own words in
// both languages (console/messages.ts).

export const organisationKindLabel: Record<OrganisationKind, string> = {
  migrantenselbstorganisation: 'Migrantenselbstorganisation',
  glaubensgemeinschaft: 'Glaubensgemeinschaft',
  kulturverein: 'Kulturverein',
  elternverein: 'Elternverein',
  sportverein: 'Sportverein',
  sonstige: 'Sonstige Organisation',
};

export const topicLabel: Record<OrganisationTopic, string> = {
  gesundheit: 'Gesundheit',
  bildung: 'Bildung',
  sprache: 'Sprache',
  arbeit: 'Arbeit',
  familie: 'Familie',
  jugend: 'Jugend',
  'seniorinnen-senioren': 'Seniorinnen und Senioren',
  frauen: 'Frauen',
  gefluechtete: 'Geflüchtete',
  sport: 'Sport',
  kultur: 'Kultur',
  religion: 'Religion',
  beratung: 'Beratung',
  quartier: 'Quartier',
};

/** "für … kontaktiert werden": what a consent covers, as the withdrawal page says it. */
export const purposeLabel: Record<ConsentPurpose, string> = {
  informationskampagnen: 'Informationen und mehrsprachige Informationskampagnen des Amts für Integration',
  veranstaltungen: 'Einladungen zu Veranstaltungen',
  beratungsangebote: 'Angebote zur Vereinsberatung und zu Fördermitteln',
};

export const consentChannelLabel: Record<ConsentChannel, string> = {
  schriftlich: 'schriftlich',
  'e-mail': 'per E-Mail',
  muendlich: 'mündlich',
  formular: 'über ein Formular',
};
