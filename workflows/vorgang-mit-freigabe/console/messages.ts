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

export const messages = { de, en };
