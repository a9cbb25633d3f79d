import { startCommandDispatcher } from '../commands/dispatcher';
import { engineClient } from '../commands/engine-connection';
import type { Db } from '../db/client';
import { startImapPoller } from '../mail/imap-poller';
import { createInboundPath, type InboundPath } from '../mail/inbound-path';
import { inboundReplyHandler } from './inbound-replies';

export interface DepartmentMailOptions {
  db: Db;
  /** For the command dispatcher's LISTEN connection. */
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  inboundDomain: string;
  /** INBOUND_RETRY_MS: how often mails left unhandled by a crash are taken up again. */
  recoveryMs: number;
  commandsPollMs: number;
  /** The production mailbox, when there is one (IMAP_URL). */
  imap?: { url: string; processedFolder?: string; pollMs: number };
  log: (msg: string) => void;
}

/**
 * Department replies in: the inbound path (store → parse → correlate → answer/reject) with its
 * recovery of unhandled mails, and the IMAP poller in front of it when a mailbox is configured.
 * The SMTP listener, where there is one, is put in front of the same `inbound`. An answer's signal
 * to its consultation is written with the answer; this part's own command dispatcher delivers it,
 * at once or when the engine is back, so a reply is taken whether or not Temporal is up.
 */
export async function startDepartmentMail(opts: DepartmentMailOptions): Promise<{ inbound: InboundPath; stop(): Promise<void> }> {
  const { db, inboundDomain, log } = opts;
  const { temporal, connection } = engineClient(opts.temporalAddress, opts.namespace);
  const commands = startCommandDispatcher({ db, databaseUrl: opts.databaseUrl, temporal, pollMs: opts.commandsPollMs, log });
  const inbound = createInboundPath({
    db,
    recoveryMs: opts.recoveryMs,
    handle: inboundReplyHandler({ db, commands, inboundDomain, log }),
    log,
  });
  const poller = opts.imap ? startImapPoller({ ...opts.imap, inbound, log }) : undefined;
  return {
    inbound,
    async stop() {
      await poller?.stop();
      await inbound.stop();
      await commands.stop();
      await connection.close();
    },
  };
}
