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
    // The published reports' downloads (common/ReportList.tsx), for every module's reports.
    report: { html: 'HTML', pdf: 'PDF' },
    // A list with nothing yet: what to do next, and the button's words (common/EmptyState.tsx).
    empty: {
      procedures: 'Noch keine Vorgänge. Starten Sie den ersten Vorgang, etwa eine Anfrage an die Fachdienststellen oder die Prüfung eines Förderaufrufs.',
      start_procedure: 'Vorgang starten',
      my_tasks: 'Sie haben gerade keine Aufgaben. Offene Aufgaben Ihrer Gruppe finden Sie unter „Gruppenaufgaben“; dort können Sie eine übernehmen.',
      open_group_tasks: 'Gruppenaufgaben öffnen',
      group_tasks: 'Keine Gruppenaufgaben offen. Neue Aufgaben entstehen, sobald ein Vorgang läuft; starten Sie einen, wenn etwas zu tun ist.',
      all_tasks: 'Noch keine Aufgaben. Aufgaben entstehen, sobald ein Vorgang läuft.',
      consultation_requests:
        'Noch keine Anfragen an Dienststellen. Eine Anfrage geht hinaus, sobald ein Vorgang die Dienststellen fragt, etwa eine Fachdienststellen-Anfrage.',
      departments: 'Noch keine Dienststellen. Legen Sie die Dienststellen an, die das Amt für Integration anfragt.',
      create_department: 'Dienststelle anlegen',
      users: 'Noch keine Benutzer. Legen Sie die Konten der Kolleginnen und Kollegen an.',
      create_user: 'Benutzer anlegen',
      mails: 'Noch keine Mails im Postausgang. Mails entstehen, sobald ein Vorgang eine Aufgabe meldet oder Dienststellen anfragt.',
      mailbox: 'Das Demo-Postfach ist leer. Hier erscheinen die Mails, die Amtsflow im Demo-Betrieb verschickt; starten Sie einen Vorgang, um die erste zu sehen.',
      inbound_mails: 'Noch keine Antworten per Mail. Hier erscheinen die Antworten, die Dienststellen auf die Mail einer Anfrage schicken.',
      open_requests: 'Anfragen an Dienststellen ansehen',
      audit: 'Das Protokoll ist noch leer. Jede Aktion in Vorgängen, Aufgaben und Stammdaten wird hier festgehalten.',
      open_procedures: 'Vorgänge ansehen',
      schedules: 'Keine Zeitpläne eingerichtet. Die Verfahren legen ihre Zeitpläne selbst an, etwa das Integrationsmonitoring jedes Quartal.',
      open_procedure_types: 'Verfahrenskarten ansehen',
      knowledge:
        'Der Wissensspeicher ist noch leer. Einträge entstehen, sobald eine Studienauswertung oder die Prüfung eines Förderaufrufs abgeschlossen ist.',
    },
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
