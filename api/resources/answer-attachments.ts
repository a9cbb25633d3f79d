import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { answerAttachments } from '../../db/schema';
import { HttpError } from '../errors';
import { idParams, type Api } from '../route';
import { sendStoredFile } from '../stored-files';

export const STAFF_ROLES = ['staff', 'manager', 'admin'] as const;

export const attachmentUrl = (id: string) => `/api/answer-attachments/${id}`;

/** The files departments sent with their answers, for the office to open (as api/stored-files.ts sends every stored file). */
export function answerAttachmentRoutes(api: Api, db: Db) {
  api.route({
    method: 'get',
    path: '/api/answer-attachments/:id',
    summary: 'Anhang einer Antwort herunterladen',
    tag: 'consultations',
    access: STAFF_ROLES,
    params: idParams,
    response: z.string().meta({ format: 'binary' }),
    responseType: 'application/octet-stream',
    async handler({ params, res }) {
      const [file] = await db.select().from(answerAttachments).where(eq(answerAttachments.id, params.id));
      if (!file) throw HttpError.notFound('Anhang');
      sendStoredFile(res, file);
    },
  });
}
