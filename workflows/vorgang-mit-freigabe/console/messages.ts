// The words of this procedure's console parts, German and English (the shell merges them into its catalogues).

const de = {
  app: {
    procedure_types: { 'vorgang-mit-freigabe': 'Vorgang mit Freigabe' },
  },
};

const en: typeof de = {
  app: {
    procedure_types: { 'vorgang-mit-freigabe': 'Matter with approval' },
  },
};

// The map's steps in English; in German they are the labels of steps.ts.
const stepsEn = {
  'vorgang-mit-freigabe': {
    bearbeiten: 'Work on the matter',
    freigabe: 'Approval by the management',
    freigegeben: 'Approved',
    'nicht-freigegeben': 'Not approved after 10 rounds',
    edges: { 'freigabe>bearbeiten': 'rejected → back', 'freigabe>freigegeben': 'approved', 'freigabe>nicht-freigegeben': 'after 10 rounds' },
  },
};

export const messages = { de, en: { ...en, app: { ...en.app, steps: stepsEn } } };
