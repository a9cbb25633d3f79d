import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  json,
} from 'drizzle-orm/pg-core';
import type { GrammaticalGender } from '../grammar/german';
import type { AddresseeName } from '../workflows/engine/consultation/participants';

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const roles = ['staff', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

/** How a person learns of their tasks: a mail for each new one, or one digest a day (Tagesübersicht). */
export const taskMailChoices = ['each', 'digest'] as const;
export type TaskMailChoice = (typeof taskMailChoices)[number];

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    // How every text names it (grammar/german.ts): "das Jugendamt", "dem Jugendamt", "des Jugendamts".
    grammaticalGender: text('grammatical_gender').notNull().$type<GrammaticalGender>(),
    nameAccusative: text('name_accusative').notNull(),
    nameDative: text('name_dative').notNull(),
    nameGenitive: text('name_genitive').notNull(),
    contactEmail: text('contact_email').notNull(),
    headName: text('head_name'),
    headEmail: text('head_email').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [check('departments_grammatical_gender', sql`${t.grammaticalGender} in ('masculine', 'feminine', 'neuter', 'plural')`)],
);

/** A department's name with its forms, as a select's part: what every text that names it needs (grammar/german.ts). */
export const departmentNameForms = {
  name: departments.name,
  grammaticalGender: departments.grammaticalGender,
  nameAccusative: departments.nameAccusative,
  nameDative: departments.nameDative,
  nameGenitive: departments.nameGenitive,
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull().$type<Role[]>(),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    // Vertretung: while absent, the substitute sees and may complete this user's tasks.
    absent: boolean('absent').notNull().default(false),
    substituteId: uuid('substitute_id'),
    taskMail: text('task_mail').notNull().$type<TaskMailChoice>().default('each'),
    /** When the last digest was sent: its "new" tasks are those since then. */
    taskDigestSentAt: tstz('task_digest_sent_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower').on(sql`lower(${t.email})`)],
);

// Shape required by connect-pg-simple.
export const sessions = pgTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    sess: json('sess').notNull(),
    expire: timestamp('expire', { precision: 6, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_expire').on(t.expire)],
);

export const procedureStatuses = ['running', 'completed', 'cancelled', 'failed'] as const;
export type ProcedureStatus = (typeof procedureStatuses)[number];

export const procedures = pgTable(
  'procedures',
  {
    id: text('id').primaryKey(), // the Temporal workflow id
    type: text('type').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().$type<ProcedureStatus>().default('running'),
    currentStep: text('current_step'),
    // The step it stands for as the workflow recorded it (step-map.ts recordedStep): the console names it in its own language.
    currentStepKey: text('current_step_key'),
    outcome: text('outcome'),
    input: jsonb('input').notNull(),
    startedBy: uuid('started_by').references(() => users.id),
    // A procedure started by another one (a consultation inside a funding-call review) names its parent.
    parentId: text('parent_id').references((): AnyPgColumn => procedures.id, { onDelete: 'cascade' }),
    startedAt: tstz('started_at').notNull().defaultNow(),
    endedAt: tstz('ended_at'),
  },
  (t) => [
    index('procedures_status_started').on(t.status, t.startedAt),
    index('procedures_type').on(t.type),
    index('procedures_parent').on(t.parentId),
    // The dashboard's months: started and completed per month, as ranges.
    index('procedures_started').on(t.startedAt),
    index('procedures_status_ended').on(t.status, t.endedAt),
  ],
);

/** The procedure's steps as they happened, written by activities (idempotent on key). */
export const procedureEvents = pgTable(
  'procedure_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    procedureId: text('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    detail: jsonb('detail'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedure_events_key').on(t.procedureId, t.key)],
);

export const taskStatuses = ['open', 'claimed', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: text('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    taskKey: text('task_key').notNull(),
    title: text('title').notNull(),
    formKind: text('form_kind').notNull(),
    procedureType: text('procedure_type').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    candidateRole: text('candidate_role').$type<Role>(),
    claimedBy: uuid('claimed_by').references(() => users.id),
    // Four-eyes: people who did an earlier step this task checks.
    excludedUserIds: uuid('excluded_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status').notNull().$type<TaskStatus>().default('open'),
    priority: integer('priority').notNull().default(2),
    dueAt: tstz('due_at'),
    context: jsonb('context').notNull().default({}),
    result: jsonb('result'),
    completedBy: uuid('completed_by').references(() => users.id),
    completedOnBehalfOf: uuid('completed_on_behalf_of').references(() => users.id),
    completionRequestId: text('completion_request_id'),
    remindedAt: tstz('reminded_at'),
    escalatedAt: tstz('escalated_at'),
    // Wiedervorlage: put aside until then, with its reason; out of the inboxes until that moment,
    // marked when it is back. Only the row's state: its deadline and the workflow's timers run on.
    resubmitAt: tstz('resubmit_at'),
    resubmitReason: text('resubmit_reason'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    completedAt: tstz('completed_at'),
  },
  (t) => {
    // The inboxes read open tasks only; partial indexes keep them small however many are done.
    const open = sql`${t.status} in ('open', 'claimed')`;
    return [
      uniqueIndex('tasks_procedure_key').on(t.procedureId, t.taskKey),
      index('tasks_open_assignee_due').on(t.assigneeId, t.dueAt, t.id).where(open),
      index('tasks_open_claimed_due').on(t.claimedBy, t.dueAt, t.id).where(open),
      index('tasks_open_group_due')
        .on(t.candidateRole, t.dueAt, t.id)
        .where(sql`${t.status} in ('open', 'claimed') and ${t.assigneeId} is null and ${t.claimedBy} is null`),
      index('tasks_status_due').on(t.status, t.dueAt, t.id),
      index('tasks_due').on(t.dueAt, t.id),
    ];
  },
);

export const mailStatuses = ['pending', 'sending', 'sent', 'retry', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** Every outgoing mail is written here first; the dispatcher sends it (at most once per key). */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    messageId: text('message_id').notNull(),
    to: text('to').array().notNull(),
    cc: text('cc').array().notNull().default(sql`'{}'::text[]`),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    procedureId: text('procedure_id'),
    taskId: uuid('task_id'),
    status: text('status').notNull().$type<MailStatus>().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
  },
  (t) => [index('mail_outbox_due').on(t.status, t.nextAttemptAt), index('mail_outbox_procedure').on(t.procedureId)],
);

/** Files sent with an outbox mail (a report's PDF); apart from the row so that claiming a mail reads no bytes. */
export const mailOutboxAttachments = pgTable(
  'mail_outbox_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mailId: uuid('mail_id')
      .notNull()
      .references(() => mailOutbox.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [index('mail_outbox_attachments_mail').on(t.mailId)],
);

/** What the embedded SMTP catcher received: the demo's and the tests' mailbox. */
export const mailbox = pgTable(
  'mailbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: text('message_id'),
    envelopeFrom: text('envelope_from'),
    envelopeTo: text('envelope_to').array().notNull(),
    from: text('from'),
    subject: text('subject'),
    text: text('text'),
    html: text('html'),
    headers: jsonb('headers').notNull().default({}),
    /** What a mail program lists below the text: name, type and size of each attached file. */
    attachments: jsonb('attachments').notNull().default([]),
    raw: bytea('raw').notNull(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
  },
  (t) => [index('mailbox_received').on(t.receivedAt), uniqueIndex('mailbox_message_id').on(t.messageId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    // Vertretung: the user the actor stood in for.
    onBehalfOfId: uuid('on_behalf_of_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    procedureId: text('procedure_id'),
    detail: jsonb('detail'),
    // Set by activities so that a retried one writes its entry once.
    key: text('key').unique(),
  },
  (t) => [
    index('audit_procedure').on(t.procedureId, t.at),
    index('audit_entity').on(t.entityType, t.entityId),
    // The Protokoll's filters by person and by period.
    index('audit_actor').on(t.actorId, t.id),
    index('audit_at').on(t.at),
  ],
);

export const inboundStatuses = ['received', 'accepted', 'rejected'] as const;
export type InboundStatus = (typeof inboundStatuses)[number];
export const inboundChannels = ['smtp', 'imap'] as const;
export type InboundChannel = (typeof inboundChannels)[number];

/** Every mail the inbound path took: kept, even when rejected, with the reason. */
export const inboundMails = pgTable(
  'inbound_mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Unique where present: a copy delivered again (SMTP retry, IMAP re-fetch, both) is not stored twice.
    messageId: text('message_id'),
    envelopeFrom: text('envelope_from'),
    envelopeTo: text('envelope_to').array().notNull(),
    from: text('from'),
    subject: text('subject'),
    text: text('text'),
    attachments: jsonb('attachments').notNull().default([]),
    status: text('status').notNull().$type<InboundStatus>().default('received'),
    reason: text('reason'),
    raw: bytea('raw').notNull(),
    /** The message's size as delivered; larger than `raw` when only its beginning was kept. */
    size: integer('size'),
    truncated: boolean('truncated').notNull().default(false),
    receivedVia: text('received_via').notNull().$type<InboundChannel>().default('smtp'),
    // Whoever handles a 'received' mail holds it until then; after that another process may take it over.
    leaseUntil: tstz('lease_until'),
    receivedAt: tstz('received_at').notNull().defaultNow(),
  },
  (t) => [
    index('inbound_mails_received').on(t.receivedAt),
    uniqueIndex('inbound_mails_message_id_unique').on(t.messageId).where(sql`${t.messageId} is not null`),
    index('inbound_mails_unhandled').on(t.receivedAt).where(sql`${t.status} = 'received'`),
  ],
);

export const requestStatuses = ['pending', 'answered', 'no_answer', 'cancelled'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const answerChannels = ['page', 'mail'] as const;
export type AnswerChannel = (typeof answerChannels)[number];

/** One department's part in a consultation: its request, its token (hashed) and its answer. */
export const consultationRequests = pgTable(
  'consultation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: text('consultation_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    // Set for a department; another participant (a provider) is known by its kind and id only.
    departmentId: uuid('department_id').references(() => departments.id),
    participantKind: text('participant_kind').notNull().default('department'),
    participantId: uuid('participant_id').notNull(),
    /** Who was asked, named as the request was sent: the mails, pages and history steps say it so. */
    addressee: jsonb('addressee').notNull().$type<AddresseeName>(),
    // sha256 of the token; the token itself exists only in the mail that carries it.
    tokenHash: text('token_hash').notNull().unique(),
    deadlineAt: tstz('deadline_at').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    status: text('status').notNull().$type<RequestStatus>().default('pending'),
    channel: text('channel').$type<AnswerChannel>(),
    answerText: text('answer_text'),
    answerData: jsonb('answer_data'),
    answeredBy: text('answered_by'),
    answeredAt: tstz('answered_at'),
    remindedAt: tstz('reminded_at'),
    escalatedAt: tstz('escalated_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_requests_department').on(t.consultationId, t.departmentId),
    uniqueIndex('consultation_requests_participant').on(t.consultationId, t.participantKind, t.participantId),
    check('consultation_requests_department_kind', sql`(${t.participantKind} = 'department') = (${t.departmentId} is not null)`),
    // The dashboard's answers per department over a period, and the list behind each figure.
    index('consultation_requests_department_sent').on(t.departmentId, t.createdAt),
    index('consultation_requests_pending_deadline').on(t.deadlineAt).where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * A stored file (a department's attachment, a Vermerk's file): the same columns wherever one is
 * kept, checked by answers/attachment-rules.ts on the way in and sent by api/stored-files.ts.
 */
const storedFile = () => ({
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const answerAttachments = pgTable(
  'answer_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => consultationRequests.id, { onDelete: 'cascade' }),
    ...storedFile(),
  },
  (t) => [index('answer_attachments_request').on(t.requestId)],
);

/** Vermerke: what staff note in a procedure or on one of its tasks; part of the procedure's record. */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: text('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    /** The task it is about, when written there. */
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    /** The author's Idempotency-Key: a repeated submit is the same note. */
    requestKey: text('request_key'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('notes_procedure').on(t.procedureId, t.createdAt),
    uniqueIndex('notes_author_request').on(t.authorId, t.requestKey).where(sql`${t.requestKey} is not null`),
  ],
);

export const noteFiles = pgTable(
  'note_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    ...storedFile(),
  },
  (t) => [index('note_files_note').on(t.noteId)],
);

/** An inbound mail as the application reads it: everything but the raw bytes. */
export const inboundMailColumns = {
  id: inboundMails.id,
  messageId: inboundMails.messageId,
  envelopeFrom: inboundMails.envelopeFrom,
  envelopeTo: inboundMails.envelopeTo,
  from: inboundMails.from,
  subject: inboundMails.subject,
  text: inboundMails.text,
  attachments: inboundMails.attachments,
  status: inboundMails.status,
  reason: inboundMails.reason,
  size: inboundMails.size,
  truncated: inboundMails.truncated,
  receivedVia: inboundMails.receivedVia,
  receivedAt: inboundMails.receivedAt,
};

// Full-text columns: PostgreSQL's own type, which Drizzle has no builder for.
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The knowledge base: archived results of the procedures (evaluated studies, closed funding reviews …). */
export const knowledgeEntries = pgTable(
  'knowledge_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // A kind a procedure module declares (its knowledgeSources), e.g. 'study'.
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    // No foreign key: the archive outlives the procedures' records.
    procedureId: text('procedure_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    year: integer('year').notNull(),
    archivedAt: tstz('archived_at').notNull().defaultNow(),
    // German stemming ("Mehrsprachigkeit" finds "mehrsprachige"); the title weighs most, the body least.
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('german', "title"), 'A') || setweight(to_tsvector('german', knowledge_topics_text("topics")), 'B') || setweight(to_tsvector('german', "summary"), 'B') || setweight(to_tsvector('german', "body"), 'C')`,
      ),
  },
  (t) => [
    uniqueIndex('knowledge_entries_source').on(t.sourceType, t.sourceId),
    index('knowledge_entries_search').using('gin', t.search),
    index('knowledge_entries_archived').on(t.archivedAt),
  ],
);


export const commandKinds = ['start', 'signal', 'cancel'] as const;
export type CommandKind = (typeof commandKinds)[number];
export const commandStatuses = ['pending', 'delivering', 'retry', 'delivered', 'obsolete'] as const;
export type CommandStatus = (typeof commandStatuses)[number];

/**
 * What the system owes a workflow (a start, an answer's signal, a cancellation), written in the
 * transaction of the fact it reports and delivered from here until Temporal has taken it: like
 * the mail outbox, never dropped. 'obsolete': the workflow it was for has ended.
 */
export const workflowCommands = pgTable(
  'workflow_commands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // One command per fact ("start:<procedure>", "answer:<request>"): writing it again adds nothing.
    key: text('key').notNull().unique(),
    kind: text('kind').notNull().$type<CommandKind>(),
    workflowId: text('workflow_id').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().$type<CommandStatus>().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    // For a 'delivering' row, the end of its claim's lease.
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    deliveredAt: tstz('delivered_at'),
  },
  (t) => [
    index('workflow_commands_due').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'retry', 'delivering')`),
    index('workflow_commands_workflow').on(t.workflowId),
  ],
);

export const incidentKinds = ['activity', 'mail', 'job'] as const;
export type IncidentKind = (typeof incidentKinds)[number];

/**
 * Störungen: what keeps failing and would otherwise retry silently (an activity failed 3 times in
 * a row, a mail that cannot be sent, a feed that cannot be read). Resolved when it works again.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // One open incident per thing that fails ("activity:<workflow>:<activity id>", "mail:<id>").
    key: text('key').notNull(),
    kind: text('kind').notNull().$type<IncidentKind>(),
    procedureId: text('procedure_id'),
    /** What fails, in words: the step, the mail's subject, the feed. */
    subject: text('subject').notNull(),
    /** The last error as it was raised. */
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    /** What a retry acts on (an activity's workflow and id, a schedule). */
    target: jsonb('target').notNull().default({}),
    since: tstz('since').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    notifiedAt: tstz('notified_at'),
    resolvedAt: tstz('resolved_at'),
  },
  (t) => [
    uniqueIndex('incidents_open_key').on(t.key).where(sql`${t.resolvedAt} is null`),
    index('incidents_procedure').on(t.procedureId).where(sql`${t.resolvedAt} is null`),
  ],
);
