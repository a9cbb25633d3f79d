import type { z } from 'zod';
import { answerDataSchema, COMMENTS_KEY, hasComment, type AnswerField } from '../workflows/engine/consultation/forms';
import { checkAttachment, problemText, type AttachmentVerdict } from './attachment-rules';
import { commentId, commentName, fieldId, fieldName, FILES_ID, NO, TEXT_ID, YES } from './page-html';
import type { AnswerFile } from './record-answer';

export const MAX_TEXT_CHARS = 50_000;

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface Submission {
  values: { text: string; fields: Record<string, string>; comments: Record<string, string> };
  errors: Record<string, string>;
  data?: Record<string, unknown>;
  attachments: AnswerFile[];
}

/** A form value as one string, whatever a client sent (a repeated name arrives as a list). */
function formValue(body: unknown, name: string): string {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value : '';
}

// PostgreSQL stores no NUL character; it comes from pasted text, rarely typed. Shown again without it.
const hasNul = (v: string | undefined) => (v ?? '').includes('\u0000');
const withoutNul = (v: string | undefined) => (v ?? '').split('\u0000').join('');
const NUL_MESSAGE =
  'Hier war ein unsichtbares Steuerzeichen (Nullzeichen), das wir nicht speichern können, meist aus einem kopierten Text. ' +
  'Wir haben es entfernt; bitte prüfen Sie die Stelle und senden Sie erneut.';

// "12,5" is how people here write twelve and a half.
function numberValue(raw: string): number | string {
  const compact = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  return /^[-+]?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : raw;
}

/** The radio buttons send "ja" or "nein"; anything else (a forged form) stays a string the schema refuses. */
function yesNoValue(raw: string): boolean | string {
  return raw === YES ? true : raw === NO ? false : raw;
}

function fieldMessage(issue: z.core.$ZodIssue, missing: boolean, type: AnswerField['type'] | undefined): string {
  if (issue.code === 'invalid_type' && type === 'yesno') return 'Bitte wählen Sie Ja oder Nein.';
  if (issue.code === 'invalid_type') return missing ? 'Bitte füllen Sie dieses Feld aus.' : 'Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 12,5.';
  if (issue.code === 'too_big' && issue.origin === 'string') return `Bitte kürzen Sie den Text auf höchstens ${String(issue.maximum)} Zeichen.`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `Der Wert muss ${issue.message} sein.`;
  return issue.message;
}

/**
 * Reads the answer form as the page sent it: the text, the structured values checked with the
 * consultation's own answer schema, and the files that passed the limits. Errors are keyed by the
 * input they belong to, so the page shows each next to its field.
 */
export function readSubmission(
  body: unknown,
  files: UploadedFile[],
  rejectedFiles: AttachmentVerdict[],
  fields: AnswerField[],
  fileError?: string,
): Submission {
  const text = formValue(body, TEXT_ID).replace(/\r\n?/g, '\n').trim();
  const commented = fields.filter(hasComment);
  const values = {
    text,
    fields: Object.fromEntries(fields.map((f) => [f.key, formValue(body, fieldName(f.key)).replace(/\r\n?/g, '\n')])),
    comments: Object.fromEntries(commented.map((f) => [f.key, formValue(body, commentName(f.key)).replace(/\r\n?/g, '\n').trim()])),
  };
  const errors: Record<string, string> = {};
  if (hasNul(values.text)) {
    values.text = withoutNul(values.text);
    errors[TEXT_ID] = NUL_MESSAGE;
  }
  for (const key of Object.keys(values.fields)) {
    if (!hasNul(values.fields[key])) continue;
    values.fields[key] = withoutNul(values.fields[key]);
    errors[fieldId(key)] = NUL_MESSAGE;
  }
  for (const key of Object.keys(values.comments)) {
    if (!hasNul(values.comments[key])) continue;
    values.comments[key] = withoutNul(values.comments[key]);
    errors[commentId(key)] = NUL_MESSAGE;
  }

  const input: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values.fields[f.key] ?? '';
    if (raw.trim() === '') continue;
    input[f.key] = f.type === 'number' ? numberValue(raw) : f.type === 'yesno' ? yesNoValue(raw) : raw;
  }
  const comments = Object.fromEntries(Object.entries(values.comments).filter(([, c]) => c !== ''));
  // A comment alone (without its value) is kept too: it may say why the value is missing.
  if (Object.keys(comments).length > 0) input[COMMENTS_KEY] = comments;
  const anyField = Object.keys(input).length > 0;
  let data: Record<string, unknown> | undefined;
  if (fields.length > 0) {
    const parsed = answerDataSchema(fields).safeParse(input);
    if (parsed.success) data = anyField ? parsed.data : undefined;
    else {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (key === COMMENTS_KEY) {
          const field = String(issue.path[1] ?? '');
          errors[commentId(field)] ??= issue.code === 'too_big' ? 'Bitte kürzen Sie den Kommentar auf höchstens 2000 Zeichen.' : issue.message;
        } else errors[fieldId(key)] ??= fieldMessage(issue, !(key in input), fields.find((f) => f.key === key)?.type);
      }
    }
  }

  if (text === '' && !anyField) {
    errors[TEXT_ID] = fields.length > 0 ? 'Bitte schreiben Sie Ihre Antwort oder füllen Sie die Angaben aus.' : 'Bitte schreiben Sie Ihre Antwort.';
  } else if (text.length > MAX_TEXT_CHARS) {
    errors[TEXT_ID] = `Ihre Antwort ist zu lang: höchstens ${MAX_TEXT_CHARS.toLocaleString('de-DE')} Zeichen, bitte senden Sie längere Texte als Datei.`;
  }

  const attachments: AnswerFile[] = [];
  const problems = [...rejectedFiles.filter((v) => !v.ok)];
  for (const file of files) {
    const verdict = checkAttachment(file.originalname, file.mimetype, file.size);
    if (verdict.ok) attachments.push({ filename: verdict.filename, contentType: verdict.contentType, content: file.buffer });
    else problems.push(verdict);
  }
  const fileProblems = problems.flatMap((p) => (p.ok ? [] : [problemText(p)]));
  if (fileError) errors[FILES_ID] = fileError;
  else if (fileProblems.length > 0) errors[FILES_ID] = fileProblems.join(' ');

  return { values, errors, data, attachments };
}
