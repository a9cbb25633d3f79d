import type { Response } from 'express';
import { SERVABLE_TYPES, safeFilename } from '../answers/attachment-rules';

/**
 * Sends a stored file (a department's attachment, a Vermerk's file, a study): always a download,
 * never shown inline under our origin, and with a type the browser may trust only when it is one
 * the upload rules let in; a file that came in some other way goes out as bytes.
 */
export function sendStoredFile(res: Response, file: { filename: string | null; contentType: string | null; content: Buffer }): void {
  const type = file.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  // res.attachment writes RFC 6266 Content-Disposition (with filename*= for non-ASCII names).
  res.attachment(safeFilename(file.filename));
  res.set({
    'Content-Type': SERVABLE_TYPES.has(type) ? type : 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  res.status(200).end(file.content);
}
