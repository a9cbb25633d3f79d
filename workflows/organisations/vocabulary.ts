// The register's lists of values, without a database import: the console's pages and the API's
// schemas read the same lists.

export const organisationKinds = [
  'migrantenselbstorganisation',
  'glaubensgemeinschaft',
  'kulturverein',
  'elternverein',
  'sportverein',
  'sonstige',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** What an organisation works on: what a campaign or an advice case looks for. */
export const organisationTopics = [
  'gesundheit',
  'bildung',
  'sprache',
  'arbeit',
  'familie',
  'jugend',
  'seniorinnen-senioren',
  'frauen',
  'gefluechtete',
  'sport',
  'kultur',
  'religion',
  'beratung',
  'quartier',
] as const;
export type OrganisationTopic = (typeof organisationTopics)[number];

/**
 * What a person may be contacted for: each a consent of its own (DSGVO Art. 6(1)(a), 7), so that
 * someone who wants campaign flyers is not thereby invited to everything else.
 */
export const consentPurposes = ['informationskampagnen', 'veranstaltungen', 'beratungsangebote'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** How a consent was given: Art. 7(1) asks the office to be able to show it. */
export const consentChannels = ['schriftlich', 'e-mail', 'muendlich', 'formular'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/** How it was withdrawn: by the person's link, or entered by staff who were told. */
export const withdrawalChannels = ['link', 'mitarbeitende'] as const;
export type WithdrawalChannel = (typeof withdrawalChannels)[number];
