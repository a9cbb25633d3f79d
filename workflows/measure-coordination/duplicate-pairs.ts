import type { FieldOfAction, TargetGroup } from './vocabulary';

// The duplicate check's labelled set, written by hand: pairs of measures that offer the same (a
// Doppelangebot the office would want to coordinate) and pairs that only look alike. The judgement is
// the office's, made before any score was seen: the same offer for the same people, in the same
// Stadtbezirk, at the same time, is a duplicate, whoever runs it and however it is worded; a similar
// offer in another Stadtbezirk, for other people, or years apart, is not. The stack test
// (duplicate-check.test.ts) registers each pair's `existing` measure, checks its `entered` one and
// counts precision and recall at the setting's threshold.

export interface LabelledMeasure {
  title: string;
  description: string;
  field: FieldOfAction;
  groups: TargetGroup[];
  /** Stadtbezirke, or "Bezirk/Stadtteil". */
  districts: string[];
  from: string;
  to: string | null;
}

export interface LabelledPair {
  duplicate: boolean;
  /** Why, in the office's words. */
  why: string;
  existing: LabelledMeasure;
  entered: LabelledMeasure;
}

const m = (
  title: string,
  field: FieldOfAction,
  groups: TargetGroup[],
  districts: string[],
  [from, to]: [string, string | null],
  description: string,
): LabelledMeasure => ({ title, description, field, groups, districts, from, to });

export const labelledPairs: LabelledPair[] = [
  // ---- duplicates ----
  {
    duplicate: true,
    why: 'zwei Sprachcafés für Frauen in Ehrenfeld zur selben Zeit',
    existing: m('Sprachtreff für Frauen Neuehrenfeld', 'sprache-bildung', ['frauen'], ['Ehrenfeld/Neuehrenfeld'], ['2025-01-01', null], 'Offener Treff, in dem Frauen einmal pro Woche Deutsch sprechen üben, mit Kinderbetreuung.'),
    entered: m('Frauensprachtreff Ehrenfeld', 'sprache-bildung', ['frauen', 'neuzugewanderte'], ['Ehrenfeld'], ['2026-02-01', '2027-01-31'], 'Wöchentlicher Sprachtreff für Frauen zum Deutsch sprechen üben; Kinder werden betreut.'),
  },
  {
    duplicate: true,
    why: 'dasselbe Bewerbungstraining für Geflüchtete in Mülheim, anders formuliert',
    existing: m('Bewerbungscoaching für Geflüchtete Mülheim', 'arbeit-ausbildung', ['gefluechtete', 'arbeitsuchende'], ['Mülheim'], ['2025-03-01', '2026-12-31'], 'Lebenslauf schreiben, Anschreiben formulieren und Vorstellungsgespräche üben, in kleinen Gruppen.'),
    entered: m('Bewerbungstraining für geflüchtete Arbeitsuchende', 'arbeit-ausbildung', ['gefluechtete', 'arbeitsuchende'], ['Mülheim/Buchheim'], ['2026-01-01', '2026-12-31'], 'Gruppentraining: Lebenslauf und Anschreiben erstellen, Vorstellungsgespräche üben.'),
  },
  {
    duplicate: true,
    why: 'Elternbegleitung beim Übergang Kita–Grundschule in Kalk, zweimal',
    existing: m('Elternbegleiterinnen Übergang Kita–Schule', 'sprache-bildung', ['eltern', 'familien'], ['Kalk'], ['2024-08-01', null], 'Mehrsprachige Begleiterinnen erklären Eltern das Schulsystem und gehen mit zu Anmeldung und Elternabend.'),
    entered: m('Elternbegleitung zum Schulanfang', 'sprache-bildung', ['eltern'], ['Kalk/Vingst'], ['2026-08-01', '2027-07-31'], 'Eltern werden beim Schulanfang ihrer Kinder begleitet: Schulsystem erklären, Anmeldung, Elternabend, mehrsprachig.'),
  },
  {
    duplicate: true,
    why: 'Alphabetisierungskurs in Chorweiler neben dem Integrationskurs mit Alphabetisierung',
    existing: m('Integrationskurs mit Alphabetisierung Chorweiler', 'sprache-bildung', ['erwachsene', 'neuzugewanderte'], ['Chorweiler'], ['2025-01-01', null], 'Deutsch und Alphabetisierung für Erwachsene ohne Schrifterfahrung, bis zum Deutsch-Test für Zuwanderer.'),
    entered: m('Alphabetisierung für erwachsene Zugewanderte', 'sprache-bildung', ['erwachsene', 'neuzugewanderte'], ['Chorweiler/Seeberg'], ['2026-03-01', '2027-02-28'], 'Kurs für Erwachsene, die nicht lesen und schreiben gelernt haben: Alphabetisierung und Deutsch, Abschluss Deutsch-Test für Zuwanderer.'),
  },
  {
    duplicate: true,
    why: 'Gesundheitslotsinnen für dieselben Familien in Porz',
    existing: m('Gesundheitslotsinnen Porz', 'gesundheit', ['frauen', 'familien'], ['Porz'], ['2024-01-01', '2026-12-31'], 'Geschulte Lotsinnen informieren in ihrer Sprache über Vorsorge, Impfungen und Kinderärzte.'),
    entered: m('Mehrsprachige Gesundheitslotsen für Familien', 'gesundheit', ['familien'], ['Porz/Finkenberg'], ['2025-06-01', '2027-05-31'], 'Lotsen informieren Familien mehrsprachig über Vorsorgeuntersuchungen, Impfungen und Kinderarztpraxen.'),
  },
  {
    duplicate: true,
    why: 'Hausaufgabenhilfe für Grundschulkinder in Nippes, zwei Träger',
    existing: m('Hausaufgabenhilfe Grundschule Nippes', 'sprache-bildung', ['kinder'], ['Nippes'], ['2023-09-01', null], 'Nachmittags Hausaufgaben machen, Lesen üben und Deutsch lernen für Grundschulkinder.'),
    entered: m('Lernhilfe und Hausaufgabenbetreuung für Grundschulkinder', 'sprache-bildung', ['kinder'], ['Nippes/Bilderstöckchen'], ['2026-01-01', null], 'Hausaufgabenbetreuung am Nachmittag für Kinder der Grundschule, mit Leseförderung und Deutsch.'),
  },
  {
    duplicate: true,
    why: 'Wohnungslotsen für Geflüchtete in der Innenstadt, zweimal',
    existing: m('Wohnungslotsen für Geflüchtete', 'wohnen-quartier', ['gefluechtete', 'familien'], ['Innenstadt'], ['2023-04-01', null], 'Begleitung beim Auszug aus der Unterkunft: Wohnungssuche, Besichtigung, Mietvertrag.'),
    entered: m('Begleitung Geflüchteter bei der Wohnungssuche', 'wohnen-quartier', ['gefluechtete'], ['Innenstadt/Neustadt-Süd'], ['2026-01-01', '2026-12-31'], 'Wir begleiten Geflüchtete bei der Wohnungssuche, zu Besichtigungen und beim Mietvertrag, damit sie aus der Unterkunft ausziehen können.'),
  },
  {
    duplicate: true,
    why: 'Anerkennungsberatung in Mülheim, beinahe gleich beschrieben',
    existing: m('Anerkennungsberatung ausländischer Abschlüsse', 'arbeit-ausbildung', ['erwachsene', 'fachkraefte'], ['Mülheim'], ['2023-01-01', null], 'Beratung zur Anerkennung im Ausland erworbener Berufsabschlüsse: zuständige Stelle, Unterlagen, Anpassungsqualifizierung.'),
    entered: m('Beratung zur Anerkennung ausländischer Berufsabschlüsse', 'beratung', ['fachkraefte'], ['Mülheim/Mülheim'], ['2026-01-01', null], 'Wir beraten zur Anerkennung ausländischer Berufsabschlüsse: welche Stelle zuständig ist, welche Unterlagen nötig sind, wie eine Anpassungsqualifizierung bezahlt wird.'),
  },
  {
    duplicate: true,
    why: 'Schwimmkurse für Frauen in Kalk, zwei Vereine',
    existing: m('Schwimmkurs für Frauen', 'kultur-sport', ['frauen'], ['Kalk'], ['2025-09-01', '2026-07-31'], 'Schwimmen lernen in geschützter Atmosphäre mit Trainerinnen, abends im Hallenbad.'),
    entered: m('Frauenschwimmen mit Trainerin', 'kultur-sport', ['frauen'], ['Kalk/Höhenberg'], ['2026-01-01', '2026-12-31'], 'Schwimmkurs nur für Frauen mit einer Trainerin, in den Abendstunden im Hallenbad.'),
  },
  {
    duplicate: true,
    why: 'Smartphonekurse für ältere Migranten in Mülheim, zweimal',
    existing: m('Digitale Teilhabe für Ältere', 'teilhabe-partizipation', ['seniorinnen-senioren'], ['Mülheim'], ['2026-03-01', '2027-02-28'], 'Smartphone- und Tablet-Kurse in kleinen Gruppen: Videotelefonie, Online-Termine, sichere Passwörter.'),
    entered: m('Smartphonekurs für Seniorinnen und Senioren mit Migrationsgeschichte', 'teilhabe-partizipation', ['seniorinnen-senioren', 'lange-ansaessige'], ['Mülheim/Holweide'], ['2026-04-01', '2026-12-31'], 'Kleine Gruppen lernen das Smartphone und Tablet: Videotelefonie mit der Familie, Termine online buchen, sichere Passwörter.'),
  },
  {
    duplicate: true,
    why: 'Asylverfahrensberatung in Chorweiler, zwei Träger',
    existing: m('Asylverfahrensberatung Chorweiler', 'beratung', ['gefluechtete'], ['Chorweiler'], ['2023-06-01', null], 'Unabhängige Beratung vor und während des Asylverfahrens: Anhörung vorbereiten, Bescheide erklären, Fristen.'),
    entered: m('Unabhängige Asylverfahrensberatung', 'beratung', ['gefluechtete'], ['Chorweiler/Chorweiler'], ['2026-01-01', null], 'Beratung im Asylverfahren: Vorbereitung der Anhörung, Erklärung von Bescheiden, Hilfe bei Fristen.'),
  },
  {
    duplicate: true,
    why: 'Jobcafé und Arbeitgebertreff im Kölner Norden, dieselbe Idee',
    existing: m('Jobcafé Chorweiler', 'arbeit-ausbildung', ['arbeitsuchende', 'erwachsene'], ['Chorweiler'], ['2025-04-01', null], 'Monatliches Treffen mit Arbeitgebern: Stellenangebote, Kontakte, Fragen zum Arbeitsvertrag.'),
    entered: m('Job-Café für Arbeitsuchende', 'arbeit-ausbildung', ['arbeitsuchende'], ['Chorweiler/Heimersdorf'], ['2026-02-01', '2027-01-31'], 'Einmal im Monat ein Job-Café: Arbeitgeber stellen Stellenangebote vor, Arbeitsuchende knüpfen Kontakte und klären Fragen zum Arbeitsvertrag.'),
  },
  {
    duplicate: true,
    why: 'Fußballtraining für geflüchtete Kinder in Kalk, zweimal',
    existing: m('Fußball für geflüchtete Kinder', 'kultur-sport', ['kinder', 'gefluechtete'], ['Kalk'], ['2023-03-01', null], 'Kostenloses Fußballtraining für Kinder aus den Unterkünften, zweimal pro Woche.'),
    entered: m('Kostenloses Fußballtraining für Kinder aus Unterkünften', 'kultur-sport', ['kinder', 'jugendliche', 'gefluechtete'], ['Kalk/Vingst'], ['2026-04-01', null], 'Zweimal pro Woche kostenloses Fußballtraining für Kinder und Jugendliche aus den Unterkünften für Geflüchtete.'),
  },
  {
    duplicate: true,
    why: 'Beratungssprechstunde für ukrainische Familien in Nippes, zweimal',
    existing: m('Sprechstunde für Familien aus der Ukraine', 'beratung', ['familien', 'gefluechtete'], ['Nippes'], ['2022-05-01', null], 'Offene Sprechstunde auf Ukrainisch und Russisch: Anmeldung, Jobcenter, Schulplätze, Kita.'),
    entered: m('Beratung ukrainischer Geflüchteter', 'beratung', ['gefluechtete', 'familien'], ['Nippes/Nippes'], ['2026-01-01', '2026-12-31'], 'Beratung für Geflüchtete aus der Ukraine auf Ukrainisch und Russisch zu Anmeldung, Jobcenter, Kita und Schulplätzen.'),
  },
  {
    duplicate: true,
    why: 'Qualifizierung von Vereinsvorständen der Migrantenorganisationen in der Innenstadt, zweimal',
    existing: m('Workshops für Vorstände von Migrantenorganisationen', 'teilhabe-partizipation', ['ehrenamtliche'], ['Innenstadt'], ['2025-01-01', '2026-12-31'], 'Fördermittel beantragen, Vereinsrecht, Buchführung und Öffentlichkeitsarbeit für Vereinsvorstände.'),
    entered: m('Qualifizierung für Migrantenselbstorganisationen', 'teilhabe-partizipation', ['ehrenamtliche'], ['Innenstadt/Altstadt-Nord'], ['2026-01-01', '2026-12-31'], 'Workshopreihe für Vorstände von Migrantenselbstorganisationen: Förderanträge, Vereinsrecht, Buchführung, Öffentlichkeitsarbeit.'),
  },
  {
    duplicate: true,
    why: 'interkulturelles Training für Verwaltungsbeschäftigte, zwei Anbieter für dieselbe Verwaltung',
    existing: m('Interkulturelles Training für die Verwaltung', 'interkulturelle-oeffnung', ['fachkraefte'], ['Innenstadt'], ['2024-02-01', null], 'Seminare für Beschäftigte mit Publikumsverkehr: Kommunikation über Sprachgrenzen, Vorurteile, Sprachmittler.'),
    entered: m('Seminar interkulturelle Kompetenz für städtische Beschäftigte', 'interkulturelle-oeffnung', ['fachkraefte'], ['Innenstadt/Deutz'], ['2026-01-01', null], 'Eintägiges Seminar für städtische Beschäftigte mit Publikumsverkehr: Kommunikation über Sprachgrenzen, Umgang mit Vorurteilen, Arbeit mit Sprachmittlern.'),
  },
  // ---- not duplicates ----
  {
    duplicate: false,
    why: 'Sprachcafé für Frauen, aber in Porz statt in Ehrenfeld',
    existing: m('Sprachcafé für Frauen Bickendorf', 'sprache-bildung', ['frauen'], ['Ehrenfeld/Bickendorf'], ['2025-01-01', null], 'Frauen üben einmal pro Woche Deutsch sprechen, mit Kinderbetreuung.'),
    entered: m('Sprachcafé für Frauen Porz', 'sprache-bildung', ['frauen'], ['Porz'], ['2026-01-01', null], 'Frauen üben einmal pro Woche Deutsch sprechen, mit Kinderbetreuung.'),
  },
  {
    duplicate: false,
    why: 'Integrationskurse gibt es in jedem Stadtbezirk: Kalk ist nicht Lindenthal',
    existing: m('Allgemeiner Integrationskurs Lindenthal', 'sprache-bildung', ['erwachsene', 'neuzugewanderte'], ['Lindenthal'], ['2024-01-01', null], 'Sprachkurs und Orientierungskurs zu Rechtsordnung, Geschichte und Kultur.'),
    entered: m('Allgemeiner Integrationskurs Kalk', 'sprache-bildung', ['erwachsene', 'neuzugewanderte'], ['Kalk'], ['2026-01-01', null], 'Sprachkurs und Orientierungskurs zu Rechtsordnung, Geschichte und Kultur.'),
  },
  {
    duplicate: false,
    why: 'Sprachcafé für Seniorinnen und Senioren ist keins für junge Mütter',
    existing: m('Sprachcafé für Seniorinnen und Senioren Nippes', 'sprache-bildung', ['seniorinnen-senioren'], ['Nippes'], ['2025-05-01', null], 'Ältere Menschen frischen ihr Deutsch auf: Arztbesuch, Pflege, Behördenpost.'),
    entered: m('Sprachcafé für junge Mütter Nippes', 'sprache-bildung', ['eltern', 'frauen'], ['Nippes'], ['2026-01-01', null], 'Junge Mütter mit Babys treffen sich zum Deutsch sprechen: Kinderarzt, Kita-Anmeldung, Elterngeld.'),
  },
  {
    duplicate: false,
    why: 'derselbe Kurs, aber der alte ist beendet: ein Nachfolger, kein Doppelangebot',
    existing: m('Bewerbungstraining für Jugendliche Porz 2023', 'arbeit-ausbildung', ['jugendliche'], ['Porz'], ['2023-01-01', '2023-12-31'], 'Lebenslauf, Anschreiben und Vorstellungsgespräch für Schülerinnen und Schüler der Abschlussklassen.'),
    entered: m('Bewerbungstraining für Jugendliche Porz', 'arbeit-ausbildung', ['jugendliche'], ['Porz'], ['2026-01-01', '2026-12-31'], 'Lebenslauf, Anschreiben und Vorstellungsgespräch für Schülerinnen und Schüler der Abschlussklassen.'),
  },
  {
    duplicate: false,
    why: 'gleicher Stadtbezirk und Zielgruppe, aber Schwimmen ist nicht Deutschlernen',
    existing: m('Schwimmkurs für Mädchen Chorweiler', 'kultur-sport', ['kinder', 'frauen'], ['Chorweiler'], ['2025-09-01', '2026-07-31'], 'Schwimmen lernen für Mädchen mit Trainerinnen.'),
    entered: m('Deutschkurs für Mädchen Chorweiler', 'sprache-bildung', ['kinder', 'frauen'], ['Chorweiler'], ['2026-01-01', '2026-07-31'], 'Deutsch lernen am Nachmittag für neu zugewanderte Mädchen, mit Lesen und Schreiben.'),
  },
  {
    duplicate: false,
    why: 'Migrationsberatung linksrheinisch und rechtsrheinisch: die Stadt teilt sie bewusst',
    existing: m('Migrationsberatung für Erwachsene Lindenthal', 'beratung', ['erwachsene', 'neuzugewanderte'], ['Lindenthal'], ['2020-01-01', null], 'Einzelberatung zu Aufenthalt, Sprachkurs, Arbeit, Wohnung und Familie.'),
    entered: m('Migrationsberatung für Erwachsene Porz', 'beratung', ['erwachsene', 'neuzugewanderte'], ['Porz'], ['2026-01-01', null], 'Einzelberatung zu Aufenthalt, Sprachkurs, Arbeit, Wohnung und Familie.'),
  },
  {
    duplicate: false,
    why: 'Hausaufgabenhilfe für Grundschulkinder und Nachhilfe für die Oberstufe sind verschiedene Angebote',
    existing: m('Hausaufgabenhilfe für Grundschulkinder Mülheim', 'sprache-bildung', ['kinder'], ['Mülheim'], ['2024-09-01', null], 'Hausaufgaben, Lesen üben, Deutsch und Mathematik am Nachmittag.'),
    entered: m('Abiturvorbereitung für zugewanderte Jugendliche Mülheim', 'sprache-bildung', ['jugendliche'], ['Mülheim'], ['2026-01-01', null], 'Nachhilfe in der Oberstufe: Fachsprache, Klausurvorbereitung, Facharbeit.'),
  },
  {
    duplicate: false,
    why: 'Theater für Jugendliche und Fußball für Jugendliche im selben Bezirk: nur die Zielgruppe ist gleich',
    existing: m('Theaterprojekt für Jugendliche Ehrenfeld', 'kultur-sport', ['jugendliche'], ['Ehrenfeld'], ['2026-01-01', '2026-11-30'], 'Jugendliche entwickeln ein Theaterstück über Ankommen und Abschied.'),
    entered: m('Fußballturnier für Jugendliche Ehrenfeld', 'kultur-sport', ['jugendliche'], ['Ehrenfeld'], ['2026-06-01', '2026-06-30'], 'Ein Straßenfußballturnier mit Mannschaften aus allen Vierteln.'),
  },
  {
    duplicate: false,
    why: 'Gesundheitslotsen in Chorweiler und in Kalk: verschiedene Stadtbezirke',
    existing: m('Gesundheitslotsinnen Chorweiler', 'gesundheit', ['familien'], ['Chorweiler'], ['2024-03-01', '2026-12-31'], 'Lotsinnen informieren über Vorsorge, Impfungen und Kinderärzte.'),
    entered: m('Gesundheitslotsinnen Kalk', 'gesundheit', ['familien'], ['Kalk'], ['2026-01-01', '2027-12-31'], 'Lotsinnen informieren über Vorsorge, Impfungen und Kinderärzte.'),
  },
  {
    duplicate: false,
    why: 'Beratung für Geflüchtete zum Asylverfahren ist keine psychosoziale Beratung',
    existing: m('Asylverfahrensberatung Mülheim', 'beratung', ['gefluechtete'], ['Mülheim'], ['2023-06-01', null], 'Anhörung vorbereiten, Bescheide erklären, Fristen im Blick behalten.'),
    entered: m('Psychosoziale Beratung für traumatisierte Geflüchtete', 'gesundheit', ['gefluechtete'], ['Mülheim'], ['2026-01-01', null], 'Stabilisierende Gespräche mit Sprachmittlung und Vermittlung in Psychotherapie.'),
  },
  {
    duplicate: false,
    why: 'Wohnen und Nachbarschaft: ein Hoffest ist keine Wohnungssuche',
    existing: m('Wohnungslotsen Mülheim', 'wohnen-quartier', ['gefluechtete'], ['Mülheim'], ['2024-01-01', null], 'Begleitung bei der Wohnungssuche und beim Mietvertrag.'),
    entered: m('Nachbarschaftsfeste in Mülheim-Nord', 'wohnen-quartier', ['lange-ansaessige', 'neuzugewanderte'], ['Mülheim'], ['2026-05-01', '2026-09-30'], 'Hoffeste und Nachbarschaftsrunden, damit sich Alteingesessene und Neuzugezogene kennenlernen.'),
  },
  {
    duplicate: false,
    why: 'Berufssprachkurs Pflege und Berufssprachkurs Handwerk: andere Fachsprache, andere Teilnehmende',
    existing: m('Berufssprachkurs B2 Pflege Ehrenfeld', 'arbeit-ausbildung', ['fachkraefte'], ['Ehrenfeld'], ['2026-02-01', '2026-12-18'], 'Fachsprache für Pflegekräfte: Dokumentation, Übergabe, Gespräche mit Angehörigen.'),
    entered: m('Berufssprachkurs B1 Handwerk Ehrenfeld', 'arbeit-ausbildung', ['arbeitsuchende'], ['Ehrenfeld'], ['2026-03-01', '2026-12-18'], 'Deutsch für die Werkstatt: Arbeitsschutz, Werkzeuge, Gespräche mit Kunden auf der Baustelle.'),
  },
  {
    duplicate: false,
    why: 'Dialog der Religionen in Porz und ein Kochabend der Kulturen in Porz: anderes Angebot',
    existing: m('Dialog der Religionen Porz', 'teilhabe-partizipation', ['erwachsene'], ['Porz'], ['2023-01-01', null], 'Gesprächsabende der Gemeinden über Feste, Werte und das Zusammenleben.'),
    entered: m('Kochabend der Kulturen Porz', 'kultur-sport', ['familien'], ['Porz'], ['2026-01-01', null], 'Familien kochen Gerichte aus ihren Herkunftsländern und essen gemeinsam.'),
  },
  {
    duplicate: false,
    why: 'Elternbegleitung beim Schulstart in Kalk und in Chorweiler',
    existing: m('Elternbegleitung Schulstart Chorweiler', 'sprache-bildung', ['eltern'], ['Chorweiler'], ['2024-08-01', null], 'Eltern lernen das Schulsystem kennen und werden zur Anmeldung begleitet.'),
    entered: m('Elternbegleitung Schulstart Kalk', 'sprache-bildung', ['eltern'], ['Kalk'], ['2026-08-01', null], 'Eltern lernen das Schulsystem kennen und werden zur Anmeldung begleitet.'),
  },
  {
    duplicate: false,
    why: 'Deutschkurs C1 für Studierende und Alphabetisierung: ganz andere Teilnehmende',
    existing: m('Deutschkurs C1 Hochschule Lindenthal', 'sprache-bildung', ['studierende'], ['Lindenthal'], ['2025-10-01', '2026-03-31'], 'Intensivkurs zur Vorbereitung auf das Studium, Abschluss telc C1 Hochschule.'),
    entered: m('Alphabetisierungskurs Lindenthal', 'sprache-bildung', ['erwachsene', 'neuzugewanderte'], ['Lindenthal'], ['2026-01-01', '2026-12-31'], 'Lesen und Schreiben lernen für Erwachsene ohne Schulbildung.'),
  },
  {
    duplicate: false,
    why: 'zwei Fußballangebote, aber in Porz und in Kalk',
    existing: m('Fußball für alle Porz', 'kultur-sport', ['kinder', 'jugendliche'], ['Porz'], ['2023-03-01', null], 'Kostenloses Training für Kinder und Jugendliche aus dem Viertel.'),
    entered: m('Fußball für alle Kalk', 'kultur-sport', ['kinder', 'jugendliche'], ['Kalk'], ['2026-03-01', null], 'Kostenloses Training für Kinder und Jugendliche aus dem Viertel.'),
  },
  {
    duplicate: false,
    why: 'Vereinsberatung für Migrantenorganisationen und Ehrenamtsschulung für Sprachpaten: beide für Ehrenamtliche, sonst nichts gemein',
    existing: m('Vereinsberatung für Migrantenorganisationen Nippes', 'teilhabe-partizipation', ['ehrenamtliche'], ['Nippes'], ['2025-06-01', null], 'Satzung, Gemeinnützigkeit und erste Förderanträge für neue Vereine.'),
    entered: m('Schulung für Sprachpatinnen und Sprachpaten Nippes', 'teilhabe-partizipation', ['ehrenamtliche'], ['Nippes'], ['2026-01-01', null], 'Methoden des Sprachlernens, Umgang mit Belastungen, Grenzen des Ehrenamts.'),
  },
  {
    duplicate: false,
    why: 'Smartphonekurs für Ältere in Mülheim und in Rodenkirchen',
    existing: m('Smartphonekurs für Ältere Rodenkirchen', 'teilhabe-partizipation', ['seniorinnen-senioren'], ['Rodenkirchen'], ['2026-01-01', '2026-12-31'], 'Smartphone und Tablet lernen: Videotelefonie, Online-Termine, sichere Passwörter.'),
    entered: m('Smartphonekurs für Ältere Mülheim', 'teilhabe-partizipation', ['seniorinnen-senioren'], ['Mülheim'], ['2026-01-01', '2026-12-31'], 'Smartphone und Tablet lernen: Videotelefonie, Online-Termine, sichere Passwörter.'),
  },
  {
    duplicate: false,
    why: 'Sprachcafé für Frauen in Ehrenfeld, das erste endete vor Jahren',
    existing: m('Sprachcafé für Frauen Ossendorf 2021', 'sprache-bildung', ['frauen'], ['Ehrenfeld/Ossendorf'], ['2021-01-01', '2022-06-30'], 'Frauen üben einmal pro Woche Deutsch sprechen, mit Kinderbetreuung.'),
    entered: m('Sprachcafé für Frauen Ossendorf', 'sprache-bildung', ['frauen'], ['Ehrenfeld/Ossendorf'], ['2026-01-01', null], 'Frauen üben einmal pro Woche Deutsch sprechen, mit Kinderbetreuung.'),
  },
];
