import type { ConsentPurpose, OrganisationKind, OrganisationTopic } from './vocabulary';

// The demo's organisations: migrant organisations, faith communities, cultural, parents' and sports
// clubs as Köln has them by the dozen. Names, addresses and people are invented.

export interface SeedContact {
  name: string;
  role: string;
  language: string;
  /** What the person agreed to, in the demo on 1 March 2026 by a signed form. */
  consents: ConsentPurpose[];
  /** Without one the person is reached by phone only. */
  email?: boolean;
}

export interface SeedOrganisation {
  name: string;
  kind: OrganisationKind;
  communities: string[];
  languages: string[];
  /** Stadtbezirke by name. */
  districts: string[];
  topics: OrganisationTopic[];
  registered: boolean;
  charitable: boolean;
  /** For its addresses: "yeni-umut" → info@yeni-umut.example. */
  domain: string;
  contacts: SeedContact[];
}

const all: ConsentPurpose[] = ['informationskampagnen', 'veranstaltungen', 'beratungsangebote'];
const info: ConsentPurpose[] = ['informationskampagnen'];
const c = (name: string, role: string, language: string, consents: ConsentPurpose[], email = true): SeedContact => ({ name, role, language, consents, email });
const o = (
  name: string,
  kind: OrganisationKind,
  domain: string,
  communities: string[],
  languages: string[],
  districts: string[],
  topics: OrganisationTopic[],
  [registered, charitable]: [boolean, boolean],
  contacts: SeedContact[],
): SeedOrganisation => ({ name, kind, domain, communities, languages, districts, topics, registered, charitable, contacts });

export const seedOrganisations: SeedOrganisation[] = [
  o('Yeni Umut Kültür Derneği e. V.', 'migrantenselbstorganisation', 'yeni-umut', ['türkische Community'], ['tr', 'de'], ['Kalk', 'Mülheim'], ['familie', 'bildung', 'gesundheit'], [true, true], [
    c('Ayşe Kaya', 'Vorsitzende', 'tr', all),
    c('Mehmet Öztürk', 'Kassenwart', 'de', info),
  ]),
  o('Arabischer Frauenverein Köln e. V.', 'migrantenselbstorganisation', 'arabischer-frauenverein', ['arabischsprachige Community', 'syrische Community'], ['ar', 'de'], ['Ehrenfeld', 'Nippes'], ['frauen', 'gesundheit', 'familie'], [true, true], [
    c('Rania Haddad', 'Vorsitzende', 'ar', all),
    c('Lina Mansour', 'Projektleitung', 'de', info),
  ]),
  o('DITIB-Moscheegemeinde Porz', 'glaubensgemeinschaft', 'moschee-porz', ['türkische Community'], ['tr', 'de'], ['Porz'], ['religion', 'familie', 'jugend'], [true, true], [
    c('Hasan Yıldız', 'Gemeindevorsitzender', 'tr', info),
    c('Emine Çelik', 'Frauengruppe', 'tr', ['informationskampagnen', 'veranstaltungen']),
  ]),
  o('Afghanischer Kulturverein Chorweiler e. V.', 'kulturverein', 'afghanischer-kulturverein', ['afghanische Community'], ['prs', 'ps', 'fa'], ['Chorweiler'], ['kultur', 'gefluechtete', 'sprache'], [true, false], [
    c('Farid Ahmadi', 'Vorsitzender', 'prs', all),
    c('Nilofar Rahimi', 'Frauenarbeit', 'fa', info),
  ]),
  o('Iranische Gemeinde Köln e. V.', 'migrantenselbstorganisation', 'iranische-gemeinde', ['iranische Community'], ['fa', 'de'], ['Lindenthal', 'Innenstadt'], ['kultur', 'bildung'], [true, true], [
    c('Dariush Karimi', 'Vorstand', 'fa', info),
  ]),
  o('Kurdisches Gemeinschaftszentrum Köln e. V.', 'migrantenselbstorganisation', 'kurdisches-zentrum', ['kurdische Community'], ['ckb', 'kmr', 'tr'], ['Mülheim', 'Kalk'], ['kultur', 'gefluechtete', 'beratung'], [true, false], [
    c('Shilan Aziz', 'Beratung', 'ckb', all),
    c('Rojhat Demir', 'Vorstand', 'kmr', info),
  ]),
  o('Eritreische Gemeinschaft Köln', 'migrantenselbstorganisation', 'eritrea-koeln', ['eritreische Community'], ['ti', 'am'], ['Nippes'], ['gefluechtete', 'familie'], [false, false], [
    c('Semhar Tesfaye', 'Sprecherin', 'ti', info),
  ]),
  o('Somalischer Elternverein Köln e. V.', 'elternverein', 'somali-eltern', ['somalische Community'], ['so', 'de'], ['Kalk'], ['familie', 'bildung', 'jugend'], [true, true], [
    c('Hodan Ali', 'Vorsitzende', 'so', all),
  ]),
  o('Polnische Katholische Mission Köln', 'glaubensgemeinschaft', 'pmk-koeln', ['polnische Community'], ['pl'], ['Innenstadt', 'Ehrenfeld'], ['religion', 'seniorinnen-senioren'], [false, true], [
    c('Pater Tomasz Nowicki', 'Seelsorger', 'pl', info),
    c('Agnieszka Wójcik', 'Gemeindebüro', 'pl', ['informationskampagnen', 'veranstaltungen']),
  ]),
  o('Rumänisch-Orthodoxe Gemeinde Köln', 'glaubensgemeinschaft', 'ro-gemeinde', ['rumänische Community'], ['ro'], ['Porz', 'Kalk'], ['religion', 'familie'], [true, true], [
    c('Ioana Popescu', 'Gemeinderat', 'ro', info),
  ]),
  o('Bulgarisches Kulturforum Köln e. V.', 'kulturverein', 'bg-forum', ['bulgarische Community'], ['bg', 'tr'], ['Mülheim', 'Chorweiler'], ['kultur', 'arbeit', 'beratung'], [true, false], [
    c('Dimitar Petrov', 'Vorsitzender', 'bg', all),
  ]),
  o('Roma-Selbstorganisation Amaro Drom Köln', 'migrantenselbstorganisation', 'amaro-drom', ['Roma-Community'], ['rom', 'ro', 'sr'], ['Chorweiler', 'Porz'], ['bildung', 'jugend', 'beratung'], [true, true], [
    c('Marko Jovanović', 'Vorstand', 'sr', info),
    c('Elena Stoica', 'Bildungsarbeit', 'ro', all),
  ]),
  o('Ukrainischer Hilfsverein Köln e. V.', 'migrantenselbstorganisation', 'ukraine-hilfe', ['ukrainische Community'], ['uk', 'ru'], ['Rodenkirchen', 'Lindenthal'], ['gefluechtete', 'beratung', 'sprache'], [true, true], [
    c('Olena Kovalenko', 'Vorsitzende', 'uk', all),
    c('Andrij Melnyk', 'Koordination Ehrenamt', 'uk', info),
  ]),
  o('Russischsprachiger Seniorenclub Nippes', 'sonstige', 'seniorenclub-nippes', ['russischsprachige Community'], ['ru'], ['Nippes'], ['seniorinnen-senioren', 'gesundheit'], [false, false], [
    c('Galina Iwanowa', 'Leiterin', 'ru', info),
  ]),
  o('Griechische Gemeinde Köln e. V.', 'migrantenselbstorganisation', 'griechische-gemeinde', ['griechische Community'], ['el', 'de'], ['Innenstadt'], ['kultur', 'seniorinnen-senioren'], [true, true], [
    c('Eleni Papadopoulou', 'Vorsitzende', 'el', info),
  ]),
  o('Italienischer Elternverein Ehrenfeld', 'elternverein', 'genitori-ehrenfeld', ['italienische Community'], ['it', 'de'], ['Ehrenfeld'], ['familie', 'bildung'], [false, false], [
    c('Giulia Romano', 'Sprecherin', 'it', info),
  ]),
  o('Spanischsprachige Familien Köln e. V.', 'elternverein', 'familias-koeln', ['spanischsprachige Community'], ['es'], ['Lindenthal', 'Rodenkirchen'], ['familie', 'sprache'], [true, true], [
    c('Lucía Fernández', 'Vorstand', 'es', all),
  ]),
  o('Vietnamesischer Kulturverein Köln', 'kulturverein', 'viet-koeln', ['vietnamesische Community'], ['vi'], ['Porz'], ['kultur', 'seniorinnen-senioren'], [false, false], [
    c('Nguyen Thi Lan', 'Vorsitzende', 'vi', info),
  ]),
  o('Tamilischer Kulturverein Köln e. V.', 'kulturverein', 'tamil-koeln', ['tamilische Community'], ['ta'], ['Mülheim'], ['kultur', 'jugend'], [true, true], [
    c('Ravi Sivakumar', 'Vorstand', 'ta', info, false),
  ]),
  o('Chinesische Studierende und Familien Köln', 'sonstige', 'cn-koeln', ['chinesische Community'], ['zh', 'en'], ['Lindenthal'], ['bildung', 'familie'], [false, false], [
    c('Li Wei', 'Sprecher', 'zh', info),
  ]),
  o('Albanischer Kulturverein Illyria e. V.', 'kulturverein', 'illyria', ['albanische Community', 'kosovarische Community'], ['sq'], ['Kalk', 'Porz'], ['kultur', 'jugend'], [true, false], [
    c('Arben Krasniqi', 'Vorsitzender', 'sq', info),
  ]),
  o('Bosnisch-Herzegowinische Gemeinde Köln', 'glaubensgemeinschaft', 'bih-gemeinde', ['bosnische Community'], ['bs', 'hr', 'sr'], ['Ehrenfeld'], ['religion', 'familie'], [true, true], [
    c('Amra Hodžić', 'Frauenarbeit', 'bs', all),
  ]),
  o('Portugiesisches Zentrum Köln e. V.', 'migrantenselbstorganisation', 'centro-portugues', ['portugiesische Community'], ['pt'], ['Nippes', 'Ehrenfeld'], ['kultur', 'seniorinnen-senioren'], [true, false], [
    c('João Silva', 'Vorsitzender', 'pt', info),
  ]),
  o('Afrikanisches Forum Köln e. V.', 'migrantenselbstorganisation', 'afrika-forum', ['westafrikanische Community', 'frankophone Community'], ['fr', 'en'], ['Innenstadt', 'Kalk'], ['arbeit', 'bildung', 'beratung'], [true, true], [
    c('Aminata Diallo', 'Geschäftsführung', 'fr', all),
    c('Kwame Mensah', 'Jugendarbeit', 'en', info),
  ]),
  o('Pakistanische Gemeinde Köln', 'glaubensgemeinschaft', 'pk-gemeinde', ['pakistanische Community'], ['ur', 'en'], ['Mülheim'], ['religion', 'familie'], [false, false], [
    c('Imran Qureshi', 'Vorstand', 'ur', info),
  ]),
  o('FC Vingst International e. V.', 'sportverein', 'fc-vingst', ['türkische Community', 'arabischsprachige Community', 'Roma-Community'], ['de', 'tr', 'ar'], ['Kalk'], ['sport', 'jugend'], [true, true], [
    c('Stefan Becker', 'Jugendleiter', 'de', info),
    c('Yusuf Aydın', 'Trainer', 'tr', ['informationskampagnen', 'veranstaltungen']),
  ]),
  o('Frauensportgruppe Chorweiler Nord', 'sportverein', 'frauensport-chorweiler', ['türkische Community', 'afghanische Community'], ['tr', 'fa', 'de'], ['Chorweiler'], ['sport', 'frauen', 'gesundheit'], [false, false], [
    c('Zeynep Arslan', 'Übungsleiterin', 'tr', info),
  ]),
  o('Syrisch-Orthodoxe Gemeinde St. Jakob', 'glaubensgemeinschaft', 'st-jakob', ['aramäische Community', 'syrische Community'], ['ar', 'de'], ['Porz'], ['religion', 'jugend'], [true, true], [
    c('Gabriel Aydin', 'Gemeindevorstand', 'de', info),
  ]),
  o('Elternnetzwerk Mülheim Miteinander', 'elternverein', 'eltern-muelheim', ['türkische Community', 'bulgarische Community', 'arabischsprachige Community'], ['de', 'tr', 'bg', 'ar'], ['Mülheim'], ['familie', 'bildung', 'quartier'], [false, false], [
    c('Sabine Wolff', 'Koordination', 'de', all),
    c('Fatma Yılmaz', 'Elternbegleiterin', 'tr', info),
  ]),
  o('Interkultureller Gesundheitstreff Kalk e. V.', 'sonstige', 'gesundheitstreff-kalk', ['türkische Community', 'arabischsprachige Community', 'ukrainische Community'], ['de', 'tr', 'ar', 'uk'], ['Kalk', 'Porz'], ['gesundheit', 'seniorinnen-senioren', 'frauen'], [true, true], [
    c('Dr. Leyla Şahin', 'Projektleitung', 'de', all),
    c('Samira Khalil', 'Gesundheitslotsin', 'ar', info),
  ]),
  o('Jüdische Gemeinde – Kulturbrücke Köln', 'glaubensgemeinschaft', 'kulturbruecke', ['russischsprachige Community'], ['ru', 'de'], ['Innenstadt', 'Lindenthal'], ['religion', 'kultur', 'seniorinnen-senioren'], [true, true], [
    c('Rebekka Levin', 'Sozialarbeit', 'de', info),
  ]),
  o('Tigray-Frauen Köln', 'migrantenselbstorganisation', 'tigray-frauen', ['eritreische Community', 'äthiopische Community'], ['ti', 'am'], ['Nippes', 'Ehrenfeld'], ['frauen', 'gefluechtete'], [false, false], [
    c('Mebrat Gebre', 'Sprecherin', 'ti', []),
  ]),
];

export interface SeedTranslator {
  name: string;
  email: string;
  languages: string[];
  note?: string;
}

export const seedTranslators: SeedTranslator[] = [
  { name: 'Aylin Demir', email: 'a.demir@sprachmittlung-koeln.example', languages: ['tr'] },
  { name: 'Kerem Yavuz', email: 'k.yavuz@sprachmittlung-koeln.example', languages: ['tr', 'kmr'], note: 'Zweitleser für Türkisch' },
  { name: 'Dr. Samir Nassar', email: 's.nassar@sprachmittlung-koeln.example', languages: ['ar'] },
  { name: 'Huda Al-Rashid', email: 'h.alrashid@sprachmittlung-koeln.example', languages: ['ar', 'ckb'], note: 'Zweitleserin für Arabisch' },
  { name: 'Parisa Moradi', email: 'p.moradi@sprachmittlung-koeln.example', languages: ['fa', 'prs'] },
  { name: 'Ahmad Wardak', email: 'a.wardak@sprachmittlung-koeln.example', languages: ['ps', 'prs'] },
  { name: 'Iryna Bondarenko', email: 'i.bondarenko@sprachmittlung-koeln.example', languages: ['uk', 'ru'] },
  { name: 'Radu Ionescu', email: 'r.ionescu@sprachmittlung-koeln.example', languages: ['ro', 'bg'] },
  { name: 'Tsegay Haile', email: 't.haile@sprachmittlung-koeln.example', languages: ['ti', 'am'] },
];
