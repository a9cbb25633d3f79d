import type { ContactPerson, ProviderKind } from './vocabulary';

// The demo's providers: welfare associations, migrant organisations, faith communities, the city's
// own departments, educational providers. Names, addresses and people are invented; the kinds of
// organisation are those that run integration measures in Köln.

export interface SeedProvider {
  key: string;
  name: string;
  kind: ProviderKind;
  street: string;
  postalCode: string;
  email: string;
  phone: string;
  website?: string;
  contacts: ContactPerson[];
  /** Stadtbezirke by name. */
  districts: string[];
  /** A city department's code (db/seed-departments.ts), for a provider that is one. */
  department?: string;
}

const person = (name: string, role: string, email: string, phone: string | null = null): ContactPerson => ({ name, role, email, phone });

export const seedProviders: SeedProvider[] = [
  {
    key: 'caritas',
    name: 'Caritasverband Köln-Mitte e. V.',
    kind: 'freier-traeger',
    street: 'Bartholomäus-Schink-Straße 6',
    postalCode: '50825',
    email: 'integration@caritas-koeln-mitte.example',
    phone: '0221 955 701-0',
    website: 'https://caritas-koeln-mitte.example',
    contacts: [person('Monika Albers', 'Fachdienst Integration und Migration', 'm.albers@caritas-koeln-mitte.example', '0221 955 701-12'), person('Yusuf Arslan', 'Migrationsberatung', 'y.arslan@caritas-koeln-mitte.example')],
    districts: ['Ehrenfeld', 'Innenstadt', 'Nippes'],
  },
  {
    key: 'diakonie',
    name: 'Diakonisches Werk Köln-Rechtsrheinisch e. V.',
    kind: 'freier-traeger',
    street: 'Wiener Platz 2',
    postalCode: '51065',
    email: 'migration@diakonie-rechtsrheinisch.example',
    phone: '0221 640 22-0',
    contacts: [person('Jens Hartmann', 'Bereichsleitung Migration', 'j.hartmann@diakonie-rechtsrheinisch.example', '0221 640 22-31')],
    districts: ['Mülheim', 'Kalk'],
  },
  {
    key: 'awo',
    name: 'Arbeiterwohlfahrt Köln-Ost e. V.',
    kind: 'freier-traeger',
    street: 'Kalker Hauptstraße 118',
    postalCode: '51103',
    email: 'beruf@awo-koeln-ost.example',
    phone: '0221 870 44-0',
    contacts: [person('Sandra Weber', 'Jobcoaching', 's.weber@awo-koeln-ost.example', '0221 870 44-17'), person('Dariusz Nowicki', 'Jugendmigrationsdienst', 'd.nowicki@awo-koeln-ost.example')],
    districts: ['Kalk', 'Porz'],
  },
  {
    key: 'drk',
    name: 'Rotkreuz-Hilfe Köln-Nord e. V.',
    kind: 'freier-traeger',
    street: 'Pariser Platz 1',
    postalCode: '50765',
    email: 'kontakt@rotkreuz-koeln-nord.example',
    phone: '0221 597 10-0',
    contacts: [person('Anke Schröder', 'Gesundheitslotsinnen', 'a.schroeder@rotkreuz-koeln-nord.example', '0221 597 10-25')],
    districts: ['Chorweiler', 'Nippes'],
  },
  {
    key: 'vhs',
    name: 'Volkshochschule Köln',
    kind: 'staedtische-dienststelle',
    street: 'Cäcilienstraße 35',
    postalCode: '50667',
    email: 'integrationskurse@vhs.stadt.localhost',
    phone: '0221 221-0',
    contacts: [person('Katrin Schulz', 'Leitung', 'leitung.vhs@stadt.localhost'), person('Olga Berger', 'Programmbereich Deutsch als Zweitsprache', 'o.berger@vhs.stadt.localhost', '0221 221-2 39 10')],
    districts: ['Innenstadt', 'Chorweiler', 'Porz', 'Kalk', 'Mülheim', 'Ehrenfeld'],
    department: 'VHS',
  },
  {
    key: 'juga',
    name: 'Jugendamt der Stadt Köln',
    kind: 'staedtische-dienststelle',
    street: 'Ottmar-Pohl-Platz 1',
    postalCode: '51103',
    email: 'fruehe-hilfen@jugendamt.stadt.localhost',
    phone: '0221 221-1',
    contacts: [person('Dr. Miriam Hoffmann', 'Leitung', 'leitung.juga@stadt.localhost'), person('Selin Kaya', 'Elternbildung', 's.kaya@jugendamt.stadt.localhost', '0221 221-2 51 44')],
    districts: ['Kalk', 'Chorweiler', 'Mülheim'],
    department: 'JUGA',
  },
  {
    key: 'bildungswerk',
    name: 'Kölner Bildungswerk für Beruf und Sprache gGmbH',
    kind: 'bildungstraeger',
    street: 'Vitalisstraße 67',
    postalCode: '50827',
    email: 'info@bildungswerk-beruf-sprache.example',
    phone: '0221 580 90-0',
    contacts: [person('Frank Lehmann', 'Geschäftsführung', 'f.lehmann@bildungswerk-beruf-sprache.example'), person('Nadia Haddad', 'Berufssprachkurse', 'n.haddad@bildungswerk-beruf-sprache.example', '0221 580 90-14')],
    districts: ['Ehrenfeld', 'Kalk', 'Chorweiler'],
  },
  {
    key: 'sprachschule',
    name: 'Sprachschule am Dom GmbH',
    kind: 'bildungstraeger',
    street: 'Komödienstraße 11',
    postalCode: '50667',
    email: 'kurse@sprachschule-am-dom.example',
    phone: '0221 130 55-0',
    contacts: [person('Isabel Moreno', 'Kursorganisation', 'i.moreno@sprachschule-am-dom.example')],
    districts: ['Innenstadt', 'Lindenthal'],
  },
  {
    key: 'elternverein',
    name: 'Deutsch-Türkischer Elternverein Kalk e. V.',
    kind: 'migrantenselbstorganisation',
    street: 'Vietorstraße 14',
    postalCode: '51103',
    email: 'vorstand@elternverein-kalk.example',
    phone: '0221 850 12 34',
    contacts: [person('Emine Yıldız', 'Vorsitzende', 'e.yildiz@elternverein-kalk.example', '0176 440 118 20')],
    districts: ['Kalk'],
  },
  {
    key: 'afrika',
    name: 'Afrikanisches Kulturforum Köln e. V.',
    kind: 'migrantenselbstorganisation',
    street: 'Venloer Straße 421',
    postalCode: '50825',
    email: 'info@afrikanisches-kulturforum.example',
    phone: '0221 544 78 10',
    contacts: [person('Kwame Mensah-Bonsu', 'Vorstand', 'k.mensah@afrikanisches-kulturforum.example')],
    districts: ['Ehrenfeld', 'Nippes'],
  },
  {
    key: 'ukraine',
    name: 'Ukrainische Familieninitiative Köln e. V.',
    kind: 'migrantenselbstorganisation',
    street: 'Neusser Straße 250',
    postalCode: '50733',
    email: 'kontakt@ukrainische-familien-koeln.example',
    phone: '0221 712 60 40',
    contacts: [person('Oksana Melnyk', 'Koordination', 'o.melnyk@ukrainische-familien-koeln.example', '0157 310 220 81')],
    districts: ['Nippes', 'Innenstadt'],
  },
  {
    key: 'syrien',
    name: 'Syrisch-Deutscher Kulturverein Chorweiler e. V.',
    kind: 'migrantenselbstorganisation',
    street: 'Liverpooler Platz 3',
    postalCode: '50765',
    email: 'info@kulturverein-chorweiler.example',
    phone: '0221 700 31 90',
    contacts: [person('Rami Al-Khatib', 'Vorsitzender', 'r.alkhatib@kulturverein-chorweiler.example')],
    districts: ['Chorweiler'],
  },
  {
    key: 'moschee',
    name: 'Moscheegemeinde Porz-Finkenberg e. V.',
    kind: 'glaubensgemeinschaft',
    street: 'Stresemannstraße 20',
    postalCode: '51149',
    email: 'gemeinde@moschee-finkenberg.example',
    phone: '02203 500 77',
    contacts: [person('Mehmet Doğan', 'Dialogbeauftragter', 'm.dogan@moschee-finkenberg.example', '0172 900 11 45')],
    districts: ['Porz'],
  },
  {
    key: 'kirche',
    name: 'Evangelische Kirchengemeinde Köln-Nippes',
    kind: 'glaubensgemeinschaft',
    street: 'Turmstraße 3',
    postalCode: '50733',
    email: 'gemeindebuero@ev-nippes.example',
    phone: '0221 731 55 20',
    contacts: [person('Pfarrerin Ruth Sommer', 'Pfarrerin', 'r.sommer@ev-nippes.example')],
    districts: ['Nippes'],
  },
  {
    key: 'sport',
    name: 'Sportverein Grün-Weiß Vingst 1921 e. V.',
    kind: 'sonstige',
    street: 'Passauer Straße 5',
    postalCode: '51107',
    email: 'jugend@gw-vingst.example',
    phone: '0221 890 44 12',
    contacts: [person('Timo Krämer', 'Jugendwart', 't.kraemer@gw-vingst.example', '0160 224 88 31')],
    districts: ['Kalk'],
  },
  {
    key: 'nachbarschaft',
    name: 'Nachbarschaftsnetz Mülheim e. V.',
    kind: 'freier-traeger',
    street: 'Berliner Straße 77',
    postalCode: '51063',
    email: 'hallo@nachbarschaftsnetz-muelheim.example',
    phone: '0221 612 09 80',
    contacts: [person('Lea Brandt', 'Quartiersarbeit', 'l.brandt@nachbarschaftsnetz-muelheim.example')],
    districts: ['Mülheim'],
  },
  {
    key: 'frauenzentrum',
    name: 'Internationales Frauenzentrum Ehrenfeld e. V.',
    kind: 'freier-traeger',
    street: 'Körnerstraße 40',
    postalCode: '50823',
    email: 'kontakt@frauenzentrum-ehrenfeld.example',
    phone: '0221 510 66 70',
    contacts: [person('Leyla Rahimi', 'Projektleitung', 'l.rahimi@frauenzentrum-ehrenfeld.example', '0221 510 66 72'), person('Birgit Vogel', 'Ehrenamtskoordination', 'b.vogel@frauenzentrum-ehrenfeld.example')],
    districts: ['Ehrenfeld'],
  },
];
