import type { InboundPath } from './inbound-path';
import { envelopeOf, listenSmtp, readMessage, smtpError, type RunningSmtpServer } from './smtp-receiving';

export interface InboundListenerOptions {
  /** Where every accepted message goes: the same path as the IMAP poller's. */
  inbound: InboundPath;
  port: number;
  host?: string;
  /** Only recipients at this domain are accepted: `reply+<token>@<inboundDomain>`. */
  inboundDomain: string;
  log: (msg: string) => void;
}

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? address.slice(at + 1).toLowerCase() : null;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Receives department replies over SMTP. Every message is kept once it is accepted — one that
 * does not parse or is too large as well, rejected with the reason — so no answer is lost to a
 * parser's opinion; the reply code says "stored" only after it is.
 */
export async function startInboundListener(opts: InboundListenerOptions): Promise<RunningSmtpServer> {
  const { inbound, log } = opts;
  const inboundDomain = opts.inboundDomain.trim().toLowerCase();
  if (inboundDomain === '') throw new Error('startInboundListener: inboundDomain must not be empty');

  return listenSmtp(
    'inbound-mail',
    {
      banner: 'Amtsflow inbound mail',
      size: inbound.maxSize,
      // No refusal at MAIL FROM for a declared size: an oversized mail is read (its beginning kept)
      // so that the department gets our German explanation rather than its server's bounce.
      hideSize: true,
      // Nothing here needs a login; a client offering one gets the same open, domain-limited door.
      disabledCommands: ['STARTTLS', 'AUTH'],
      onRcptTo(address, _session, callback) {
        if (domainOf(address.address) === inboundDomain) return callback();
        callback(smtpError(550, `5.7.1 <${address.address}>: relay access denied, this server only accepts mail for @${inboundDomain}`));
      },
      onData(stream, session, callback) {
        const envelope = envelopeOf(session);
        readMessage(stream, inbound.maxSize)
          .then((message) => inbound.receive({ raw: message.raw, size: message.size, envelope, via: 'smtp' }))
          .then(
            (outcome) => callback(null, outcome.stored ? `OK: stored as ${outcome.row.id}` : `OK: already stored as ${outcome.duplicateOf}`),
            (err: unknown) => {
              log(`[inbound-mail] could not store a mail from ${envelope.from ?? '<>'}: ${errorText(err)}`);
              // Temporary: the sending server keeps the mail and tries again later.
              callback(smtpError(451, '4.3.0 Temporary failure storing the message, try again later'));
            },
          )
          .catch((err: unknown) => log(`[inbound-mail] reply failed: ${errorText(err)}`));
      },
    },
    opts.port,
    opts.host ?? '127.0.0.1',
    log,
  );
}
