import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { eq } from 'drizzle-orm';
import multer from 'multer';
import { z } from 'zod';
import { ALLOWED_TYPES_TEXT, checkAttachment, MAX_ATTACHMENT_BYTES } from '../../answers/attachment-rules';
import { HttpError } from '../../api/errors';
import { idParams, type Api } from '../../api/route';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { studies, studyFiles } from './schema';

/** The multipart field that carries the study's file. */
export const STUDY_FILE_FIELD = 'file';

const fileRejected = new WeakMap<Request, string>();

// The answer page's limits: a file the office can open and archive, at most 10 MB.
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 },
  defParamCharset: 'utf8',
  fileFilter(req, file, accept) {
    const verdict = checkAttachment(file.originalname, file.mimetype, 0);
    if (verdict.ok) return accept(null, true);
    fileRejected.set(req, `„${verdict.filename}“ hat einen Dateityp, den wir nicht annehmen können. Erlaubt sind ${ALLOWED_TYPES_TEXT}.`);
    accept(null, false);
  },
}).single(STUDY_FILE_FIELD);

const fileField = `body.${STUDY_FILE_FIELD}`;

function readUpload(req: Request, res: Response): Promise<Express.Multer.File> {
  return new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) {
      reject(HttpError.badRequest('Die Datei bitte als multipart/form-data senden', [{ path: fileField, message: 'keine Datei' }]));
      return;
    }
    void upload(req, res, (err?: unknown) => {
      if (err instanceof multer.MulterError) {
        const message =
          err.code === 'LIMIT_FILE_SIZE'
            ? `Die Datei ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`
            : err.code === 'LIMIT_UNEXPECTED_FILE'
              ? `Bitte genau eine Datei im Feld „${STUDY_FILE_FIELD}“ senden`
              : 'Die Datei konnte nicht gelesen werden';
        reject(HttpError.badRequest(message, [{ path: fileField, message }]));
        return;
      }
      if (err) {
        reject(HttpError.badRequest('Die Datei konnte nicht gelesen werden', [{ path: fileField, message: 'nicht lesbar' }]));
        return;
      }
      const rejected = fileRejected.get(req);
      if (rejected) return reject(HttpError.badRequest(rejected, [{ path: fileField, message: 'Dateityp nicht erlaubt' }]));
      if (!req.file) return reject(HttpError.badRequest('Keine Datei gesendet', [{ path: fileField, message: 'keine Datei' }]));
      resolve(req.file);
    });
  });
}

const fileInfoSchema = z
  .object({ studyId: z.string(), fileName: z.string(), fileType: z.string(), fileSize: z.number(), sha256: z.string() })
  .meta({ id: 'StudyFile' });

/** Upload (replaces an earlier file) and download of a study's file, kept in PostgreSQL with the study. */
export function studyFileRoutes(api: Api, db: Db) {
  api.route({
    method: 'post',
    path: '/api/studies/:id/file',
    summary: `Datei der Studie hochladen (multipart/form-data, Feld „${STUDY_FILE_FIELD}“; ersetzt eine frühere)`,
    tag: 'studies',
    access: ['staff', 'manager', 'admin'],
    params: idParams,
    upload: { field: STUDY_FILE_FIELD, description: `${ALLOWED_TYPES_TEXT}; höchstens ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` },
    rules: [
      `${STUDY_FILE_FIELD}: genau eine Datei mit Dateinamen, deren Endung und Inhaltstyp zusammenpassen: ${ALLOWED_TYPES_TEXT}, höchstens ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    ],
    response: fileInfoSchema,
    async handler({ params, user, req, res }) {
      const [study] = await db.select({ id: studies.id }).from(studies).where(eq(studies.id, params.id));
      if (!study) throw HttpError.notFound('Studie');
      const file = await readUpload(req, res);
      const verdict = checkAttachment(file.originalname, file.mimetype, file.size);
      if (!verdict.ok) throw HttpError.badRequest('Die Datei ist nicht erlaubt', [{ path: fileField, message: verdict.problem }]);
      const sha256 = createHash('sha256').update(file.buffer).digest('hex');
      await db.transaction(async (tx) => {
        await tx
          .insert(studyFiles)
          .values({ studyId: params.id, sha256, content: file.buffer, uploadedBy: user.id })
          .onConflictDoUpdate({
            target: studyFiles.studyId,
            set: { sha256, content: file.buffer, uploadedBy: user.id, uploadedAt: new Date() },
          });
        await tx
          .update(studies)
          .set({ fileName: verdict.filename, fileType: verdict.contentType, fileSize: file.size })
          .where(eq(studies.id, params.id));
        await writeAudit(tx, {
          actorId: user.id,
          action: 'studies.file-uploaded',
          entityType: 'studies',
          entityId: params.id,
          detail: { fileName: verdict.filename, size: file.size, sha256 },
        });
      });
      return { studyId: params.id, fileName: verdict.filename, fileType: verdict.contentType, fileSize: file.size, sha256 };
    },
  });

  api.route({
    method: 'get',
    path: '/api/studies/:id/file',
    summary: 'Datei der Studie herunterladen',
    tag: 'studies',
    access: 'user',
    params: idParams,
    async handler({ params, res }) {
      const [row] = await db
        .select({ name: studies.fileName, type: studies.fileType, content: studyFiles.content })
        .from(studies)
        .innerJoin(studyFiles, eq(studyFiles.studyId, studies.id))
        .where(eq(studies.id, params.id));
      if (!row) throw HttpError.notFound('Datei der Studie');
      // Always a download, never rendered in the console's origin: an uploaded HTML or SVG cannot run there.
      res.attachment(row.name ?? 'Studie');
      res.type(row.type ?? 'application/octet-stream');
      res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
      res.send(row.content);
      return undefined;
    },
  });
}
