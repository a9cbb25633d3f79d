import { simpleParser } from 'mailparser';
import type { Db } from '../db/client';
import { mailbox } from '../db/schema';
import { addressText, dbText, importantHeaders } from './parsed-mail';
import { DEFAULT_MAX_MESSAGE_BYTES, envelopeOf, listenSmtp, readMessage, smtpError, type RunningSmtpServer } from './smtp-receiving';

export interface MailCatcherOptions {
  db: Db;
  port: number;
  host?: string;
  maxSize?: number;
  log: (msg: string) => void;
}

/**
 * The embedded stack's stand-in for a real mail server: keeps every mail the app sends in
 * `mailbox`, where the console shows it. Loopback only, so no TLS and any credentials pass.
 */
export function startMailCatcher(opts: MailCatcherOptions): Promise<RunningSmtpServer> {
  const { db, log } = opts;
  const maxSize = opts.maxSize ?? DEFAULT_MAX_MESSAGE_BYTES;

  return listenSmtp(
    'mail-catcher',
    {
      banner: 'Amtsflow mail catcher',
      size: maxSize,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        callback(null, { user: auth.username ?? 'anonymous' });
      },
      onData(stream, session, callback) {
        const envelope = envelopeOf(session);
        const store = async (): Promise<Error | null> => {
          const message = await readMessage(stream, maxSize);
          if (message.oversized) {
            log(`[mail-catcher] refused a ${message.size}-byte mail from ${envelope.from ?? '<>'} (limit ${maxSize})`);
            return smtpError(552, `5.3.4 Message exceeds the size limit of ${maxSize} bytes`);
          }
          const parsed = await simpleParser(message.raw, { skipImageLinks: true });
          await db.insert(mailbox).values({
            messageId: dbText(parsed.messageId),
            envelopeFrom: envelope.from,
            envelopeTo: envelope.to,
            from: dbText(addressText(parsed.from)),
            subject: dbText(parsed.subject),
            text: dbText(parsed.text),
            html: typeof parsed.html === 'string' ? dbText(parsed.html) : null,
            headers: importantHeaders(parsed),
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
            raw: message.raw,
          })
          // A mail resent after a sender's crash carries the same Message-ID: the mailbox keeps one, as a mail client would.
          .onConflictDoNothing({ target: mailbox.messageId });
          return null;
        };
        store()
          .catch((err: unknown) => {
            log(`[mail-catcher] could not store a mail from ${envelope.from ?? '<>'}: ${err instanceof Error ? err.message : String(err)}`);
            // Temporary, so the sender keeps the mail and tries again.
            return smtpError(451, '4.3.0 Temporary failure storing the message, try again later');
          })
          .then((err) => (err ? callback(err) : callback(null, 'OK: caught')))
          .catch((err: unknown) => log(`[mail-catcher] reply failed: ${String(err)}`));
      },
    },
    opts.port,
    opts.host ?? '127.0.0.1',
    log,
  );
}
