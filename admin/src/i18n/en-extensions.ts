import type { ExtensionMessages } from './de-extensions';

export const enExtensions: ExtensionMessages = {
  resources: {
    knowledge: {
      name: 'Knowledge base |||| Knowledge base',
      fields: {
        title: 'Title',
        sourceType: 'Source',
        topic: 'Topic',
        topics: 'Topics',
        departmentId: 'Department',
        year: 'Year',
        archivedAt: 'Archived',
        summary: 'Summary',
        q: 'Search terms',
      },
    },
    schedules: {
      name: 'Schedule |||| Schedules',
      fields: { label: 'Schedule', paused: 'State', nextRunAt: 'Next run', lastRunAt: 'Last run', runs: 'Runs', every: 'Rhythm' },
    },
    incidents: {
      name: 'Disturbance |||| Disturbances',
      empty: 'No disturbances: everything runs.',
      fields: { what: 'Affected', cause: 'Cause', since: 'Since', attempts: 'Attempts', actions: 'Action' },
    },
  },
  app: {
    knowledge: {
      title: 'Search the knowledge base',
      search_hint: 'e.g. language support, "exact phrase", -exclude',
      hits: '%{smart_count} hit |||| %{smart_count} hits',
      no_hits: 'No hits. Please try other terms or fewer filters.',
      open_procedure: 'Open procedure',
      full_text: 'Full text',
      rank: 'Relevance',
    },
    incident: {
      kind: { activity: 'A step keeps failing', mail: 'A mail does not go out', job: 'A scheduled job keeps failing' },
      retry: 'Retry now',
      retried: 'The retry has been started.',
      disturbed: 'disturbed',
    },
    schedule: {
      active: 'active',
      paused: 'paused',
      pause: 'Pause',
      resume: 'Resume',
      trigger: 'Trigger now',
      paused_done: 'The schedule is paused.',
      resumed_done: 'The schedule runs again.',
      triggered_done: 'The schedule has been triggered.',
      every: 'every %{duration}',
      cron: 'scheduled: %{cron}',
    },
    relations: {
      parent: 'Part of',
      parent_untitled: 'the parent procedure',
      children: 'Sub-procedures',
      requests: 'Requests to the departments',
      deadline: 'Deadline',
      attachment: 'Download attachment: %{name}',
      none: 'No requests yet.',
    },
  },
};
