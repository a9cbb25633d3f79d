import { simpleParser, type ParsedMail } from 'mailparser';
import type { Db } from '../db/client';
import { inboundMailColumns, inboundMails, type InboundStatus } from '../db/schema';
import { addressText, dbText } from './parsed-mail';
import { DEFAULT_MAX_MESSAGE_BYTES, envelopeOf, listenSmtp, readMessage, smtpError, type RunningSmtpServer } from './smtp-receiving';

/** What `inbound_mails.attachments` holds per attachment; the content itself stays in `raw`. */
export interface InboundAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
}

export type InboundMailRow = Omit<typeof inboundMails.$inferSelect, 'raw'>;

export interface InboundListenerOptions {
  db: Db;
  port: number;
  host?: string;
  /** Only recipients at this domain are accepted: `reply+<token>@<inboundDomain>`. */
  inboundDomain: string;
  maxSize?: number;
  /** Called after a mail was stored with status 'received'; its errors are logged, the row stays. */
  onMail?: (row: InboundMailRow) => Promise<void>;
  log: (msg: string) => void;
}

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? address.slice(at + 1).toLowerCase() : null;
}

function attachmentsOf(parsed: ParsedMail): InboundAttachment[] {
  return parsed.attachments.map((a) => ({
    filename: dbText(a.filename),
    contentType: dbText(a.contentType) ?? 'application/octet-stream',
    size: a.size,
    sha256: a.checksum,
  }));
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Receives department replies. Every message accepted over SMTP is kept, even one that does not
 * parse (status 'rejected' with the reason), so no answer is lost to a parser's opinion.
 */
export async function startInboundListener(opts: InboundListenerOptions): Promise<RunningSmtpServer> {
  const { db, log } = opts;
  const maxSize = opts.maxSize ?? DEFAULT_MAX_MESSAGE_BYTES;
  const inboundDomain = opts.inboundDomain.trim().toLowerCase();
  if (inboundDomain === '') throw new Error('startInboundListener: inboundDomain must not be empty');
  const pendingCallbacks = new Set<Promise<void>>();

  async function store(raw: Buffer, envelope: { from: string | null; to: string[] }): Promise<InboundMailRow> {
    let parsed: ParsedMail | undefined;
    let status: InboundStatus = 'received';
    let reason: string | null = null;
    try {
      parsed = await simpleParser(raw, { checksumAlgo: 'sha256', skipImageLinks: true });
      // mailparser takes any first lines as "headers", with an empty name when they have no colon.
      if (!parsed.headerLines.some((h) => /^[!-9;-~]+$/.test(h.key))) {
        status = 'rejected';
        reason = 'not an Internet message: no header fields';
      }
    } catch (err) {
      status = 'rejected';
      reason = `unparseable: ${errorText(err)}`;
    }
    const [row] = await db
      .insert(inboundMails)
      .values({
        messageId: dbText(parsed?.messageId),
        envelopeFrom: envelope.from,
        envelopeTo: envelope.to,
        from: dbText(addressText(parsed?.from)),
        subject: dbText(parsed?.subject),
        text: dbText(parsed?.text),
        attachments: parsed ? attachmentsOf(parsed) : [],
        status,
        reason,
        raw,
      })
      .returning(inboundMailColumns);
    if (!row) throw new Error('insert into inbound_mails returned no row');
    if (status === 'rejected') log(`[inbound-mail] stored mail ${row.id} as rejected: ${reason}`);
    return row;
  }

  function handOver(row: InboundMailRow): void {
    if (!opts.onMail || row.status !== 'received') return;
    const call = opts.onMail(row).catch((err: unknown) => {
      log(`[inbound-mail] handling mail ${row.id} failed, it stays 'received': ${errorText(err)}`);
    });
    pendingCallbacks.add(call);
    void call.finally(() => pendingCallbacks.delete(call));
  }

  const server = await listenSmtp(
    'inbound-mail',
    {
      banner: 'Amtsflow inbound mail',
      size: maxSize,
      // Nothing here needs a login; a client offering one gets the same open, domain-limited door.
      disabledCommands: ['STARTTLS', 'AUTH'],
      onRcptTo(address, _session, callback) {
        if (domainOf(address.address) === inboundDomain) return callback();
        callback(smtpError(550, `5.7.1 <${address.address}>: relay access denied, this server only accepts mail for @${inboundDomain}`));
      },
      onData(stream, session, callback) {
        const envelope = envelopeOf(session);
        const receive = async (): Promise<{ error: Error } | { row: InboundMailRow }> => {
          const message = await readMessage(stream, maxSize);
          if (message.oversized) {
            log(`[inbound-mail] refused a ${message.size}-byte mail from ${envelope.from ?? '<>'} to ${envelope.to.join(', ')} (limit ${maxSize}); nothing stored`);
            return { error: smtpError(552, `5.3.4 Message exceeds the size limit of ${maxSize} bytes`) };
          }
          return { row: await store(message.raw, envelope) };
        };
        receive()
          .catch((err: unknown) => {
            log(`[inbound-mail] could not store a mail from ${envelope.from ?? '<>'}: ${errorText(err)}`);
            // Temporary: the sending server keeps the mail and tries again later.
            return { error: smtpError(451, '4.3.0 Temporary failure storing the message, try again later') };
          })
          .then((outcome) => {
            if ('error' in outcome) return callback(outcome.error);
            callback(null, `OK: stored as ${outcome.row.id}`);
            handOver(outcome.row);
          })
          .catch((err: unknown) => log(`[inbound-mail] reply failed: ${errorText(err)}`));
      },
    },
    opts.port,
    opts.host ?? '127.0.0.1',
    log,
  );

  return {
    port: server.port,
    async stop() {
      await server.stop();
      while (pendingCallbacks.size > 0) await Promise.allSettled([...pendingCallbacks]);
    },
  };
}
