// A named body (a department, later a provider or an organisation) in the German sentence: its
// article and its name in each case, "das Jugendamt", "dem Jugendamt", "des Jugendamts",
// "von der Volkshochschule". Every text people read names a department through these functions,
// never by pasting its bare name after a preposition or an article.

export const grammaticalGenders = ['masculine', 'feminine', 'neuter', 'plural'] as const;
export type GrammaticalGender = (typeof grammaticalGenders)[number];

/** How a name stands after its article in each case: what the departments table keeps beside the name. */
export interface NameForms {
  /** The name as it is listed (nominative, without article): "Jugendamt", "Kommunales Integrationszentrum". */
  name: string;
  grammaticalGender: GrammaticalGender;
  /** After "das"/"die"/"den": "Jugendamt", "Kommunale Integrationszentrum". */
  nameAccusative: string;
  /** After "dem"/"der"/"den": "Jugendamt", "Stadtwerken". */
  nameDative: string;
  /** After "des"/"der": "Jugendamts", "Amts für Schulentwicklung", "Volkshochschule". */
  nameGenitive: string;
}

export type GermanCase = 'accusative' | 'dative' | 'genitive';

const ARTICLE: Record<GrammaticalGender, Record<GermanCase, string>> = {
  masculine: { accusative: 'den', dative: 'dem', genitive: 'des' },
  feminine: { accusative: 'die', dative: 'der', genitive: 'der' },
  neuter: { accusative: 'das', dative: 'dem', genitive: 'des' },
  plural: { accusative: 'die', dative: 'den', genitive: 'der' },
};

const FORM: Record<GermanCase, 'nameAccusative' | 'nameDative' | 'nameGenitive'> = {
  accusative: 'nameAccusative',
  dative: 'nameDative',
  genitive: 'nameGenitive',
};

/** The name with its article in a case: withArticle(jugendamt, 'genitive') → "des Jugendamts". */
export function withArticle(n: NameForms, c: GermanCase): string {
  return `${ARTICLE[n.grammaticalGender][c]} ${n[FORM[c]]}`;
}

/** "das Jugendamt", "die Volkshochschule", "den Integrationsrat": after "bittet", "an", "für". */
export const accusative = (n: NameForms) => withArticle(n, 'accusative');
/** "dem Jugendamt", "der Volkshochschule". */
export const dative = (n: NameForms) => withArticle(n, 'dative');
/** "des Jugendamts", "der Volkshochschule": "die Antwort des Jugendamts". */
export const genitive = (n: NameForms) => withArticle(n, 'genitive');

const PREPOSITION_CASE = { an: 'accusative', für: 'accusative', von: 'dative', bei: 'dative', zu: 'dative', aus: 'dative' } as const;
export type Preposition = keyof typeof PREPOSITION_CASE;
// Written German contracts these, and only these, with the article.
const CONTRACTED: Record<string, string> = { 'von dem': 'vom', 'bei dem': 'beim', 'zu dem': 'zum', 'zu der': 'zur' };

/** "vom Jugendamt", "von der Volkshochschule", "an das Jugendamt", "zur Volkshochschule". */
export function withPreposition(preposition: Preposition, n: NameForms): string {
  const c = PREPOSITION_CASE[preposition];
  const article = ARTICLE[n.grammaticalGender][c];
  const head = CONTRACTED[`${preposition} ${article}`] ?? `${preposition} ${article}`;
  return `${head} ${n[FORM[c]]}`;
}

/** The first letter upper case, for a phrase that opens a sentence: "Das Jugendamt …". */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- Deriving the forms of a name nobody has recorded them for -----------------------------------

// By the head noun's ending; the first list that matches decides, the default is neuter (…amt, …büro, …zentrum).
const PLURAL_ENDINGS = ['werke', 'dienste', 'betriebe', 'kliniken', 'bühnen', 'einrichtungen'];
const FEMININE_ENDINGS = [
  'schule', 'stelle', 'ung', 'ion', 'ei', 'heit', 'keit', 'schaft', 'kammer', 'behörde', 'agentur', 'akademie', 'bibliothek',
  'bücherei', 'kasse', 'zentrale', 'gruppe', 'kommission', 'konferenz', 'feuerwehr', 'initiative', 'klinik', 'ambulanz', 'anstalt',
];
const MASCULINE_ENDINGS = ['dienst', 'bereich', 'stab', 'betrieb', 'verband', 'verein', 'ausschuss', 'bezirk', 'kreis', 'bund', 'beirat', 'treff'];

function genderOfNoun(noun: string): GrammaticalGender {
  const w = noun.toLowerCase();
  if (PLURAL_ENDINGS.some((e) => w.endsWith(e))) return 'plural';
  if (FEMININE_ENDINGS.some((e) => w.endsWith(e))) return 'feminine';
  // "Integrationsrat", "Seniorenrat" are masculine; "Referat" is not.
  if (MASCULINE_ENDINGS.some((e) => w.endsWith(e)) || /(^|[^e])rat$/.test(w)) return 'masculine';
  return 'neuter';
}

/** An abbreviation ("VHS", "KI") and a name ending in a vowel sound that takes no -s stay as they are. */
function genitiveOfNoun(noun: string, gender: GrammaticalGender): string {
  if (gender === 'feminine' || gender === 'plural') return noun;
  if (/^[A-ZÄÖÜ0-9-]+$/.test(noun)) return noun;
  if (/(s|ß|x|z|st|sch)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function dativeOfNoun(noun: string, gender: GrammaticalGender): string {
  return gender === 'plural' && !/[ns]$/.test(noun) ? `${noun}n` : noun;
}

// An adjective before the noun, as a name lists it: "Kommunales", "Allgemeiner", "Städtische".
const ADJECTIVE = /^([A-ZÄÖÜ].*(?:isch|al|lich|ig|iv|[^tzw]ell|är|ar|ein|ern|sam))(?:e|er|es|en)$/;

/** The adjective after the article: "das Kommunale …", "dem Kommunalen …". */
function weakAdjective(stem: string, gender: GrammaticalGender, c: GermanCase): string {
  const shortEnding = c === 'accusative' && (gender === 'feminine' || gender === 'neuter');
  return `${stem}${shortEnding ? 'e' : 'en'}`;
}

/**
 * The forms a name most likely has, from the ending of its head noun (the first word that is no
 * adjective; what follows it stays as it is): what a new department gets when nobody says
 * otherwise, and what the console proposes while the name is typed. "Jugendamt" → das Jugendamt,
 * des Jugendamts; "Amt für Schulentwicklung" → des Amts für Schulentwicklung; "Kommunales
 * Integrationszentrum" → dem Kommunalen Integrationszentrum.
 */
export function deriveNameForms(name: string, gender?: GrammaticalGender): Omit<NameForms, 'name'> {
  const words = name.trim().split(/\s+/);
  // Before the noun: adjectives (declined) and the first parts of "Jugend- und Sozialamt" (kept).
  const before: ({ stem: string } | { word: string })[] = [];
  let i = 0;
  for (; i < words.length - 1; i++) {
    const w = words[i] as string;
    const stem = ADJECTIVE.exec(w)?.[1];
    if (stem) before.push({ stem });
    else if (w.endsWith('-') || w === 'und' || w === 'oder') before.push({ word: w });
    else break;
  }
  const noun = words[i] ?? '';
  const after = words.slice(i + 1);
  const g = gender ?? genderOfNoun(noun);
  const form = (c: GermanCase, nounForm: string) =>
    [...before.map((b) => ('stem' in b ? weakAdjective(b.stem, g, c) : b.word)), nounForm, ...after].join(' ');
  return {
    grammaticalGender: g,
    nameAccusative: form('accusative', noun),
    nameDative: form('dative', dativeOfNoun(noun, g)),
    nameGenitive: form('genitive', genitiveOfNoun(noun, g)),
  };
}

/** A form typed with its article ("des Jugendamts") is a mistake the console's form explains: the article comes from the gender. */
export function startsWithArticle(form: string): boolean {
  return /^(der|die|das|den|dem|des)\s/i.test(form.trim());
}
