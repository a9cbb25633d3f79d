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

export const messages = { de, en };
