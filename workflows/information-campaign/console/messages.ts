// The words of the Informationskampagne in the console, German and English.

const de = {
  app: {
    procedure_types: { 'information-campaign': 'Informationskampagne' },
    campaign: {
      department: 'Anliegen der Dienststelle',
      title: 'Titel',
      text: 'Text der Information',
      letter: 'Begleitworte der Mail',
      translations: 'Übersetzungen',
      translations_hint: 'Jede Sprache, in die die Information übersetzt wird, mit der Sprachmittlung, die sie übersetzt.',
      language: 'Sprache',
      translator: 'Sprachmittlung',
      organisations: 'Organisationen',
      communities: 'Ziel-Communities',
      targets_hint: 'Wen die Kampagne erreichen soll: wo keine berichtende Organisation hinreicht, nennt die Auswertung eine Lücke.',
      report_deadline: 'Frist für die Rückmeldungen',
      report_deadline_hint: 'Leer: 20 Arbeitstage.',
      translated_by: 'Übersetzung in %{language} von %{translator}, Runde %{round}. Links die Vorlage, rechts die Übersetzung.',
      totals:
        '%{contacts} Ansprechpersonen angeschrieben; %{reported} von %{mailed} angeschriebenen Organisationen haben berichtet und %{reached} Menschen erreicht.',
      by_language: 'Nach Sprache',
      by_community: 'Nach Community',
      by_district: 'Nach Stadtbezirk',
      contacts: 'Angeschrieben',
      reported: 'Berichtet',
      reached: 'Erreicht',
      occasions: 'Gelegenheiten',
      gap_not_mailed: 'Ohne Einwilligung in Kampagnen-Mails, nicht angeschrieben',
      gap_not_reported: 'Angeschrieben, ohne Rückmeldung',
      gap_untranslated: 'Ohne freigegebene Übersetzung (erhielten das deutsche Faltblatt)',
      gap_communities: 'Ziel-Communities, die keine berichtende Organisation erreicht',
      gap_districts: 'Ziel-Stadtbezirke, die keine berichtende Organisation erreicht',
      summary: 'Bewertung',
      follow_up: 'Nächste Schritte für die Lücken',
    },
  },
};

const en: typeof de = {
  app: {
    procedure_types: { 'information-campaign': 'Information campaign' },
    campaign: {
      department: 'Concern of the department',
      title: 'Title',
      text: 'Text of the information',
      letter: 'Words accompanying the mail',
      translations: 'Translations',
      translations_hint: 'Each language the information is translated into, with the translator who translates it.',
      language: 'Language',
      translator: 'Translator',
      organisations: 'Organisations',
      communities: 'Target communities',
      targets_hint: 'Whom the campaign is meant to reach: where no reporting organisation reaches, the assessment names a gap.',
      report_deadline: 'Deadline for the reports',
      report_deadline_hint: 'Empty: 20 working days.',
      translated_by: 'Translation into %{language} by %{translator}, round %{round}. The source on the left, the translation on the right.',
      totals: '%{contacts} contacts written to; %{reported} of %{mailed} organisations written to have reported, reaching %{reached} people.',
      by_language: 'By language',
      by_community: 'By community',
      by_district: 'By borough',
      contacts: 'Written to',
      reported: 'Reported',
      reached: 'Reached',
      occasions: 'Occasions',
      gap_not_mailed: 'No consent to campaign mails, not written to',
      gap_not_reported: 'Written to, no report',
      gap_untranslated: 'No approved translation (received the German flyer)',
      gap_communities: 'Target communities no reporting organisation reaches',
      gap_districts: 'Target boroughs no reporting organisation reaches',
      summary: 'Assessment',
      follow_up: 'Next steps for the gaps',
    },
  },
};

// The map's steps in English; in German they are the labels of steps.ts.
const stepsEn = {
  'information-campaign': {
    uebersetzung: 'Request the translations',
    pruefen: 'Check a translation (second person)',
    faltblaetter: 'Print the flyers',
    rueckmeldung: 'Mailing and the organisations’ reports',
    auswerten: 'Assess the campaign',
    abgeschlossen: 'Completed',
    niemand: 'No organisation reachable',
    edges: {
      'start>faltblaetter': 'German only',
      'uebersetzung>faltblaetter': 'no translation by the deadline',
      'pruefen>uebersetzung': 'sent back → another round',
      'pruefen>faltblaetter': 'approved',
      'faltblaetter>auswerten': 'no organisation reachable',
      'auswerten>niemand': 'nobody written to',
    },
  },
};

export const messages = { de, en: { ...en, app: { ...en.app, steps: stepsEn } } };
