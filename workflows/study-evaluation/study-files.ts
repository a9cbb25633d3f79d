import type { Request, Response } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ALLOWED_TYPES_TEXT, MAX_ATTACHMENT_BYTES } from '../../answers/attachment-rules';
import { HttpError } from '../../api/errors';
import { idParams, type Api } from '../../api/route';
import { sendStoredFile } from '../../api/stored-files';
import { readUploads, type AcceptedFile } from '../../api/uploads';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { studies, studyFiles } from './schema';

/** The multipart field that carries the study's file. */
export const STUDY_FILE_FIELD = 'file';

const fileField = `body.${STUDY_FILE_FIELD}`;

/** Exactly one file, under the answer page's limits (api/uploads.ts). */
async function readUpload(req: Request, res: Response): Promise<AcceptedFile> {
  const { files } = await readUploads(req, res, { field: STUDY_FILE_FIELD, maxFiles: 1 });
  const [file] = files;
  if (!file) throw HttpError.badRequest('Keine Datei gesendet', [{ path: fileField, message: 'keine Datei' }]);
  return file;
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
      const { sha256 } = file;
      await db.transaction(async (tx) => {
        await tx
          .insert(studyFiles)
          .values({ studyId: params.id, sha256, content: file.content, uploadedBy: user.id })
          .onConflictDoUpdate({
            target: studyFiles.studyId,
            set: { sha256, content: file.content, uploadedBy: user.id, uploadedAt: new Date() },
          });
        await tx
          .update(studies)
          .set({ fileName: file.filename, fileType: file.contentType, fileSize: file.size })
          .where(eq(studies.id, params.id));
        await writeAudit(tx, {
          actorId: user.id,
          action: 'studies.file-uploaded',
          entityType: 'studies',
          entityId: params.id,
          detail: { fileName: file.filename, size: file.size, sha256 },
        });
      });
      return { studyId: params.id, fileName: file.filename, fileType: file.contentType, fileSize: file.size, sha256 };
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
      sendStoredFile(res, { filename: row.name ?? 'Studie', contentType: row.type, content: row.content });
      return undefined;
    },
  });
}
