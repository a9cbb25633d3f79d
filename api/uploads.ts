import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import multer from 'multer';
import { checkAttachment, MAX_ATTACHMENT_BYTES, problemText, type AttachmentVerdict } from '../answers/attachment-rules';
import { HttpError } from './errors';

// The console's uploads (a study's file, a Vermerk's files) under the answer page's limits: the
// types an office can open and archive, at most 10 MB each. Every problem is a 400 naming the field.

export interface UploadSpec {
  /** The multipart field of the files. */
  field: string;
  /** At most this many files in it. */
  maxFiles: number;
  /** The form's text fields: how many, and how long each may be. */
  maxFields?: number;
  maxFieldBytes?: number;
}

/** A file that passed the rules, with the type the rules name for it. */
export interface AcceptedFile {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

export interface Upload {
  files: AcceptedFile[];
  /** The text fields as sent (strings; a field sent twice is an array). */
  fields: Record<string, unknown>;
}

const MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

function tooMany(spec: UploadSpec): string {
  return spec.maxFiles === 1 ? `Bitte genau eine Datei im Feld „${spec.field}“ senden` : `Bitte höchstens ${spec.maxFiles} Dateien anhängen`;
}

function multerProblem(err: multer.MulterError, spec: UploadSpec): HttpError {
  const fileField = `body.${spec.field}`;
  const named = (path: string, message: string, summary = message) => HttpError.badRequest(summary, [{ path, message }]);
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return named(fileField, `Die Datei ist größer als ${MB} MB`);
    case 'LIMIT_FILE_COUNT':
      return named(fileField, tooMany(spec));
    case 'LIMIT_UNEXPECTED_FILE':
      return err.field === spec.field ? named(fileField, tooMany(spec)) : named(`body.${err.field ?? spec.field}`, 'unbekanntes Feld', 'Bitte prüfen Sie die markierten Angaben');
    case 'LIMIT_FIELD_VALUE':
      return named(`body.${err.field ?? spec.field}`, 'zu lang', 'Bitte prüfen Sie die markierten Angaben');
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_KEY':
      return named('body', 'zu viele oder zu lange Angaben', 'Das Formular hat zu viele Angaben');
    default:
      return named(fileField, 'nicht lesbar', 'Die Datei konnte nicht gelesen werden');
  }
}

/**
 * Reads a multipart/form-data request: its files (each checked by type and size, hashed) and its
 * text fields. Whether none is allowed is the caller's to say.
 */
export function readUploads(req: Request, res: Response, spec: UploadSpec): Promise<Upload> {
  const fileField = `body.${spec.field}`;
  const rejected: AttachmentVerdict[] = [];
  const maxFields = spec.maxFields ?? 5;
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: MAX_ATTACHMENT_BYTES,
      files: spec.maxFiles,
      fields: maxFields,
      fieldSize: spec.maxFieldBytes ?? 1024,
      fieldNameSize: 100,
      parts: spec.maxFiles + maxFields + 1,
      headerPairs: 50,
    },
    // Browsers send file names as raw UTF-8: "Stellungnahme Jugendamt (Entwurf ä).pdf".
    defParamCharset: 'utf8',
    fileFilter(_req, file, accept) {
      const verdict = checkAttachment(file.originalname, file.mimetype, 0);
      if (verdict.ok) return accept(null, true);
      rejected.push(verdict);
      accept(null, false);
    },
  }).array(spec.field, spec.maxFiles);

  return new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) {
      reject(HttpError.badRequest('Bitte das Formular als multipart/form-data senden', [{ path: fileField, message: 'kein multipart/form-data' }]));
      return;
    }
    void upload(req, res, (err?: unknown) => {
      if (err instanceof multer.MulterError) return reject(multerProblem(err, spec));
      if (err) return reject(HttpError.badRequest('Die Datei konnte nicht gelesen werden', [{ path: fileField, message: 'nicht lesbar' }]));
      const refused = rejected[0];
      if (refused && !refused.ok) return reject(HttpError.badRequest(problemText(refused), [{ path: fileField, message: 'Dateityp nicht erlaubt' }]));
      const files: AcceptedFile[] = [];
      for (const file of (req.files as Express.Multer.File[] | undefined) ?? []) {
        const verdict = checkAttachment(file.originalname, file.mimetype, file.size);
        if (!verdict.ok) return reject(HttpError.badRequest(problemText(verdict), [{ path: fileField, message: verdict.problem === 'size' ? `größer als ${MB} MB` : 'Dateityp nicht erlaubt' }]));
        files.push({
          filename: verdict.filename,
          contentType: verdict.contentType,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          content: file.buffer,
        });
      }
      resolve({ files, fields: { ...(req.body as Record<string, unknown> | undefined) } });
    });
  });
}
