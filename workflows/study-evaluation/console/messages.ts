// The words of this procedure's console parts, German and English (the shell merges them into its catalogues).

const de = {
  resources: {
    studies: {
      name: 'Studie |||| Studien',
      fields: {
        title: 'Titel',
        authors: 'Autorinnen und Autoren',
        publisher: 'Herausgeber',
        year: 'Jahr',
        link: 'Link',
        topics: 'Themen',
        fileName: 'Datei',
        fileSize: 'Größe',
        createdAt: 'Angelegt am',
        topic: 'Thema',
        q: 'Suche',
      },
    },
  },
  app: {
    empty: { studies: 'Noch keine Studien. Erfassen Sie eine Studie, um sie auszuwerten.', create_study: 'Studie erfassen' },
    audit_action: { 'studies_file-uploaded': 'Datei der Studie hochgeladen' },
    procedure_types: { 'study-evaluation': 'Studie auswerten' },
    knowledge_source: {
      study: 'Studie',
    },
    study: {
      study: 'Studie',
      start_evaluation: 'Auswertung starten',
      evaluation_started: 'Die Auswertung wurde gestartet.',
      file: 'Datei der Studie',
      no_file: 'Noch keine Datei hochgeladen.',
      upload: 'Datei hochladen',
      uploaded: 'Die Datei wurde hochgeladen.',
      download: 'Herunterladen',
      upload_hint: 'PDF, Office-Dokumente, Bilder oder Text; höchstens 10 MB. Ersetzt eine frühere Datei.',
      summary: 'Zusammenfassung der Studie',
      relevance: 'Relevanz für die Stadt',
      relevance_hint: 'ab 2 werden die gewählten Dienststellen angefragt',
      relevance_1: '1 – kaum',
      relevance_2: '2 – gering',
      relevance_3: '3 – mittel',
      relevance_4: '4 – hoch',
      relevance_5: '5 – sehr hoch',
      departments: 'Betroffene Dienststellen',
      key_findings: 'Wichtigste Erkenntnisse',
      key_findings_hint: 'Eine Erkenntnis je Eintrag; Eingabetaste fügt sie hinzu.',
      previous: 'Frühere Fassung',
      summarised_by: 'Zusammengefasst von',
      decision: 'Zweitlektüre',
      approve: 'Freigeben',
      revise: 'Zur Überarbeitung zurück',
    },
  },
};

const en: typeof de = {
  resources: {
    studies: {
      name: 'Study |||| Studies',
      fields: {
        title: 'Title',
        authors: 'Authors',
        publisher: 'Publisher',
        year: 'Year',
        link: 'Link',
        topics: 'Topics',
        fileName: 'File',
        fileSize: 'Size',
        createdAt: 'Created',
        topic: 'Topic',
        q: 'Search',
      },
    },
  },
  app: {
    empty: { studies: 'No studies yet. Record a study to evaluate it.', create_study: 'Record a study' },
    audit_action: { 'studies_file-uploaded': 'Study file uploaded' },
    procedure_types: { 'study-evaluation': 'Study evaluation' },
    knowledge_source: {
      study: 'Study',
    },
    study: {
      study: 'Study',
      start_evaluation: 'Start evaluation',
      evaluation_started: 'The evaluation has started.',
      file: 'File of the study',
      no_file: 'No file uploaded yet.',
      upload: 'Upload file',
      uploaded: 'The file has been uploaded.',
      download: 'Download',
      upload_hint: 'PDF, office documents, images or text; at most 10 MB. Replaces an earlier file.',
      summary: 'Summary of the study',
      relevance: 'Relevance for the city',
      relevance_hint: 'from 2 on, the chosen departments are asked',
      relevance_1: '1 – hardly',
      relevance_2: '2 – low',
      relevance_3: '3 – medium',
      relevance_4: '4 – high',
      relevance_5: '5 – very high',
      departments: 'Departments concerned',
      key_findings: 'Key findings',
      key_findings_hint: 'One finding per entry; Enter adds it.',
      previous: 'Earlier version',
      summarised_by: 'Summarised by',
      decision: 'Second reading',
      approve: 'Approve',
      revise: 'Send back for revision',
    },
  },
};

// The map's steps in English; in German they are the labels of steps.ts.
const stepsEn = {
  'study-evaluation': {
    zusammenfassen: 'Summary and relevance',
    gegenlesen: 'Second reading',
    dienststellen: 'Feedback of the departments',
    archivieren: 'Archive in the knowledge base',
    ausgewertet: 'Evaluated and archived',
    'nicht-freigegeben': 'Not approved after 10 rounds',
    edges: {
      'gegenlesen>zusammenfassen': 'back for revision',
      'gegenlesen>dienststellen': 'approved, relevance 2 or more',
      'gegenlesen>archivieren': 'approved, relevance 1',
      'gegenlesen>nicht-freigegeben': 'after 10 rounds',
    },
  },
};

export const messages = { de, en: { ...en, app: { ...en.app, steps: stepsEn } } };
