import type { NotesMessages } from './de-notes';

// English twins of de-notes.ts.

export const enNotes: NotesMessages = {
  resources: {
    users: { fields: { taskMail: 'Task mails' } },
    tasks: { fields: { resubmitAt: 'Follow-up on', resubmitReason: 'Reason for the follow-up', resubmission: 'Follow-ups' } },
  },
  app: {
    menu: { resubmissions: 'Follow-ups' },
    note: {
      add: 'Add a note',
      title: 'Note on the procedure',
      title_task: 'Note on the task',
      text: 'Note',
      text_hint: 'What is to be kept on record: a call, an agreement, something received.',
      files: 'Attach files',
      files_hint: 'Up to 5 files, at most 10 MB each: PDF, Word, Excel, OpenDocument, PNG, JPEG or text (.txt).',
      chosen: 'Chosen: %{names}',
      save: 'Save note',
      saved: 'The note has been saved.',
      by: 'by',
      on_task: 'on the task',
      file: 'Download file: %{name}',
    },
    resubmission: {
      button: 'Follow-up',
      title: 'Put the task aside for a follow-up',
      intro: 'The task leaves the inboxes until that day and then comes back, marked with the reason. Its deadline and reminders keep running.',
      date: 'Follow-up on',
      reason: 'Reason',
      reason_hint: 'e.g. “waiting for the provider’s documents”',
      save: 'Put aside',
      saved: 'The task is put aside until %{date}.',
      waiting: 'Follow-up on %{date}: %{reason}',
      returned: 'Follow-up: %{reason}',
      cancel: 'End the follow-up',
      cancelled: 'The task is back in the inbox.',
      only: 'follow-ups only',
      none: 'not put aside',
    },
    task_mail: {
      each: 'one mail per new task',
      digest: 'one digest in the morning',
    },
    preferences: {
      menu: 'My settings',
      title: 'My settings',
      task_mail: 'How would you like to hear of new tasks?',
      task_mail_hint:
        'The digest comes every working day (Monday to Friday) at 7 and lists your overdue tasks, those due today and the new ones, your groups’ included; when there is nothing to report, none comes. Reminders of deadlines and escalations still come one by one.',
      save: 'Save',
      saved: 'Your settings have been saved.',
    },
    audit_action: {
      note_added: 'Note added',
      task_resubmission: 'Put aside for a follow-up',
      'task_resubmission-cancelled': 'Follow-up ended',
    },
    audit_detail: {
      text: 'Text',
      resubmitAt: 'Follow-up on',
    },
    timeline: { source: { note: 'Note' } },
  },
};
