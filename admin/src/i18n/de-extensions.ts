// The words of the shell's later pages (knowledge base, schedules, a procedure's parts), kept apart
// from de.ts so that both grow without treading on each other; each procedure module has its own.
// en-extensions.ts has the same keys (its type is this object's); provider.ts merges them in.

export const deExtensions = {
  resources: {
    knowledge: {
      name: 'Wissensspeicher |||| Wissensspeicher',
      fields: {
        title: 'Titel',
        sourceType: 'Quelle',
        topic: 'Thema',
        topics: 'Themen',
        departmentId: 'Dienststelle',
        year: 'Jahr',
        archivedAt: 'Archiviert am',
        summary: 'Zusammenfassung',
        q: 'Suchbegriff',
      },
    },
    schedules: {
      name: 'Zeitplan |||| Zeitpläne',
      fields: { label: 'Zeitplan', paused: 'Zustand', nextRunAt: 'Nächster Lauf', lastRunAt: 'Letzter Lauf', runs: 'Läufe', every: 'Rhythmus' },
    },
    incidents: {
      name: 'Störung |||| Störungen',
      empty: 'Keine Störungen: alles läuft.',
      fields: { what: 'Betroffen', cause: 'Ursache', since: 'Seit', attempts: 'Versuche', actions: 'Aktion' },
    },
  },
  app: {
    knowledge: {
      title: 'Wissensspeicher durchsuchen',
      search_hint: 'z. B. Sprachförderung, "genaue Wendung", -ausschließen',
      hits: '%{smart_count} Treffer |||| %{smart_count} Treffer',
      no_hits: 'Keine Treffer. Bitte andere Suchbegriffe oder weniger Filter versuchen.',
      open_procedure: 'Vorgang öffnen',
      full_text: 'Vollständiger Text',
      rank: 'Relevanz',
    },
    incident: {
      kind: { activity: 'Ein Schritt schlägt fehl', mail: 'Eine Mail geht nicht hinaus', job: 'Ein Zeitplan-Auftrag schlägt fehl' },
      retry: 'Jetzt erneut versuchen',
      retried: 'Der erneute Versuch ist angestoßen.',
      disturbed: 'gestört',
    },
    schedule: {
      active: 'aktiv',
      paused: 'angehalten',
      pause: 'Anhalten',
      resume: 'Fortsetzen',
      trigger: 'Jetzt auslösen',
      paused_done: 'Der Zeitplan ist angehalten.',
      resumed_done: 'Der Zeitplan läuft wieder.',
      triggered_done: 'Der Zeitplan wurde ausgelöst.',
      every: 'alle %{duration}',
      cron: 'nach Plan: %{cron}',
    },
    relations: {
      parent: 'Teil von',
      parent_untitled: 'übergeordneter Vorgang',
      children: 'Teilvorgänge',
      requests: 'Anfragen an die Dienststellen',
      deadline: 'Frist',
      attachment: 'Anhang herunterladen: %{name}',
      none: 'Noch keine Anfragen.',
    },
  },
};

export type ExtensionMessages = typeof deExtensions;
