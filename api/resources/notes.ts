import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ALLOWED_TYPES_TEXT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../answers/attachment-rules';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { noteFiles, notes, procedures, tasks, users } from '../../db/schema';
import { HttpError, zodFields } from '../errors';
import { idempotencyKeyOf } from '../idempotency';
import { idParams, textIdParams, type Api } from '../route';
import type { SessionUser } from '../session-user';
import { sendStoredFile } from '../stored-files';
import { unstorableText } from '../storable-text';
import { readUploads } from '../uploads';
import { STAFF_ROLES } from './answer-attachments';
import { mayView } from './task-access';

// Vermerke: what staff note in a procedure or on one of its tasks, with files under the answer
// page's limits. Part of the procedure's record: in its history (the timeline) and its audit log.
// Whoever may see the procedure may read and add them; a note on a task needs the task in view.

export const NOTE_FILES_FIELD = 'files';
const MAX_NOTE_CHARS = 10_000;

const noteFields = z.strictObject({
  text: z.string('Bitte einen Text für den Vermerk eingeben').trim().min(1, 'Bitte einen Text für den Vermerk eingeben').max(MAX_NOTE_CHARS, `höchstens ${MAX_NOTE_CHARS} Zeichen`),
  /** The task of this procedure the note is about. */
  taskId: z.uuid('keine gültige Aufgaben-ID').optional(),
});

export const noteFileUrl = (id: string) => `/api/note-files/${id}`;

const noteFileSchema = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), url: z.string() });

export const noteSchema = z
  .object({
    id: z.string(),
    procedureId: z.string(),
    taskId: z.string().nullable(),
    taskTitle: z.string().nullable(),
    authorId: z.string(),
    authorName: z.string(),
    text: z.string(),
    createdAt: z.date(),
    files: z.array(noteFileSchema),
  })
  .meta({ id: 'Note' });
type NoteView = z.infer<typeof noteSchema>;

const listQuery = z.strictObject({ taskId: z.uuid('keine gültige Aufgaben-ID').optional() });

/** The notes of these procedures with their files' names (not their bytes), oldest first. */
export async function notesOf(db: Db, procedureIds: string[], where = sql`true`): Promise<NoteView[]> {
  if (procedureIds.length === 0) return [];
  const rows = await db
    .select({
      id: notes.id,
      procedureId: notes.procedureId,
      taskId: notes.taskId,
      taskTitle: tasks.title,
      authorId: notes.authorId,
      authorName: users.name,
      text: notes.text,
      createdAt: notes.createdAt,
    })
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .leftJoin(tasks, eq(tasks.id, notes.taskId))
    .where(and(inArray(notes.procedureId, procedureIds), where))
    .orderBy(asc(notes.createdAt), asc(notes.id));
  const files = rows.length
    ? await db
        .select({ id: noteFiles.id, noteId: noteFiles.noteId, filename: noteFiles.filename, contentType: noteFiles.contentType, size: noteFiles.size })
        .from(noteFiles)
        .where(inArray(noteFiles.noteId, rows.map((r) => r.id)))
        .orderBy(asc(noteFiles.createdAt), asc(noteFiles.id))
    : [];
  return rows.map((r) => ({
    ...r,
    files: files.filter((f) => f.noteId === r.id).map(({ noteId: _n, ...f }) => ({ ...f, url: noteFileUrl(f.id) })),
  }));
}

/** The notes as entries of the procedure's history (GET /api/procedures/:id/history). */
export async function noteHistoryEntries(db: Db, procedureIds: string[]) {
  return (await notesOf(db, procedureIds)).map((n) => ({
    at: n.createdAt,
    kind: 'note',
    label: n.text,
    source: 'note' as const,
    procedureId: n.procedureId,
    detail: { noteId: n.id, authorId: n.authorId, authorName: n.authorName, taskId: n.taskId, taskTitle: n.taskTitle, files: n.files },
  }));
}

export function noteRoutes(api: Api, db: Db) {
  async function procedureOf(id: string) {
    const [row] = await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, id));
    if (!row) throw HttpError.notFound('Vorgang');
    return row;
  }

  async function noteById(id: string): Promise<NoteView> {
    const [row] = await db.select({ procedureId: notes.procedureId }).from(notes).where(eq(notes.id, id));
    const [note] = row ? await notesOf(db, [row.procedureId], sql`${notes.id} = ${id}`) : [];
    if (!note) throw new Error(`note ${id} vanished`);
    return note;
  }

  /** The task a note is about: one of this procedure's, in the author's view. */
  async function taskOf(taskId: string | undefined, procedureId: string, user: SessionUser) {
    if (!taskId) return undefined;
    const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId));
    if (!task || task.procedureId !== procedureId || !mayView(task, user)) {
      throw HttpError.badRequest('Unbekannte Aufgabe', [{ path: 'body.taskId', message: 'keine Aufgabe dieses Vorgangs' }]);
    }
    return task;
  }

  api.route({
    method: 'post',
    path: '/api/procedures/:id/notes',
    summary: `Vermerk zum Vorgang oder zu einer seiner Aufgaben (multipart/form-data: Text im Feld „text“, bis zu ${MAX_ATTACHMENTS} Dateien im Feld „${NOTE_FILES_FIELD}“; Idempotency-Key verhindert einen doppelten Vermerk)`,
    tag: 'procedures',
    access: STAFF_ROLES,
    params: textIdParams,
    upload: {
      field: NOTE_FILES_FIELD,
      maxFiles: MAX_ATTACHMENTS,
      description: `${ALLOWED_TYPES_TEXT}; höchstens ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB je Datei`,
      fields: noteFields,
    },
    rules: [
      `text: nicht leer, ohne Nullzeichen, höchstens ${MAX_NOTE_CHARS} Zeichen`,
      `${NOTE_FILES_FIELD}: höchstens ${MAX_ATTACHMENTS} Dateien mit Dateinamen, deren Endung und Inhaltstyp zusammenpassen: ${ALLOWED_TYPES_TEXT}, je höchstens ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
      'taskId: eine Aufgabe dieses Vorgangs, die Sie sehen dürfen',
    ],
    response: noteSchema,
    successStatus: 201,
    async handler({ params, user, req, res }) {
      const requestKey = idempotencyKeyOf(req);
      const procedure = await procedureOf(params.id);
      const upload = await readUploads(req, res, {
        field: NOTE_FILES_FIELD,
        maxFiles: MAX_ATTACHMENTS,
        maxFields: 2,
        maxFieldBytes: MAX_NOTE_CHARS * 4,
      });
      const unstorable = unstorableText(upload.fields, 'body');
      if (unstorable.length > 0) throw HttpError.badRequest('Bitte prüfen Sie die markierten Angaben', unstorable);
      const parsed = noteFields.safeParse(upload.fields);
      if (!parsed.success) throw HttpError.badRequest('Bitte prüfen Sie die markierten Angaben', zodFields(parsed.error, 'body'));
      const task = await taskOf(parsed.data.taskId, procedure.id, user);

      const created = await db.transaction(async (tx) => {
        const [note] = await tx
          .insert(notes)
          .values({ procedureId: procedure.id, taskId: task?.id ?? null, authorId: user.id, text: parsed.data.text, requestKey: requestKey ?? null })
          .onConflictDoNothing({ target: [notes.authorId, notes.requestKey], where: sql`${notes.requestKey} is not null` })
          .returning({ id: notes.id });
        if (!note) return undefined;
        if (upload.files.length > 0) await tx.insert(noteFiles).values(upload.files.map((f) => ({ noteId: note.id, ...f })));
        await writeAudit(tx, {
          actorId: user.id,
          action: 'note.added',
          entityType: task ? 'task' : 'procedure',
          entityId: task?.id ?? procedure.id,
          procedureId: procedure.id,
          detail: {
            noteId: note.id,
            text: parsed.data.text.length > 200 ? `${parsed.data.text.slice(0, 199)}…` : parsed.data.text,
            attachments: upload.files.map((f) => f.filename),
          },
        });
        return note.id;
      });
      if (created) return noteById(created);
      // The same Idempotency-Key again: the note it made, not a second one.
      const [earlier] = await db
        .select({ id: notes.id, procedureId: notes.procedureId })
        .from(notes)
        .where(and(eq(notes.authorId, user.id), eq(notes.requestKey, requestKey ?? '')));
      if (!earlier) throw new Error('note conflicted but is not visible');
      if (earlier.procedureId !== procedure.id) throw HttpError.conflict('Dieser Idempotency-Key gehört zu einem Vermerk in einem anderen Vorgang');
      res.locals.status = 200;
      return noteById(earlier.id);
    },
  });

  api.route({
    method: 'get',
    path: '/api/procedures/:id/notes',
    summary: 'Die Vermerke eines Vorgangs (auch die zu seinen Aufgaben), die ältesten zuerst',
    tag: 'procedures',
    access: 'user',
    params: textIdParams,
    query: listQuery,
    response: z.array(noteSchema),
    async handler({ params, query }) {
      await procedureOf(params.id);
      return notesOf(db, [params.id], query.taskId ? sql`${notes.taskId} = ${query.taskId}` : sql`true`);
    },
  });

  api.route({
    method: 'get',
    path: '/api/note-files/:id',
    summary: 'Datei eines Vermerks herunterladen',
    tag: 'procedures',
    access: 'user',
    params: idParams,
    response: z.string().meta({ format: 'binary' }),
    responseType: 'application/octet-stream',
    async handler({ params, res }) {
      const [file] = await db.select().from(noteFiles).where(eq(noteFiles.id, params.id));
      if (!file) throw HttpError.notFound('Datei des Vermerks');
      sendStoredFile(res, file);
    },
  });
}
