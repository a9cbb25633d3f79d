import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SERVABLE_TYPES, safeFilename } from '../../answers/attachment-rules';
import type { Db } from '../../db/client';
import { answerAttachments } from '../../db/schema';
import { HttpError } from '../errors';
import { idParams, type Api } from '../route';

export const STAFF_ROLES = ['staff', 'manager', 'admin'] as const;

export const attachmentUrl = (id: string) => `/api/answer-attachments/${id}`;

/**
 * The files departments sent with their answers, for the office to open. Always a download
 * (never shown inline under our origin), and with a type the browser may trust only when it is
 * one the answer page and the mail intake let in: a file that came in some other way is bytes.
 */
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
      const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      // res.attachment writes RFC 6266 Content-Disposition (with filename*= for non-ASCII names).
      res.attachment(safeFilename(file.filename));
      res.set({
        'Content-Type': SERVABLE_TYPES.has(type) ? type : 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      });
      res.status(200).end(file.content);
    },
  });
}
