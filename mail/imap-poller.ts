import { ImapFlow } from 'imapflow';
import { OVERSIZED_KEEP_BYTES, type InboundPath } from './inbound-path';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

/** `imaps://user:pass@host:993/INBOX` (TLS) or `imap://…:143/…` (STARTTLS when the server offers it). */
export function parseImapUrl(url: string): ImapSettings {
  const u = new URL(url);
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:') throw new Error(`IMAP_URL must start with imap:// or imaps://, not ${u.protocol}//`);
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/** The address without the password, for logs. */
export function imapUrlForLog(s: ImapSettings): string {
  return `${s.secure ? 'imaps' : 'imap'}://${encodeURIComponent(s.user)}@${s.host}:${s.port}/${s.mailbox}`;
}

export interface ImapPollerOptions {
  url: string;
  /** Move handled messages here instead of only flagging them \Seen; created if missing. */
  processedFolder?: string;
  /** How often the mailbox is searched anyway: without IDLE the only way, with IDLE a safety net. */
  pollMs: number;
  inbound: InboundPath;
  log: (msg: string) => void;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

export interface RunningImapPoller {
  stop(): Promise<void>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Production's way in for department replies: the mailbox that `reply+<token>@<inbound domain>`
 * delivers to. Each unseen message goes through the same inbound path as the SMTP listener's, and
 * is flagged \Seen (or moved) only after it is stored: at least once, and a copy handled twice is
 * no harm because the path stores one Message-ID once. So several pollers on one mailbox are
 * harmless too. A lost connection is logged and retried with backoff; nothing here throws.
 */
export function startImapPoller(opts: ImapPollerOptions): RunningImapPoller {
  const settings = parseImapUrl(opts.url);
  const where = imapUrlForLog(settings);
  const log = (msg: string) => opts.log(`[imap] ${msg}`);
  const minDelay = opts.reconnectMinMs ?? 1_000;
  const maxDelay = opts.reconnectMaxMs ?? 60_000;
  let stopped = false;
  let delay = minDelay;
  let client: ImapFlow | undefined;
  // Ends the current wait (new mail, connection lost, stop); one that comes while no wait is on
  // (new mail announced while the last round was still fetching) ends the next wait at once.
  let wake: (() => void) | undefined;
  let nudged = false;
  const nudge = () => {
    nudged = true;
    wake?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, nudged ? 0 : ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        nudged = false;
        resolve();
      }
      wake = done;
    });

  async function handleUnseen(c: ImapFlow): Promise<void> {
    const uids = (await c.search({ seen: false }, { uid: true })) || [];
    for (const uid of uids) {
      if (stopped || !c.usable) return;
      const range = String(uid);
      const meta = await c.fetchOne(range, { uid: true, size: true }, { uid: true });
      if (!meta) continue; // expunged meanwhile, e.g. moved by another poller
      const size = meta.size ?? 0;
      // Of an oversized message only its beginning is fetched: enough to see what it was and whom to tell.
      const source = size > opts.inbound.maxSize ? { maxLength: OVERSIZED_KEEP_BYTES } : true;
      const message = await c.fetchOne(range, { uid: true, source }, { uid: true });
      if (!message || !message.source) continue;
      try {
        const outcome = await opts.inbound.receive({ raw: message.source, size: Math.max(size, message.source.length), via: 'imap' });
        log(`UID ${uid}: ${outcome.stored ? `stored as ${outcome.row.id}` : `already stored as ${outcome.duplicateOf}`}`);
      } catch (err) {
        log(`UID ${uid} could not be stored, it stays unseen and is tried again: ${errorText(err)}`);
        continue;
      }
      if (opts.processedFolder) await c.messageMove(range, opts.processedFolder, { uid: true });
      else await c.messageFlagsAdd(range, ['\\Seen'], { uid: true });
    }
  }

  async function session(): Promise<void> {
    const c = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.pass },
      logger: false,
      // IDLE soon after each round, so that new mail is announced at once.
      autoIdleDelay: 1_000,
    });
    client = c;
    nudged = false;
    let closed = false;
    c.on('error', (err: unknown) => log(`connection error: ${errorText(err)}`));
    c.on('close', () => {
      closed = true;
      wake?.();
    });
    c.on('exists', nudge);
    try {
      await c.connect();
      await c.mailboxOpen(settings.mailbox);
      if (opts.processedFolder) {
        const folders = await c.list();
        if (!folders.some((f) => f.path === opts.processedFolder)) await c.mailboxCreate(opts.processedFolder);
      }
      log(`connected to ${where} (${c.capabilities.has('IDLE') ? 'IDLE' : `no IDLE, every ${opts.pollMs} ms`})`);
      delay = minDelay;
      while (!stopped && !closed) {
        await handleUnseen(c);
        if (!stopped && !closed) await pause(opts.pollMs);
      }
    } finally {
      if (!closed) await c.logout().catch(() => c.close());
      client = undefined;
    }
  }

  async function run(): Promise<void> {
    while (!stopped) {
      try {
        await session();
      } catch (err) {
        if (!stopped) log(`${where}: ${errorText(err)}`);
      }
      if (stopped) break;
      log(`connection to ${where} lost; reconnecting in ${delay} ms`);
      nudged = false;
      await pause(delay);
      delay = Math.min(delay * 2, maxDelay);
    }
  }
  const running = run();

  return {
    async stop() {
      stopped = true;
      wake?.();
      client?.close();
      await running;
    },
  };
}
