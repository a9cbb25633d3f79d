import { createHash } from 'node:crypto';
import net from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { closeDb, createDb, type Db } from '../db/client';
import { inboundMails, mailbox, mailOutbox, mailOutboxAttachments } from '../db/schema';
import { startMailCatcher } from '../mail/catcher';
import { startOutboxDispatcher, type OutboxDispatcherOptions } from '../mail/dispatcher';
import { startInboundListener } from '../mail/inbound';
import { createInboundPath, type InboundAttachment, type InboundMailRow, type IncomingMessage } from '../mail/inbound-path';
import { enqueueMail, messageIdFor, type OutgoingMail } from '../mail/outbox';
import { createTransport, verifySmtp } from '../mail/transport';
import { startTestDatabase, type TestDatabase } from './support/test-database';

const INBOUND_DOMAIN = 'antwort.amtsflow.test';
const FROM = 'Amt für Integration <integration@amtsflow.test>';

let tdb: TestDatabase;
let db: Db;
let logs: string[];
const log = (msg: string) => logs.push(msg);
// Clients (dispatchers, senders) stop before the servers they talk to, pools last.
type Phase = 'client' | 'server' | 'pool';
let cleanups: Array<{ phase: Phase; fn: () => Promise<void> }>;

beforeAll(async () => {
  tdb = await startTestDatabase();
  db = tdb.db;
});

afterAll(async () => {
  await tdb?.stop();
});

beforeEach(async () => {
  logs = [];
  cleanups = [];
  await db.execute(sql`truncate ${mailOutboxAttachments}, ${mailOutbox}, ${mailbox}, ${inboundMails}`);
});

afterEach(async () => {
  for (const phase of ['client', 'server', 'pool'] as const) {
    for (const cleanup of cleanups.filter((c) => c.phase === phase).reverse()) await cleanup.fn();
  }
});

function defer(phase: Phase, fn: () => Promise<void>): void {
  cleanups.push({ phase, fn });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log:\n${logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port nothing listens on, below Linux's ephemeral range: a connect to a closed ephemeral port
 * on loopback can, rarely, connect the socket to itself instead of being refused.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await portIsFree(port)) return port;
  }
}

async function catcher(port = 0, maxSize?: number, catcherDb: Db = db) {
  const c = await startMailCatcher({ db: catcherDb, port, maxSize, log });
  defer('server', () => c.stop());
  return c;
}

function dispatcher(overrides: Partial<OutboxDispatcherOptions> & { smtpUrl: string }) {
  const d = startOutboxDispatcher({ db, databaseUrl: tdb.url, from: FROM, pollMs: 60_000, log, ...overrides });
  defer('client', () => d.stop());
  return d;
}

function inboundPath(options: { maxSize?: number; onMail?: (row: InboundMailRow) => Promise<void>; db?: Db } = {}) {
  const path = createInboundPath({
    db: options.db ?? db,
    maxSize: options.maxSize,
    handle: options.onMail ?? (async () => undefined),
    recoveryMs: 0,
    log,
  });
  defer('server', () => path.stop());
  return path;
}

async function inbound(options: { maxSize?: number; onMail?: (row: InboundMailRow) => Promise<void>; db?: Db } = {}) {
  const l = await startInboundListener({ inbound: inboundPath(options), port: 0, inboundDomain: INBOUND_DOMAIN, log });
  defer('server', () => l.stop());
  return l;
}

function sender(port: number) {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  defer('client', async () => t.close());
  return t;
}

function mail(key: string, extra: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    idempotencyKey: key,
    to: ['fachbereich@stadt.test'],
    subject: `Betreff ${key}`,
    text: `Text für ${key}`,
    ...extra,
  };
}

async function outboxRow(id: string) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

async function listenerBackends(): Promise<number[]> {
  const result = await db.execute<{ pid: number }>(
    sql`select pid from pg_stat_activity where application_name = 'amtsflow-mail-listener' and query ilike 'listen%'`,
  );
  return result.rows.map((r) => r.pid);
}

interface RawSmtpResult {
  rcpt: number[];
  data?: number;
  replies: string[];
}

/** A minimal SMTP client, for what nodemailer will not send: raw bytes and refused envelopes. */
function sendRaw(port: number, envelope: { from: string; to: string[] }, body: Buffer): Promise<RawSmtpResult> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const replies: string[] = [];
    const result: RawSmtpResult = { rcpt: [], replies };
    let buffer = '';
    let waiting: ((reply: string) => void) | undefined;
    const pending: string[] = [];
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let nl: number;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (/^\d{3} /.test(line)) {
          replies.push(line);
          if (waiting) {
            const w = waiting;
            waiting = undefined;
            w(line);
          } else pending.push(line);
        }
      }
    });
    socket.on('error', reject);
    const next = () => new Promise<string>((r) => (pending.length > 0 ? r(pending.shift() as string) : (waiting = r)));
    const command = (line: string) => {
      socket.write(`${line}\r\n`);
      return next().then((reply) => Number(reply.slice(0, 3)));
    };
    void (async () => {
      await next();
      await command('EHLO tester.local');
      await command(`MAIL FROM:<${envelope.from}>`);
      for (const to of envelope.to) result.rcpt.push(await command(`RCPT TO:<${to}>`));
      if (result.rcpt.some((c) => c === 250)) {
        if ((await command('DATA')) === 354) {
          const stuffed = body.toString('latin1').replace(/(^|\r\n)\./g, '$1..');
          socket.write(Buffer.from(stuffed.endsWith('\r\n') ? stuffed : `${stuffed}\r\n`, 'latin1'));
          result.data = await command('.');
        }
      }
      await command('QUIT');
      socket.end();
      resolve(result);
    })().catch(reject);
  });
}

describe('outbox → SMTP → catcher', () => {
  test('an enqueued mail is delivered, woken by NOTIFY, with its Message-ID and mail id header', async () => {
    const c = await catcher();
    dispatcher({ smtpUrl: `smtp://127.0.0.1:${c.port}` });
    // With a 60 s poll only the NOTIFY can deliver the mail within the wait below.
    await waitFor('the LISTEN connection', async () => (await listenerBackends()).length === 1);

    const { id, created } = await enqueueMail(db, mail('welcome-1', { html: '<p>Hallo</p>', cc: ['kopie@stadt.test'] }));
    expect(created).toBe(true);

    const caught = await waitFor('the caught mail', async () => (await db.select().from(mailbox))[0], 5_000);
    expect(caught.messageId).toBe(messageIdFor('welcome-1'));
    expect(caught.subject).toBe('Betreff welcome-1');
    expect(caught.text?.trim()).toBe('Text für welcome-1');
    expect(caught.html).toContain('<p>Hallo</p>');
    expect(caught.from).toContain('integration@amtsflow.test');
    expect(caught.envelopeTo.sort()).toEqual(['fachbereich@stadt.test', 'kopie@stadt.test']);
    expect((caught.headers as Record<string, string>)['x-amtsflow-mail-id']).toBe(id);
    expect(caught.raw.toString('utf8')).toContain(`Message-ID: ${messageIdFor('welcome-1')}`);

    const row = await waitFor('sent status', async () => {
      const r = await outboxRow(id);
      return r.status === 'sent' ? r : undefined;
    });
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.lastError).toBeNull();
  });

  test('the same idempotency key twice is one outbox row and one delivered mail', async () => {
    const first = await enqueueMail(db, mail('key-dup'));
    const second = await enqueueMail(db, mail('key-dup', { subject: 'ein anderer Betreff' }));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });

    const c = await catcher();
    const d = dispatcher({ smtpUrl: `smtp://127.0.0.1:${c.port}` });
    await waitFor('sent status', async () => (await outboxRow(first.id)).status === 'sent');
    await d.deliverDue();
    await enqueueMail(db, mail('key-dup'));
    await d.deliverDue();

    const rows = await db.select().from(mailOutbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.subject).toBe('Betreff key-dup');
    const caught = await db.select().from(mailbox);
    expect(caught).toHaveLength(1);
    expect(caught[0]?.messageId).toBe(messageIdFor('key-dup'));
  });

  test('enqueueing in a transaction takes effect with its commit only', async () => {
    const c = await catcher();
    dispatcher({ smtpUrl: `smtp://127.0.0.1:${c.port}` });
    await waitFor('the LISTEN connection', async () => (await listenerBackends()).length === 1);

    await expect(
      db.transaction(async (tx) => {
        await enqueueMail(tx, mail('rolled-back'));
        tx.rollback();
      }),
    ).rejects.toThrow();
    const committed = await db.transaction(async (tx) => {
      const r = await enqueueMail(tx, mail('committed'));
      // Visible to the transaction itself, and a repeat inside it is still one row.
      expect(await enqueueMail(tx, mail('committed'))).toEqual({ id: r.id, created: false });
      return r;
    });

    await waitFor('the committed mail', async () => (await outboxRow(committed.id)).status === 'sent', 5_000);
    const keys = (await db.select({ key: mailOutbox.idempotencyKey }).from(mailOutbox)).map((r) => r.key);
    expect(keys).toEqual(['committed']);
    expect(await db.select({ id: mailbox.id }).from(mailbox)).toHaveLength(1);
  });

  test('two dispatchers at once deliver each of 20 mails exactly once', async () => {
    const c = await catcher();
    const otherDb = createDb(tdb.url);
    defer('pool', () => closeDb(otherDb));
    const a = dispatcher({ smtpUrl: `smtp://127.0.0.1:${c.port}` });
    const b = dispatcher({ smtpUrl: `smtp://127.0.0.1:${c.port}`, db: otherDb });
    await waitFor('both LISTEN connections', async () => (await listenerBackends()).length === 2);

    const keys = Array.from({ length: 20 }, (_, i) => `parallel-${i}`);
    await Promise.all(keys.map((k) => enqueueMail(db, mail(k))));
    const [byA, byB] = await Promise.all([a.deliverDue(), b.deliverDue()]);
    expect(byA + byB).toBeLessThanOrEqual(20);

    await waitFor('all 20 sent', async () => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(mailOutbox)
        .where(eq(mailOutbox.status, 'sent'));
      return row?.n === 20;
    });
    const perMessageId = await db
      .select({ messageId: mailbox.messageId, n: sql<number>`count(*)::int` })
      .from(mailbox)
      .groupBy(mailbox.messageId);
    expect(perMessageId).toHaveLength(20);
    expect(perMessageId.every((r) => r.n === 1)).toBe(true);
    expect(perMessageId.map((r) => r.messageId).sort()).toEqual(keys.map(messageIdFor).sort());
    const attempts = await db.select({ attempts: mailOutbox.attempts }).from(mailOutbox);
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
  });

  test('with the SMTP server down the mail is retried with backoff, and delivered once it is up', async () => {
    const port = await freePort();
    dispatcher({ smtpUrl: `smtp://127.0.0.1:${port}`, retryBaseMs: 600 });
    const { id } = await enqueueMail(db, mail('server-down'));

    const failed = await waitFor('the retry status', async () => {
      const r = await outboxRow(id);
      return r.status === 'retry' ? r : undefined;
    });
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 100);
    // The log line follows the status update.
    await waitFor('the retry log line', async () => logs.some((m) => /will retry \(attempt 1\/8\)/.test(m)));

    await catcher(port);
    const sent = await waitFor('delivery after the server came up', async () => {
      const r = await outboxRow(id);
      return r.status === 'sent' ? r : undefined;
    });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    const caught = await db.select().from(mailbox);
    expect(caught.map((m) => m.messageId)).toEqual([messageIdFor('server-down')]);
  });

  test('a mail that keeps failing ends as failed after maxAttempts', async () => {
    const port = await freePort();
    dispatcher({ smtpUrl: `smtp://127.0.0.1:${port}`, retryBaseMs: 50, maxAttempts: 3 });
    const { id } = await enqueueMail(db, mail('hopeless'));
    const row = await waitFor('the failed status', async () => {
      const r = await outboxRow(id);
      return r.status === 'failed' ? r : undefined;
    });
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBeTruthy();
    expect(row.sentAt).toBeNull();
  });

  test('a row left "sending" by a crashed dispatcher waits for its lease, then goes out once', async () => {
    const { id } = await enqueueMail(db, mail('crashed'));
    await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: sql`now() + interval '1 hour'` })
      .where(eq(mailOutbox.id, id));
    const c = await catcher();
    const d = dispatcher({ smtpUrl: `smtp://127.0.0.1:${c.port}`, pollMs: 100 });

    expect(await d.deliverDue()).toBe(0);
    await sleep(500); // a few polls, all within the lease
    expect(await db.select().from(mailbox)).toHaveLength(0);
    expect((await outboxRow(id)).status).toBe('sending');

    await db.update(mailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(mailOutbox.id, id));
    const sent = await waitFor('the taken-over mail', async () => {
      const r = await outboxRow(id);
      return r.status === 'sent' ? r : undefined;
    });
    expect(sent.attempts).toBe(2);
    const received = await db.select().from(mailbox);
    expect(received).toHaveLength(1);
    expect(received[0]?.messageId).toBe(sent.messageId);
  });

  test('a dropped LISTEN connection is re-established and notifications work again', async () => {
    const c = await catcher();
    dispatcher({ smtpUrl: `smtp://127.0.0.1:${c.port}` });
    const [pid] = await waitFor('the LISTEN connection', async () => {
      const pids = await listenerBackends();
      return pids.length === 1 ? pids : undefined;
    });
    await db.execute(sql`select pg_terminate_backend(${pid})`);
    await waitFor('a new LISTEN connection', async () => {
      const pids = await listenerBackends();
      return pids.length === 1 && pids[0] !== pid;
    });
    expect(logs.join('\n')).toMatch(/LISTEN connection lost/);

    const { id } = await enqueueMail(db, mail('after-reconnect'));
    await waitFor('delivery by NOTIFY after the reconnect', async () => (await outboxRow(id)).status === 'sent', 5_000);
  });

  test('without a database the dispatcher logs and keeps trying instead of crashing', async () => {
    const brokenDb = createDb(tdb.url);
    await closeDb(brokenDb);
    const deadUrl = `postgres://postgres:x@127.0.0.1:${await freePort()}/nothing`;
    const d = dispatcher({ smtpUrl: 'smtp://127.0.0.1:25', db: brokenDb, databaseUrl: deadUrl, pollMs: 200 });
    await waitFor('both failures logged', async () => {
      const all = logs.join('\n');
      return /cannot reach the database/.test(all) && /LISTEN failed/.test(all);
    });
    await sleep(600);
    // Logged once per outage, not once per poll.
    expect(logs.filter((m) => m.includes('cannot reach the database'))).toHaveLength(1);
    await expect(d.deliverDue()).rejects.toThrow();
    await d.stop();
  });

  test('stop() waits for the send in flight', async () => {
    const c = await catcher();
    const d = startOutboxDispatcher({ db, databaseUrl: tdb.url, smtpUrl: `smtp://127.0.0.1:${c.port}`, from: FROM, pollMs: 60_000, log });
    const { id } = await enqueueMail(db, mail('in-flight'));
    await waitFor('the claim', async () => (await outboxRow(id)).status !== 'pending');
    await d.stop();
    expect((await outboxRow(id)).status).toBe('sent');
  });
});

describe('verifySmtp', () => {
  test('true for a live server, false for a closed port and for a server that never greets', async () => {
    const c = await catcher();
    expect(await verifySmtp(createTransport(`smtp://127.0.0.1:${c.port}`), 5_000)).toBe(true);
    expect(await verifySmtp(createTransport(`smtp://127.0.0.1:${await freePort()}`), 5_000)).toBe(false);

    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    defer(
      'server',
      () =>
        new Promise<void>((r) => {
          sockets.forEach((s) => s.destroy());
          silent.close(() => r());
        }),
    );
    const started = Date.now();
    const silentTransport = createTransport(`smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`);
    expect(await verifySmtp(silentTransport, 300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    silentTransport.close();
  });
});

describe('mail catcher', () => {
  test('refuses a mail over the size limit with 552 and stores nothing', async () => {
    const c = await catcher(0, 4_000);
    const err = await sender(c.port)
      .sendMail({ from: 'a@amtsflow.test', to: 'b@stadt.test', subject: 'groß', text: 'x'.repeat(20_000) })
      .then(() => undefined, (e: unknown) => e as { responseCode?: number });
    expect(err?.responseCode).toBe(552);
    expect(await db.select().from(mailbox)).toHaveLength(0);
  });

  test('answers 451 when the mail cannot be stored, and keeps running', async () => {
    const brokenDb = createDb(tdb.url);
    await closeDb(brokenDb);
    const broken = await catcher(0, undefined, brokenDb);
    const err = await sender(broken.port)
      .sendMail({ from: 'a@amtsflow.test', to: 'b@stadt.test', subject: 'x', text: 'y' })
      .then(() => undefined, (e: unknown) => e as { responseCode?: number });
    expect(err?.responseCode).toBe(451);
    expect(logs.join('\n')).toMatch(/could not store/);

    const info = await sender(broken.port)
      .sendMail({ from: 'a@amtsflow.test', to: 'b@stadt.test', subject: 'x', text: 'y' })
      .catch((e: { responseCode?: number }) => e);
    expect((info as { responseCode?: number }).responseCode).toBe(451);
  });

  test('fails to start, rather than hang, when its port is taken', async () => {
    const c = await catcher();
    await expect(startMailCatcher({ db, port: c.port, log })).rejects.toThrow(/EADDRINUSE/);
  });

  test('accepts any sender, recipient and credentials', async () => {
    const c = await catcher();
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: c.port, secure: false, ignoreTLS: true, auth: { user: 'u', pass: 'p' } });
    defer('client', async () => t.close());
    await t.sendMail({ from: '', to: 'irgendwer@example.org', subject: 'ohne Absender', text: 'hallo', envelope: { from: '', to: 'irgendwer@example.org' } });
    const [caught] = await db.select().from(mailbox);
    expect(caught?.subject).toBe('ohne Absender');
    expect(caught?.envelopeTo).toEqual(['irgendwer@example.org']);
  });
});

describe('inbound listener', () => {
  const replyTo = `reply+tok3n@${INBOUND_DOMAIN}`;

  test('stores a plain reply and hands it to onMail', async () => {
    let handed: InboundMailRow | undefined;
    const l = await inbound({
      onMail: async (row) => {
        handed = row;
      },
    });
    const info = await sender(l.port).sendMail({
      from: 'Fachbereich Soziales <soziales@stadt.test>',
      to: replyTo,
      subject: 'Re: Stellungnahme',
      text: 'Wir stimmen zu.\n\n> zitierter Text',
      messageId: '<reply-1@stadt.test>',
    });
    expect(info.accepted).toEqual([replyTo]);

    const [row] = await db.select().from(inboundMails);
    expect(row).toMatchObject({
      status: 'received',
      reason: null,
      subject: 'Re: Stellungnahme',
      messageId: '<reply-1@stadt.test>',
      envelopeFrom: 'soziales@stadt.test',
      envelopeTo: [replyTo],
      attachments: [],
    });
    expect(row?.from).toContain('soziales@stadt.test');
    expect(row?.text).toContain('Wir stimmen zu.');
    expect(row?.raw.toString('utf8')).toContain('Subject: Re: Stellungnahme');
    await waitFor('onMail', async () => handed);
    expect(handed?.id).toBe(row?.id);
  });

  test('extracts the text of an HTML-only mail', async () => {
    const l = await inbound();
    await sender(l.port).sendMail({
      from: 'bauamt@stadt.test',
      to: replyTo,
      subject: 'HTML',
      html: '<html><body><p>Sehr geehrte Damen und Herren,</p><p>wir <b>lehnen</b> ab.</p><script>alert(1)</script></body></html>',
    });
    const [row] = await db.select().from(inboundMails);
    expect(row?.status).toBe('received');
    expect(row?.text).toContain('Sehr geehrte Damen und Herren,');
    expect(row?.text).toMatch(/wir lehnen ab\./i);
    expect(row?.text).not.toContain('<');
    expect(row?.text).not.toContain('alert');
  });

  test('keeps attachment metadata', async () => {
    const l = await inbound();
    const pdf = Buffer.from('%PDF-1.4\n% Anlage zur Stellungnahme\n%%EOF\n');
    await sender(l.port).sendMail({
      from: 'jugendamt@stadt.test',
      to: replyTo,
      subject: 'Mit Anlage',
      text: 'Siehe Anlage.',
      attachments: [
        { filename: 'Stellungnahme.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'notiz.txt', content: 'Notiz', contentType: 'text/plain' },
      ],
    });
    const [row] = await db.select().from(inboundMails);
    expect(row?.status).toBe('received');
    expect(row?.text).toContain('Siehe Anlage.');
    const attachments = row?.attachments as InboundAttachment[];
    expect(attachments).toEqual([
      { filename: 'Stellungnahme.pdf', contentType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') },
      { filename: 'notiz.txt', contentType: 'text/plain', size: 5, sha256: createHash('sha256').update('Notiz').digest('hex') },
    ]);
  });

  test('refuses recipients outside the inbound domain with 550 (no open relay)', async () => {
    const l = await inbound();
    const raw = await sendRaw(
      l.port,
      { from: 'spammer@example.org', to: ['victim@example.org', `reply+x@sub.${INBOUND_DOMAIN}`, `Reply+ABC@${INBOUND_DOMAIN.toUpperCase()}`] },
      Buffer.from('Subject: relay\r\n\r\nbody\r\n'),
    );
    expect(raw.rcpt).toEqual([550, 550, 250]);
    expect(raw.data).toBe(250);

    const err = await sender(l.port)
      .sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'x', text: 'y' })
      .then(() => undefined, (e: unknown) => e as { responseCode?: number; code?: string });
    expect(err?.code).toBe('EENVELOPE');

    const rows = await db.select().from(inboundMails);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.envelopeTo).toEqual([`Reply+ABC@${INBOUND_DOMAIN.toUpperCase()}`]);
  });

  test('stores malformed messages without crashing', async () => {
    const l = await inbound();
    // Bytes that are no header at all, with NULs Postgres text cannot hold.
    const garbage = Buffer.from(Array.from({ length: 600 }, (_, i) => (i % 97 === 96 ? 0x0a : 0x80 + ((i * 37) % 0x7f))));
    garbage[5] = 0;
    const garbageResult = await sendRaw(l.port, { from: 'x@example.org', to: [replyTo] }, garbage);
    expect(garbageResult.data).toBe(250);

    const brokenMime = Buffer.from(
      [
        'From: kaputt@stadt.test',
        'Subject: kaputt\u0000',
        'Content-Type: multipart/mixed; boundary="zz"',
        '',
        '--zz',
        'Content-Type: text/plain; charset=nonexistent-charset',
        'Content-Transfer-Encoding: base64',
        '',
        '!!!not base64@@',
        '--zz',
        'Content-Type: application/pdf; name="halb.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0x',
      ].join('\r\n'),
      'latin1',
    );
    const brokenResult = await sendRaw(l.port, { from: 'kaputt@stadt.test', to: [replyTo] }, brokenMime);
    expect(brokenResult.data).toBe(250);

    const rows = await db.select().from(inboundMails).orderBy(inboundMails.receivedAt);
    expect(rows).toHaveLength(2);
    const [g, b] = rows;
    // Left to the handler, which finds a request by the envelope alone and tells the sender.
    expect(g?.status).toBe('received');
    expect(g?.reason).toMatch(/^unreadable: .*no header fields/);
    expect(g?.raw.length).toBeGreaterThan(500);
    expect(b?.status).toBe('received');
    expect(b?.subject).toBe('kaputt');
    expect((b?.attachments as InboundAttachment[]).map((a) => a.filename)).toEqual(['halb.pdf']);

    // Still serving.
    await sender(l.port).sendMail({ from: 'a@stadt.test', to: replyTo, subject: 'danach', text: 'ok' });
    expect(await db.select().from(inboundMails).where(eq(inboundMails.subject, 'danach'))).toHaveLength(1);
  });

  test('an onMail error is logged and leaves the row received', async () => {
    let calls = 0;
    const l = await inbound({
      onMail: async () => {
        calls++;
        throw new Error('Korrelation kaputt');
      },
    });
    await sender(l.port).sendMail({ from: 'a@stadt.test', to: replyTo, subject: 'x', text: 'y' });
    await waitFor('the logged onMail error', async () => logs.some((m) => m.includes('Korrelation kaputt')));
    expect(calls).toBe(1);
    const rows = await db.select().from(inboundMails).where(and(eq(inboundMails.subject, 'x'), inArray(inboundMails.status, ['received'])));
    expect(rows).toHaveLength(1);
  });

  test('keeps the beginning of an oversized mail with its size and the reason, and says 250', async () => {
    let handed: InboundMailRow | undefined;
    const l = await inbound({
      maxSize: 4_000,
      onMail: async (row) => {
        handed = row;
      },
    });
    const info = await sender(l.port).sendMail({ from: 'a@stadt.test', to: replyTo, subject: 'groß', text: 'x'.repeat(20_000) });
    expect(info.accepted).toEqual([replyTo]);
    // Also when the client does not announce the size up front.
    const raw = await sendRaw(l.port, { from: 'b@stadt.test', to: [replyTo] }, Buffer.from(`Subject: noch größer\r\n\r\n${'y'.repeat(40_000)}\r\n`));
    expect(raw.data).toBe(250);
    const rows = await db.select().from(inboundMails).orderBy(inboundMails.receivedAt);
    expect(rows.map((r) => [r.subject, r.envelopeFrom, r.truncated])).toEqual([
      ['groß', 'a@stadt.test', true],
      ['noch größer', 'b@stadt.test', true],
    ]);
    for (const row of rows) {
      expect(row.size).toBeGreaterThan(20_000);
      expect(row.raw.length).toBe(4_000);
      expect(row.reason).toBe(`too large: ${row.size} bytes, the limit is 4000; only the first 4000 bytes were kept`);
    }
    // The handler decides whom to tell, then rejects it.
    await waitFor('the hand-over', async () => handed);
    expect(handed?.truncated).toBe(true);
  });

  test('answers 451 when the mail cannot be stored', async () => {
    const brokenDb = createDb(tdb.url);
    await closeDb(brokenDb);
    const l = await inbound({ db: brokenDb });
    const err = await sender(l.port)
      .sendMail({ from: 'a@stadt.test', to: replyTo, subject: 'x', text: 'y' })
      .then(() => undefined, (e: unknown) => e as { responseCode?: number });
    expect(err?.responseCode).toBe(451);
  });
});

describe('inbound path', () => {
  const reply = (messageId: string, extra = '') =>
    Buffer.from(`From: jugendamt@stadt.test\r\nTo: reply+tok3n@${INBOUND_DOMAIN}\r\nSubject: Antwort\r\nMessage-ID: ${messageId}\r\n${extra}\r\nWir stimmen zu.\r\n`);

  test('stores one Message-ID once and hands it over once, however many processes receive it at once', async () => {
    const handled: string[] = [];
    const onMail = async (row: InboundMailRow) => {
      handled.push(row.id);
    };
    // Two inbound paths with their own pools: two processes, one database.
    const otherDb = createDb(tdb.url);
    defer('pool', () => closeDb(otherDb));
    const [a, b] = [inboundPath({ onMail }), inboundPath({ onMail, db: otherDb })];
    const message: IncomingMessage = { raw: reply('<einmal@stadt.test>'), size: 0, envelope: { from: 'jugendamt@stadt.test', to: [] }, via: 'smtp' };
    const outcomes = await Promise.all([a.receive(message), b.receive({ ...message, via: 'imap' }), a.receive(message), b.receive(message)]);
    expect(outcomes.filter((o) => o.stored)).toHaveLength(1);
    const rows = await db.select().from(inboundMails);
    expect(rows).toHaveLength(1);
    for (const o of outcomes) if (!o.stored) expect(o.duplicateOf).toBe(rows[0]?.id);
    await waitFor('the hand-over', async () => handled.length > 0);
    await sleep(100);
    expect(handled).toEqual([rows[0]?.id]);
  });

  test('reads the envelope of a mailbox message from its delivery header fields', async () => {
    const path = inboundPath();
    await path.receive({
      raw: reply('<postfach@stadt.test>', `Return-Path: <bounce-1@stadt.test>\r\nDelivered-To: reply+tok3n@${INBOUND_DOMAIN}\r\n`),
      size: 0,
      via: 'imap',
    });
    await path.receive({ raw: reply('<ohne-return-path@stadt.test>'), size: 0, via: 'imap' });
    await path.receive({ raw: reply('<bounce@stadt.test>', 'Return-Path: <>\r\n'), size: 0, via: 'imap' });
    const rows = await db.select().from(inboundMails).orderBy(inboundMails.receivedAt);
    expect(rows.map((r) => [r.envelopeFrom, r.envelopeTo, r.receivedVia])).toEqual([
      ['bounce-1@stadt.test', [`reply+tok3n@${INBOUND_DOMAIN}`], 'imap'],
      ['jugendamt@stadt.test', [], 'imap'],
      [null, [], 'imap'],
    ]);
  });

  test('takes up mails left received whose lease ran out, each by one process only', async () => {
    const handled: string[] = [];
    const onMail = async (row: InboundMailRow) => {
      handled.push(row.id);
    };
    const left = await db
      .insert(inboundMails)
      .values([1, 2, 3].map((i) => ({ messageId: `<liegen-${i}@stadt.test>`, envelopeTo: [], status: 'received' as const, raw: reply(`<liegen-${i}@stadt.test>`) })))
      .returning({ id: inboundMails.id });
    // One is being handled right now by someone else.
    await db.insert(inboundMails).values({ messageId: '<in-arbeit@stadt.test>', envelopeTo: [], raw: reply('<in-arbeit@stadt.test>'), leaseUntil: new Date(Date.now() + 60_000) });
    await db.insert(inboundMails).values({ messageId: '<fertig@stadt.test>', envelopeTo: [], status: 'accepted', raw: reply('<fertig@stadt.test>') });
    const otherDb = createDb(tdb.url);
    defer('pool', () => closeDb(otherDb));
    const [a, b] = [inboundPath({ onMail }), inboundPath({ onMail, db: otherDb })];
    const counts = await Promise.all([a.recover(), b.recover()]);
    expect(counts[0] + counts[1]).toBe(3);
    expect(handled.sort()).toEqual(left.map((r) => r.id).sort());
    expect(await a.recover()).toBe(0);
  });
});
