import path from 'node:path';

// The same limits for the answer page and for mail replies: what an office can open and archive.

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ALLOWED_TYPES_TEXT = 'PDF, Word, Excel, OpenDocument, PNG, JPEG oder Text (.txt)';

const TYPES_BY_EXTENSION: Record<string, string[]> = {
  '.pdf': ['application/pdf'],
  '.doc': ['application/msword'],
  '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  '.xls': ['application/vnd.ms-excel'],
  '.xlsx': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  '.odt': ['application/vnd.oasis.opendocument.text'],
  '.ods': ['application/vnd.oasis.opendocument.spreadsheet'],
  '.png': ['image/png'],
  '.jpg': ['image/jpeg', 'image/pjpeg'],
  '.jpeg': ['image/jpeg', 'image/pjpeg'],
  '.txt': ['text/plain'],
};

/** The types an answer attachment may be served as; anything else goes out as application/octet-stream. */
export const SERVABLE_TYPES: ReadonlySet<string> = new Set(Object.values(TYPES_BY_EXTENSION).flat());

// Some browsers and mail programs label Office files with these; the extension then decides.
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-download', '']);

/** For the file input's accept attribute. */
export const ACCEPTED_EXTENSIONS = Object.keys(TYPES_BY_EXTENSION).join(',');

export type AttachmentVerdict =
  | { ok: true; filename: string; contentType: string }
  | { ok: false; filename: string; problem: 'type' | 'size' };

/** A name that is safe to store and show: no path, no control characters, not endless. */
export function safeFilename(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base].filter((c) => c >= ' ' && c !== '\u007f').join('').trim();
  if (clean === '') return 'Anhang';
  if (clean.length <= 150) return clean;
  const ext = path.extname(clean).slice(0, 10);
  return clean.slice(0, 150 - ext.length) + ext;
}

/**
 * Type by extension and declared type together: a PDF must be called .pdf and be declared as a PDF
 * (or as the generic "some bytes"); then the stored type is the one the extension names.
 */
export function checkAttachment(name: string | null | undefined, declaredType: string, size: number): AttachmentVerdict {
  const filename = safeFilename(name);
  const allowed = TYPES_BY_EXTENSION[path.extname(filename).toLowerCase()];
  const declared = declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!allowed || !(allowed.includes(declared) || GENERIC_TYPES.has(declared))) return { ok: false, filename, problem: 'type' };
  if (size > MAX_ATTACHMENT_BYTES) return { ok: false, filename, problem: 'size' };
  return { ok: true, filename, contentType: allowed.includes(declared) ? declared : (allowed[0] as string) };
}

export function problemText(verdict: { filename: string; problem: 'type' | 'size' }): string {
  return verdict.problem === 'type'
    ? `„${verdict.filename}“ hat einen Dateityp, den wir nicht annehmen können. Erlaubt sind ${ALLOWED_TYPES_TEXT}.`
    : `„${verdict.filename}“ ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`;
}
