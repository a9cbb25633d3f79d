// The words of this procedure's console parts, German and English (the shell merges them into its catalogues).
// Fields of action and funder levels are the registry's words (measure-coordination/console/messages.ts).

const de = {
  resources: {
    'measure-programme-reports': {
      name: 'Maßnahmenprogramm |||| Maßnahmenprogramme',
      fields: { year: 'Jahr', title: 'Titel', summary: 'Einschätzung', publishedAt: 'Veröffentlicht am', downloads: 'Herunterladen' },
    },
  },
  app: {
    empty: {
      programme_reports:
        'Noch kein Maßnahmenprogramm veröffentlicht. Ein Bericht erscheint hier, sobald das Verfahren „Maßnahmenprogramm berichten“ für ein Jahr freigegeben ist.',
    },
    audit_action: { 'measure-programme-report_published': 'Maßnahmenprogramm veröffentlicht' },
    procedure_types: { 'measure-programme': 'Maßnahmenprogramm berichten' },
    programme: {
      year: 'Jahr',
      year_hint: 'Das Jahr, über das berichtet wird; je Jahr ein Bericht',
      of_year: 'Interkulturelles Maßnahmenprogramm %{year}',
      matrix: 'Maßnahmen nach Handlungsfeld und Stadtbezirk',
      matrix_hint:
        'Je Zelle: Maßnahmen und Teilnehmende pro Jahr; „–“: kein Angebot. Eine Maßnahme in mehreren Stadtbezirken zählt in jedem, in der Spalte „Köln“ einmal.',
      measures_in_year: '%{smart_count} Maßnahme läuft im Jahr. |||| %{smart_count} Maßnahmen laufen im Jahr.',
      participants_short: '%{count} TN',
      field_of_action: 'Handlungsfeld',
      city: 'Köln',
      all_fields: 'Alle Handlungsfelder',
      crowded: 'Mehrere ähnliche Angebote (ab %{from} Maßnahmen eines Handlungsfelds in einem Stadtbezirk)',
      funding: 'Finanzierung nach Förderebene und Handlungsfeld (Euro pro Jahr)',
      sum: 'Summe',
      coordinations: 'Abstimmungen zwischen Maßnahmen',
      no_coordinations: 'In diesem Jahr wurden keine Maßnahmen miteinander abgestimmt.',
      not_needed: '%{smart_count} geprüfte Überschneidung brauchte keine Abstimmung. |||| %{smart_count} geprüfte Überschneidungen brauchten keine Abstimmung.',
      summary: 'Einschätzung des Jahres',
      summary_hint: 'Wo fehlen Angebote, wo lohnt eine Abstimmung der Träger, was sagt die Finanzierung?',
      commented_by: 'Eingeschätzt von',
      feedback: 'Rückmeldung der Amtsleitung',
    },
  },
};

const en: typeof de = {
  resources: {
    'measure-programme-reports': {
      name: 'Programme of measures |||| Programmes of measures',
      fields: { year: 'Year', title: 'Title', summary: 'Assessment', publishedAt: 'Published', downloads: 'Download' },
    },
  },
  app: {
    empty: {
      programme_reports: 'No programme of measures published yet. A report appears here once the procedure “Report the programme of measures” is approved for a year.',
    },
    audit_action: { 'measure-programme-report_published': 'Programme of measures published' },
    procedure_types: { 'measure-programme': 'Report the programme of measures' },
    programme: {
      year: 'Year',
      year_hint: 'The year reported on; one report per year',
      of_year: 'Intercultural programme of measures %{year}',
      matrix: 'Measures by field of action and borough',
      matrix_hint:
        'Each cell: measures and participants per year; “–”: no offer. A measure in several boroughs counts in each, in the column “Cologne” once.',
      measures_in_year: '%{smart_count} measure runs in the year. |||| %{smart_count} measures run in the year.',
      participants_short: '%{count} part.',
      field_of_action: 'Field of action',
      city: 'Cologne',
      all_fields: 'All fields of action',
      crowded: 'Several similar offers (from %{from} measures of one field of action in one borough)',
      funding: 'Funding by funder level and field of action (euros a year)',
      sum: 'Total',
      coordinations: 'Coordinations between measures',
      no_coordinations: 'No measures were coordinated this year.',
      not_needed: '%{smart_count} overlap checked needed no coordination. |||| %{smart_count} overlaps checked needed no coordination.',
      summary: 'Assessment of the year',
      summary_hint: 'Where are offers missing, where would coordinating the providers pay, what does the funding say?',
      commented_by: 'Assessed by',
      feedback: "Management's feedback",
    },
  },
};

// The map's steps in English; in German they are the labels of steps.ts.
const stepsEn = {
  'measure-programme': {
    auswertung: 'Evaluate the registry for the year',
    kommentar: 'Assess the programme of measures',
    freigabe: 'Approve the report',
    'bericht:html': 'Create the report',
    'bericht:pdf': 'Print the report as PDF',
    'bericht:veroeffentlicht': 'Publish and send',
    veroeffentlicht: 'Report published',
    'keine-massnahmen': 'No measures in the year',
    'nicht-freigegeben': 'Not approved after 10 rounds',
    edges: {
      'auswertung>kommentar': 'measures in the year',
      'auswertung>keine-massnahmen': 'no measure in the year',
      'freigabe>kommentar': 'rejected → back',
      'freigabe>bericht:html': 'approved',
      'freigabe>nicht-freigegeben': 'after 10 rounds',
    },
  },
};

export const messages = { de, en: { ...en, app: { ...en.app, steps: stepsEn } } };
