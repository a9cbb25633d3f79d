// The words of Vermerke, Wiedervorlage and the task-mail choice, German; en-notes.ts has the same keys
// (its type is this object's); provider.ts merges them in.

export const deNotes = {
  resources: {
    users: { fields: { taskMail: 'Aufgaben-Mails' } },
    tasks: { fields: { resubmitAt: 'Wiedervorlage am', resubmitReason: 'Grund der Wiedervorlage', resubmission: 'Wiedervorlagen' } },
  },
  app: {
    menu: { resubmissions: 'Wiedervorlagen' },
    note: {
      add: 'Vermerk hinzufügen',
      title: 'Vermerk zum Vorgang',
      title_task: 'Vermerk zur Aufgabe',
      text: 'Vermerk',
      text_hint: 'Was festgehalten werden soll: ein Telefonat, eine Absprache, ein Eingang.',
      files: 'Dateien anhängen',
      files_hint: 'Bis zu 5 Dateien, je höchstens 10 MB: PDF, Word, Excel, OpenDocument, PNG, JPEG oder Text (.txt).',
      chosen: 'Ausgewählt: %{names}',
      save: 'Vermerk speichern',
      saved: 'Der Vermerk ist gespeichert.',
      by: 'von',
      on_task: 'zur Aufgabe',
      file: 'Datei herunterladen: %{name}',
    },
    resubmission: {
      button: 'Wiedervorlage',
      title: 'Aufgabe auf Wiedervorlage legen',
      intro: 'Die Aufgabe verschwindet bis zu diesem Tag aus den Posteingängen und kommt dann mit dem Grund markiert zurück. Ihre Frist und die Erinnerungen laufen weiter.',
      date: 'Wiedervorlage am',
      reason: 'Grund',
      reason_hint: 'z. B. „Unterlagen vom Träger abwarten“',
      save: 'Auf Wiedervorlage legen',
      saved: 'Die Aufgabe liegt bis %{date} auf Wiedervorlage.',
      waiting: 'Wiedervorlage am %{date}: %{reason}',
      returned: 'Wiedervorlage: %{reason}',
      cancel: 'Wiedervorlage aufheben',
      cancelled: 'Die Aufgabe steht wieder im Posteingang.',
      only: 'nur Wiedervorlagen',
      none: 'nicht auf Wiedervorlage',
    },
    task_mail: {
      each: 'eine Mail je neue Aufgabe',
      digest: 'eine Tagesübersicht am Morgen',
    },
    preferences: {
      menu: 'Meine Einstellungen',
      title: 'Meine Einstellungen',
      task_mail: 'Wie möchten Sie von neuen Aufgaben erfahren?',
      task_mail_hint:
        'Die Tagesübersicht kommt an jedem Werktag (Montag bis Freitag) um 7 Uhr und nennt Ihre überfälligen, heute fälligen und neuen Aufgaben, auch die Ihrer Gruppen; wenn es nichts zu berichten gibt, kommt keine. Erinnerungen an Fristen und Eskalationen erhalten Sie weiterhin einzeln.',
      save: 'Speichern',
      saved: 'Ihre Einstellungen sind gespeichert.',
    },
    audit_action: {
      note_added: 'Vermerk hinzugefügt',
      task_resubmission: 'Auf Wiedervorlage gelegt',
      'task_resubmission-cancelled': 'Wiedervorlage aufgehoben',
    },
    audit_detail: {
      text: 'Text',
      resubmitAt: 'Wiedervorlage am',
    },
    timeline: { source: { note: 'Vermerk' } },
  },
};

export type NotesMessages = typeof deNotes;
