import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { HttpError, RETRY_AFTER_SECONDS, toHttpError } from '../api/errors';
import type { CommandDelivery } from '../commands/dispatcher';
import type { Db } from '../db/client';
import { answerFieldSchema, type AnswerField } from '../workflows/engine/consultation/forms';
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type AttachmentVerdict } from './attachment-rules';
import { sendPage } from './html';
import { answerFormPage, FILES_ID } from './page-html';
import { readSubmission, type UploadedFile } from './page-submission';
import { findRequest, recordAnswer, requestState, type ClosedState, type OpenRequest } from './record-answer';
import { recordRejection } from './rejections';
import { contactFor } from './request-contact';
import {
  alreadyAnsweredPage,
  expiredPage,
  failurePage,
  thankYouPage,
  tooLargePage,
  tooManyRequestsPage,
  unavailablePage,
  unknownLinkPage,
  unreadablePage,
  withdrawnPage,
} from './status-pages';

// Status codes: 404 for a link that does not exist, whether never issued or forged (one page, one
// status, nothing to tell them apart). 410 Gone for a used or an expired link: the link did exist
// and will never work again, which is what 410 means; 409 would suggest the client could resolve a
// conflict and try again. GET and POST answer alike. Bad input gets 400 (the form again, with the
// errors) and an oversized body 413; never a 500 for anything a client sends.

export interface AnswerPageDeps {
  db: Db;
  /** Delivers the answer's signal to the consultation (kept in PostgreSQL while the engine is away). */
  commands: CommandDelivery;
}

const rejectedFiles = new WeakMap<Request, AttachmentVerdict[]>();

const upload = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: MAX_ATTACHMENT_BYTES,
    files: MAX_ATTACHMENTS,
    fields: 100,
    fieldSize: 256 * 1024,
    fieldNameSize: 100,
    parts: 110,
    headerPairs: 50,
  },
  // Browsers send file names as raw UTF-8: "Stellungnahme Jugendamt (Entwurf ä).pdf".
  defParamCharset: 'utf8',
  fileFilter(req, file, accept) {
    const verdict = checkAttachment(file.originalname, file.mimetype, 0);
    if (verdict.ok) return accept(null, true);
    rejectedFiles.set(req, [...(rejectedFiles.get(req) ?? []), verdict]);
    accept(null, false);
  },
}).array(FILES_ID);

const urlencoded = express.urlencoded({ extended: false, limit: '300kb', parameterLimit: 110 });

function run(middleware: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void middleware(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
  });
}

type BodyProblem = { kind: 'file'; message: string } | { kind: 'too_large' } | { kind: 'unreadable' };

function bodyProblem(err: unknown): BodyProblem {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') {
      const name = (err as { filename?: string }).filename;
      return { kind: 'file', message: `${name ? `„${name}“` : 'Eine Datei'} ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.` };
    }
    if (err.code === 'LIMIT_FILE_COUNT') return { kind: 'file', message: `Bitte hängen Sie höchstens ${MAX_ATTACHMENTS} Dateien an.` };
    if (['LIMIT_FIELD_VALUE', 'LIMIT_FIELD_COUNT', 'LIMIT_PART_COUNT', 'LIMIT_FIELD_KEY'].includes(err.code)) return { kind: 'too_large' };
    return { kind: 'unreadable' };
  }
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large' || type === 'parameters.too.many') return { kind: 'too_large' };
  return { kind: 'unreadable' };
}


function answerFields(found: OpenRequest): AnswerField[] {
  const parsed = z.array(answerFieldSchema).safeParse(found.answerForm);
  return parsed.success ? parsed.data : [];
}

/** The public answer page: the request, the form, and a clear German page for every way it can go wrong. */
export function answerPageRoutes({ db, commands }: AnswerPageDeps): Router {
  const router = Router();

  async function closedPage(found: OpenRequest, state: ClosedState): Promise<string> {
    const contact = await contactFor(db, found.request.consultationId);
    const facts = { department: found.department, subject: found.subject, contact };
    if (state === 'already_answered') return alreadyAnsweredPage({ ...facts, answeredAt: found.request.answeredAt });
    if (state === 'withdrawn') return withdrawnPage(facts);
    return expiredPage({ ...facts, deadlineAt: found.request.deadlineAt });
  }

  async function refuse(res: Response, found: OpenRequest, state: ClosedState) {
    await recordRejection(db, {
      requestId: found.request.id,
      consultationId: found.request.consultationId,
      department: found.department,
      channel: 'page',
      reason: state,
    });
    sendPage(res, 410, await closedPage(found, state));
  }

  router.get('/:token', async (req, res) => {
    const found = await findRequest(db, req.params.token);
    if (!found) return sendPage(res, 404, unknownLinkPage());
    const state = requestState(found.request);
    if (state !== 'open') return sendPage(res, 410, await closedPage(found, state));
    sendPage(
      res,
      200,
      answerFormPage({
        department: found.department,
        subject: found.subject,
        question: found.question,
        deadlineAt: found.request.deadlineAt,
        fields: answerFields(found),
        values: { text: '', fields: {} },
        errors: {},
      }),
    );
  });

  router.post('/:token', async (req, res) => {
    const { token } = req.params;
    // Checked before the body is read: a dead link need not receive 50 MB of files first.
    const found = await findRequest(db, token);
    if (!found) return sendPage(res, 404, unknownLinkPage());
    const state = requestState(found.request);
    if (state !== 'open') return refuse(res, found, state);

    let problem: BodyProblem | undefined;
    try {
      await run(urlencoded, req, res);
      await run(upload, req, res);
    } catch (err) {
      problem = bodyProblem(err);
    }
    const backTo = `/answer/${token}`;
    if (problem?.kind === 'too_large') return sendPage(res, 413, tooLargePage(backTo));
    if (problem?.kind === 'unreadable') return sendPage(res, 400, unreadablePage(backTo));

    const files = (Array.isArray(req.files) ? req.files : []) as UploadedFile[];
    const rejected = rejectedFiles.get(req) ?? [];
    const fields = answerFields(found);
    const submission = readSubmission(req.body, files, rejected, fields, problem?.message);
    if (Object.keys(submission.errors).length > 0) {
      return sendPage(
        res,
        400,
        answerFormPage({
          department: found.department,
          subject: found.subject,
          question: found.question,
          deadlineAt: found.request.deadlineAt,
          fields,
          values: submission.values,
          errors: submission.errors,
          filesLost: files.length > 0 || rejected.length > 0 || problem !== undefined,
        }),
      );
    }

    const outcome = await recordAnswer(db, commands, {
      token,
      channel: 'page',
      text: submission.values.text,
      data: submission.data,
      attachments: submission.attachments,
      answeredBy: 'Antwortseite',
    });
    if (outcome.result === 'unknown') return sendPage(res, 404, unknownLinkPage());
    if (outcome.result !== 'recorded') return refuse(res, (await findRequest(db, token)) ?? found, outcome.result);
    sendPage(res, 200, thankYouPage({ department: found.department, subject: found.subject, attachments: submission.attachments.length }));
  });

  // Any other address under /answer is a link that does not exist.
  router.use((_req, res) => sendPage(res, 404, unknownLinkPage()));
  return router;
}

/** Errors under /answer (the rate limiter's, or our own) as German pages, not as the API's JSON. */
export function answerErrorPage(log: (msg: string) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof HttpError && err.status === 429) return sendPage(res, 429, tooManyRequestsPage());
    const status = (err as { status?: number }).status;
    if (status === 413) return sendPage(res, 413, tooLargePage(null));
    if (typeof status === 'number' && status >= 400 && status < 500) return sendPage(res, 400, unreadablePage(null));
    // The API's one mapping decides what is an outage (503) and what a client's bad input (400).
    const mapped = toHttpError(err, (msg) => log(`answer page: ${msg}`));
    if (mapped.status === 503) {
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      return sendPage(res, 503, unavailablePage());
    }
    if (mapped.status >= 400 && mapped.status < 500) return sendPage(res, 400, unreadablePage(null));
    sendPage(res, 500, failurePage());
  };
}
