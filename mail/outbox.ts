import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { mailOutbox, mailOutboxAttachments } from '../db/schema';

/** The pg_notify channel the dispatchers LISTEN on. */
export const OUTBOX_CHANNEL = 'mail_outbox';


export interface OutgoingMail {
  idempotencyKey: string;
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  procedureId?: string;
  taskId?: string;
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Derived from the key, so a retried activity produces the same Message-ID and a receiver
 * that de-duplicates on it sees one mail even if we ever sent it twice.
 */
export function messageIdFor(idempotencyKey: string): string {
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
  return `<${digest.slice(0, 32)}@amtsflow>`;
}

/**
 * Writes the mail to the outbox once per idempotency key. Inside a transaction, the row and
 * the NOTIFY both take effect only when the caller commits.
 */
export async function enqueueMail(db: DbOrTx, mail: OutgoingMail): Promise<{ id: string; created: boolean }> {
  if (mail.idempotencyKey.trim() === '') throw new Error('enqueueMail: idempotencyKey must not be empty');
  if (mail.to.length === 0) throw new Error('enqueueMail: a mail needs at least one recipient');

  const inserted = await db
    .insert(mailOutbox)
    .values({
      idempotencyKey: mail.idempotencyKey,
      messageId: messageIdFor(mail.idempotencyKey),
      to: mail.to,
      cc: mail.cc ?? [],
      replyTo: mail.replyTo ?? null,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      procedureId: mail.procedureId ?? null,
      taskId: mail.taskId ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.idempotencyKey })
    .returning({ id: mailOutbox.id });

  const row = inserted[0];
  if (row) {
    // Same statement sequence as the row: a caller's transaction commits mail and files together.
    if (mail.attachments?.length) {
      await db.insert(mailOutboxAttachments).values(mail.attachments.map((a) => ({ mailId: row.id, ...a })));
    }
    await db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, ${row.id})`);
    return { id: row.id, created: true };
  }

  // ON CONFLICT waited for any concurrent inserter of this key to commit, so under
  // READ COMMITTED this statement's fresh snapshot sees its row.
  const existing = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(eq(mailOutbox.idempotencyKey, mail.idempotencyKey))
    .limit(1);
  const found = existing[0];
  if (!found) {
    throw new Error(
      `enqueueMail: key ${JSON.stringify(mail.idempotencyKey)} conflicted but its row is not visible (REPEATABLE READ/SERIALIZABLE transaction?)`,
    );
  }
  return { id: found.id, created: false };
}
