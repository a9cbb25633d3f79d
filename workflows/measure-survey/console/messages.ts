// The words of the Trägerabfrage in the console, German and English.

const de = {
  app: {
    procedure_types: { 'measure-survey': 'Trägerabfrage' },
    survey: {
      year: 'Jahr',
      measure: 'Maßnahme',
      registered: 'Teilnehmende (erfasst)',
      reported: 'Teilnehmende (gemeldet)',
      running: 'Läuft weiter',
      funding: 'Finanzierung geändert',
      unanswered: 'Nicht geantwortet haben',
      unreachable: 'Ohne Mail-Adresse, nicht angefragt',
      apply: 'Diese Korrekturen ins Register übernehmen',
      note: 'Vermerk',
    },
  },
};

const en: typeof de = {
  app: {
    procedure_types: { 'measure-survey': 'Provider survey' },
    survey: {
      year: 'Year',
      measure: 'Measure',
      registered: 'Participants (registered)',
      reported: 'Participants (reported)',
      running: 'Still running',
      funding: 'Funding changed',
      unanswered: 'Did not answer',
      unreachable: 'No e-mail address, not asked',
      apply: 'Take these corrections into the registry',
      note: 'Note',
    },
  },
};

// The map's steps in English; in German they are the labels of steps.ts.
const stepsEn = {
  'measure-survey': {
    abfrage: 'Survey of the providers',
    pruefen: 'Check the providers’ answers',
    abgeschlossen: 'Completed',
    niemand: 'No provider to ask',
    edges: { 'start>niemand': 'no measure in the year' },
  },
};

export const messages = { de, en: { ...en, app: { ...en.app, steps: stepsEn } } };
