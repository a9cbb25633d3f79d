import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { workableBy } from '../api/resources/task-access';
import type { SessionUser } from '../api/session-user';
import { germanDateTime } from '../calendar/german-date';
import { defineSettings, scheduleSpec, type SettingsOf } from '../config/settings';
import type { Db } from '../db/client';
import { auditLog, procedures, tasks, users } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import type { JobContext, ScheduleOwner } from '../workflows/module';

// Die Tagesübersicht: who chose it (users.task_mail = 'digest') gets, instead of a mail for each new
// task, one mail a morning listing their overdue tasks, those due today and those new since the last
// one, each with its link; their group's tasks count as theirs. Nobody with nothing to report gets a
// mail, and a second run the same day sends nobody a second one (one idempotency key per person and
// day). Reminders and escalations still come one by one (activities/task-mails.ts says why).

export const TASK_DIGEST_SCHEDULE_ID = 'amtsflow-task-digest';

export const taskDigestSettings = defineSettings({
  /** When the digest goes out: a cron expression in Europe/Berlin (default 07:00 on working days, Monday to Friday). */
  schedule: { env: 'TASK_DIGEST_SCHEDULE', schema: scheduleSpec('0 7 * * 1-5') },
});

type DigestSettings = SettingsOf<typeof taskDigestSettings>;

export type DigestSection = 'overdue' | 'today' | 'new';

interface DigestTask {
  id: string;
  title: string;
  procedureTitle: string;
  dueAt: Date | null;
  groupRole: string | null;
  resubmitAt: Date | null;
  resubmitReason: string | null;
  section: DigestSection;
}

const GROUP_NAMES: Record<string, string> = { staff: 'Sachbearbeitung', manager: 'Amtsleitung', admin: 'Administration' };
const dayFormat = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
const longDayFormat = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'full' });

/** The people who chose the digest and are at work (an absent person's tasks are their substitute's). */
async function digestPeople(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      roles: users.roles,
      sentAt: users.taskDigestSentAt,
      substituteFor: sql<string[]>`array(select a.id from users a where a.substitute_id = users.id and a.absent and a.active)`,
    })
    .from(users)
    .where(and(eq(users.taskMail, 'digest'), eq(users.active, true), eq(users.absent, false)))
    .orderBy(asc(users.id));
}

/** One person's open tasks worth the morning's mail: overdue, due today, new since `since`. */
async function tasksFor(db: Db, person: Pick<SessionUser, 'id' | 'roles' | 'substituteFor'>, since: Date, firedAt: Date, endOfDay: Date): Promise<DigestTask[]> {
  const waiting = sql`(${tasks.resubmitAt} is not null and ${tasks.resubmitAt} > ${firedAt})`;
  // New to them: created since, or handed to them since (a reassignment is "new" to its new holder).
  const handedOver = sql`exists (select 1 from ${auditLog} a where a.entity_type = 'task' and a.entity_id = ${tasks.id}::text
    and a.action = 'task.reassigned' and a.detail ->> 'to' = ${person.id} and a.at > ${since} and a.at <= ${firedAt})`;
  const isNew = sql`(not ${waiting} and ((${tasks.createdAt} > ${since} and ${tasks.createdAt} <= ${firedAt}) or ${handedOver}))`;
  const section = sql<DigestSection>`case when ${tasks.dueAt} < ${firedAt} then 'overdue' when ${tasks.dueAt} < ${endOfDay} then 'today' else 'new' end`;
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      procedureTitle: procedures.title,
      dueAt: tasks.dueAt,
      groupRole: sql<string | null>`case when ${tasks.assigneeId} is null and ${tasks.claimedBy} is null then ${tasks.candidateRole} end`,
      resubmitAt: tasks.resubmitAt,
      resubmitReason: tasks.resubmitReason,
      section,
    })
    .from(tasks)
    .innerJoin(procedures, eq(procedures.id, tasks.procedureId))
    .where(
      and(
        inArray(tasks.status, ['open', 'claimed']),
        workableBy(person),
        sql`not (${person.id}::uuid = any(${tasks.excludedUserIds}))`,
        sql`(${tasks.dueAt} < ${endOfDay} or ${isNew})`,
      ),
    )
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id));
}

const headings: Record<DigestSection, string> = {
  overdue: 'Überfällig',
  today: 'Heute fällig',
  new: 'Neu seit der letzten Übersicht',
};

function line(t: DigestTask, publicUrl: string, firedAt: Date): string {
  const facts = [
    t.dueAt ? `${t.section === 'overdue' ? 'fällig seit' : 'fällig am'} ${germanDateTime(t.dueAt)}` : 'ohne Frist',
    ...(t.groupRole ? [`Gruppenaufgabe ${GROUP_NAMES[t.groupRole] ?? t.groupRole}`] : []),
    ...(t.resubmitAt && t.resubmitAt > firedAt ? [`Wiedervorlage am ${dayFormat.format(t.resubmitAt)}: ${t.resubmitReason ?? ''}`.trim()] : []),
  ];
  return `- ${t.title} – ${t.procedureTitle}\n  ${facts.join('; ')}\n  ${publicUrl}/#/tasks/${t.id}/show`;
}

/** The digest's subject and text, German, counting each section ("1 überfällig, 2 neu"). */
export function digestMail(list: DigestTask[], firedAt: Date, publicUrl: string): { subject: string; text: string } {
  const sections = (['overdue', 'today', 'new'] as const).map((s) => ({ s, items: list.filter((t) => t.section === s) })).filter((x) => x.items.length > 0);
  const counts = sections.map(({ s, items }) => `${items.length} ${s === 'overdue' ? 'überfällig' : s === 'today' ? 'heute fällig' : 'neu'}`);
  const body = sections.map(({ s, items }) => `${headings[s]} (${items.length}):\n${items.map((t) => line(t, publicUrl, firedAt)).join('\n')}`).join('\n\n');
  const text =
    `Guten Tag,\n\nhier ist Ihre Übersicht der Aufgaben für ${longDayFormat.format(firedAt)}.\n\n${body}\n\n` +
    `Alle Ihre Aufgaben: ${publicUrl}/#/tasks\n\n` +
    `Sie erhalten diese Übersicht, weil Sie statt einer Mail je Aufgabe eine Tagesübersicht gewählt haben. ` +
    `Ändern können Sie das unter „Meine Einstellungen“: ${publicUrl}/#/preferences\n\n` +
    `Diese Nachricht wurde von Amtsflow, dem Vorgangssystem des Amts für Integration, versandt.`;
  return { subject: `Ihre Aufgaben am ${dayFormat.format(firedAt)}: ${counts.join(', ')}`, text };
}

/** The schedule's job: one digest per person who chose it and has something to report, at most one a day. */
export async function sendTaskDigests({ db, publicUrl, firedAt }: Pick<JobContext<DigestSettings>, 'db' | 'publicUrl' | 'firedAt'>) {
  const day = await db.execute<{ day: string; end_of_day: string }>(
    sql`select to_char(${firedAt}::timestamptz at time zone 'Europe/Berlin', 'YYYY-MM-DD') as day,
      ((${firedAt}::timestamptz at time zone 'Europe/Berlin')::date + 1)::timestamp at time zone 'Europe/Berlin' as end_of_day`,
  );
  const { day: today, end_of_day } = day.rows[0] as { day: string; end_of_day: string };
  const endOfDay = new Date(end_of_day);
  let sent = 0;
  let people = 0;
  for (const person of await digestPeople(db)) {
    people++;
    // The first digest's "new" reaches back one day.
    const since = person.sentAt ?? new Date(firedAt.getTime() - 24 * 60 * 60 * 1000);
    const list = await tasksFor(db, person, since, firedAt, endOfDay);
    if (list.length === 0) continue;
    const mail = digestMail(list, firedAt, publicUrl);
    const created = await db.transaction(async (tx) => {
      const queued = await enqueueMail(tx, { idempotencyKey: `task-digest:${person.id}:${today}`, to: [person.email], ...mail });
      if (queued.created) await tx.update(users).set({ taskDigestSentAt: firedAt }).where(eq(users.id, person.id));
      return queued.created;
    });
    if (created) sent++;
  }
  return { day: today, people, sent };
}

/** The engine part that keeps the digest's schedule (schedules/owners.ts). */
export const taskDigest: ScheduleOwner<typeof taskDigestSettings> = {
  type: 'task-digest',
  settings: taskDigestSettings,
  schedules: (s) => [{ id: TASK_DIGEST_SCHEDULE_ID, label: 'Tagesübersicht der Aufgaben versenden', job: 'send', when: s.schedule }],
  jobs: { send: (ctx) => sendTaskDigests(ctx) },
};
