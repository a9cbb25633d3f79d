// The words of this procedure's console parts, German and English (the shell merges them into its catalogues).

const de = {
  app: {
    procedure_types: { 'department-consultation': 'Fachdienststellen-Anfrage' },
  },
};

const en: typeof de = {
  app: {
    procedure_types: { 'department-consultation': 'Department consultation' },
  },
};

// The map's steps in English; in German they are the labels of steps.ts.
const stepsEn = {
  'department-consultation': {
    'consultation:waiting': 'Waiting for answers',
    erinnerung: 'Reminder to the departments',
    eskalation: 'Escalation to the heads',
    'keine-antwort': '“No answer” at the deadline',
    zusammenfuehren: 'Consolidate the answers',
    zusammengefuehrt: 'Consolidated',
    abgeschlossen: 'Answers handed to the procedure',
    edges: {
      'consultation:waiting>erinnerung': 'not all have answered',
      'erinnerung>eskalation': 'not all have answered',
      'eskalation>keine-antwort': 'deadline passed',
      'consultation:waiting>zusammenfuehren': 'all have answered',
      'erinnerung>zusammenfuehren': 'all have answered',
      'eskalation>zusammenfuehren': 'all have answered',
      'consultation:waiting>abgeschlossen': 'without consolidation (part of a procedure)',
      'keine-antwort>abgeschlossen': 'without consolidation',
    },
  },
};

export const messages = { de, en: { ...en, app: { ...en.app, steps: stepsEn } } };
