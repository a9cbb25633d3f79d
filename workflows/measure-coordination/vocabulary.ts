// The registry's lists of values, without a database import: the console's pages and the API's
// schemas read the same lists.

export const districtKinds = ['stadtbezirk', 'stadtteil'] as const;
export type DistrictKind = (typeof districtKinds)[number];

export const providerKinds = [
  'freier-traeger',
  'migrantenselbstorganisation',
  'glaubensgemeinschaft',
  'staedtische-dienststelle',
  'bildungstraeger',
  'sonstige',
] as const;
export type ProviderKind = (typeof providerKinds)[number];

export const fieldsOfAction = [
  'sprache-bildung',
  'arbeit-ausbildung',
  'gesundheit',
  'wohnen-quartier',
  'kultur-sport',
  'teilhabe-partizipation',
  'interkulturelle-oeffnung',
  'beratung',
  'sonstiges',
] as const;
export type FieldOfAction = (typeof fieldsOfAction)[number];

export const targetGroups = [
  'kinder',
  'jugendliche',
  'junge-erwachsene',
  'erwachsene',
  'seniorinnen-senioren',
  'frauen',
  'maenner',
  'familien',
  'eltern',
  'neuzugewanderte',
  'lange-ansaessige',
  'gefluechtete',
  'arbeitsuchende',
  'studierende',
  'ehrenamtliche',
  'fachkraefte',
] as const;
export type TargetGroup = (typeof targetGroups)[number];

export const funderLevels = ['eu', 'bund', 'land', 'kommune', 'stiftung', 'eigenmittel'] as const;
export type FunderLevel = (typeof funderLevels)[number];

export interface ContactPerson {
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
}

export interface FundingLine {
  funderLevel: FunderLevel;
  programme: string;
  /** Euros a year. */
  amountPerYear: number;
}
