import type { DbOrTx } from '../../../db/client';
import type { OutgoingMail } from '../../../mail/outbox';
import type { AnswerField } from './forms';
import type { Addressee } from './participants';

// A consultation's request, written by the procedure that asks instead of the engine's one German
// mail per participant: a campaign writes to each contact of an organisation in the contact's
// language, with the flyer attached and the answer link for the report back. Types only: the
// workflow names a writer by its key, the worker finds it in the modules' `letters`.

export interface LetterFacts {
  /** The consultation asking; its parent is the procedure whose letter it is. */
  consultationId: string;
  requestId: string;
  addressee: Addressee;
  subject: string;
  question: string;
  deadlineAt: Date;
  /** The answer page's link and the reply address, as the engine's own request carries them. */
  link: string;
  replyTo: string;
  fields: AnswerField[];
  /** The base of other links (a consent's withdrawal). */
  publicUrl: string;
}

/** A mail of the letter; its key is unique within the request (`contact:<id>`), the engine prefixes the request's. */
export type Letter = Omit<OutgoingMail, 'idempotencyKey' | 'procedureId'> & { key: string };

/**
 * Writes the letters of one request inside the transaction that opens it, and may record in the
 * same transaction what it sent: a retry opens nothing twice and sends nothing twice.
 */
export type LetterWriter = (tx: DbOrTx, facts: LetterFacts) => Promise<Letter[]>;

export type LetterWriters = Record<string, LetterWriter>;
