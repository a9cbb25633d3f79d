// The languages the office works in: who reaches which community, who translates into what, which
// flyer is printed right to left. Codes are ISO 639 (the shortest there is), as HTML's lang wants them.

export interface Language {
  code: string;
  /** The German name, as a list shows it: "Türkisch". */
  name: string;
  /** "ins Türkische", "ins Dari": after "Übersetzung". */
  into: string;
  /** Its own name, as a flyer in it says which language it is in. */
  endonym: string;
  dir: 'ltr' | 'rtl';
}

const lang = (code: string, name: string, into: string, endonym: string, dir: 'ltr' | 'rtl' = 'ltr'): Language => ({ code, name, into, endonym, dir });

export const languages: readonly Language[] = [
  lang('de', 'Deutsch', 'ins Deutsche', 'Deutsch'),
  lang('tr', 'Türkisch', 'ins Türkische', 'Türkçe'),
  lang('ar', 'Arabisch', 'ins Arabische', 'العربية', 'rtl'),
  lang('fa', 'Persisch (Farsi)', 'ins Persische', 'فارسی', 'rtl'),
  lang('prs', 'Dari', 'ins Dari', 'دری', 'rtl'),
  lang('ps', 'Paschtu', 'ins Paschtu', 'پښتو', 'rtl'),
  lang('ckb', 'Kurdisch (Sorani)', 'ins Kurdische (Sorani)', 'کوردی', 'rtl'),
  lang('kmr', 'Kurdisch (Kurmandschi)', 'ins Kurdische (Kurmandschi)', 'Kurmancî'),
  lang('ur', 'Urdu', 'ins Urdu', 'اردو', 'rtl'),
  lang('ru', 'Russisch', 'ins Russische', 'Русский'),
  lang('uk', 'Ukrainisch', 'ins Ukrainische', 'Українська'),
  lang('pl', 'Polnisch', 'ins Polnische', 'Polski'),
  lang('ro', 'Rumänisch', 'ins Rumänische', 'Română'),
  lang('bg', 'Bulgarisch', 'ins Bulgarische', 'Български'),
  lang('sr', 'Serbisch', 'ins Serbische', 'Српски'),
  lang('hr', 'Kroatisch', 'ins Kroatische', 'Hrvatski'),
  lang('bs', 'Bosnisch', 'ins Bosnische', 'Bosanski'),
  lang('sq', 'Albanisch', 'ins Albanische', 'Shqip'),
  lang('el', 'Griechisch', 'ins Griechische', 'Ελληνικά'),
  lang('it', 'Italienisch', 'ins Italienische', 'Italiano'),
  lang('es', 'Spanisch', 'ins Spanische', 'Español'),
  lang('pt', 'Portugiesisch', 'ins Portugiesische', 'Português'),
  lang('fr', 'Französisch', 'ins Französische', 'Français'),
  lang('en', 'Englisch', 'ins Englische', 'English'),
  lang('ti', 'Tigrinya', 'ins Tigrinya', 'ትግርኛ'),
  lang('am', 'Amharisch', 'ins Amharische', 'አማርኛ'),
  lang('so', 'Somali', 'ins Somali', 'Soomaali'),
  lang('vi', 'Vietnamesisch', 'ins Vietnamesische', 'Tiếng Việt'),
  lang('zh', 'Chinesisch', 'ins Chinesische', '中文'),
  lang('ta', 'Tamil', 'ins Tamil', 'தமிழ்'),
  lang('rom', 'Romanes', 'ins Romanes', 'Romanes'),
];

export const languageCodes = languages.map((l) => l.code) as [string, ...string[]];

const byCode = new Map(languages.map((l) => [l.code, l]));

/** The language of a code the API has checked; a code from before a language left the list keeps its code. */
export function languageOf(code: string): Language {
  return byCode.get(code) ?? lang(code, code, `in die Sprache ${code}`, code);
}
