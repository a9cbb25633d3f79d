import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { ApiClient, eventually } from './support/client';
import {
  departments,
  handledMailsFrom,
  history,
  INBOUND_DOMAIN,
  quoted,
  replyAddress,
  sendToInbound,
  type CaughtMail,
  type Department,
  openRequestTo,
} from './support/consultation';
import { closeDb, createDb } from '../db/client';
import { startImapPoller } from '../mail/imap-poller';
import { createInboundPath, type InboundMailRow } from '../mail/inbound-path';
import { spawnWorker } from './support/extra-processes';
import { startGreenMail, type GreenMail } from './support/greenmail';
import type { Spawned } from './support/spawn';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// Production's way in: department replies delivered to a mailbox, fetched over IMAP by the
// worker processes, through the same inbound path as the SMTP listener's. The mailbox is a real
// IMAP server (GreenMail); two workers poll it at once, as several would in production.

const run = randomUUID().slice(0, 8);
let greenmail: GreenMail;
let workers: Spawned[] = [];
let staff: ApiClient;
let depts: Department[];

beforeAll(async () => {
  greenmail = await startGreenMail();
  const env = { IMAP_URL: greenmail.url, IMAP_POLL_MS: '1000' };
  workers = await Promise.all([spawnWorker(env), spawnWorker(env)]);
  await Promise.all(workers.map((w) => w.waitFor(/\[imap\] connected to imap:\/\/antworten@127\.0\.0\.1:\d+\/INBOX \(IDLE\)/, 30_000)));
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  depts = await departments(staff);
}, 300_000);

afterAll(async () => {
  for (const w of workers) expect(await w.stop()).toBe(0);
  await greenmail?.stop();
});

/** An IMAP session of the test: what the mail server does (APPEND) and what a person would see (flags). */
async function mailbox<T>(use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: '127.0.0.1', port: greenmail.port, secure: false, auth: { user: greenmail.user, pass: greenmail.password }, logger: false });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout();
  }
}

async function deliver(mail: Mail.Options): Promise<number> {
  const raw = await new MailComposer(mail).compile().build();
  return mailbox(async (c) => {
    const appended = await c.append('INBOX', raw);
    if (!appended || !appended.uid) throw new Error('APPEND gave no UID');
    return appended.uid;
  });
}

async function seen(uid: number): Promise<boolean> {
  return mailbox(async (c) => {
    await c.mailboxOpen('INBOX');
    const msg = await c.fetchOne(String(uid), { flags: true }, { uid: true });
    return msg ? (msg.flags?.has('\\Seen') ?? false) : false;
  });
}

const eventuallySeen = (uid: number) => eventually(async () => ((await seen(uid)) ? true : undefined), 20_000, `\\Seen on UID ${uid}`);

const openRequest = (code: string, marker: string) => openRequestTo(staff, depts.find((x) => x.code === code) as Department, marker);

/** A department's reply as the delivering mail server puts it into the mailbox. */
function reply(sender: string, request: CaughtMail, text: string, extra: Mail.Options = {}): Mail.Options {
  const to = replyAddress(request);
  return {
    from: sender,
    to,
    subject: `Re: ${request.subject}`,
    text,
    headers: { 'Return-Path': `<${sender}>`, 'Delivered-To': to },
    ...extra,
  };
}

describe('department replies from the IMAP mailbox', () => {
  it('answers the request in the procedure (channel mail) and marks the message \\Seen', async () => {
    const marker = `imap-${run}`;
    const open = await openRequest('JUGA', marker);
    const sender = `jugendamt.${marker}@stadt.localhost`;
    const uid = await deliver(reply(sender, open.mail, `Wir haben 8 Plätze frei.\n\n${quoted(open.mail)}`));

    const [row] = await handledMailsFrom(sender, 1);
    expect(row).toMatchObject({ status: 'accepted', reason: null, receivedVia: 'imap' });
    const answered = (await history(staff, open.id)).filter((e) => e.kind === 'request.answered' && e.source === 'step');
    expect(answered.map((e) => e.detail.channel)).toEqual(['mail']);
    expect(answered[0]?.label).toBe('Antwort des Jugendamts (Mail)');
    await eventuallySeen(uid);
  });

  it('stores a mail without a token as rejected with the reason, and marks it \\Seen too', async () => {
    const sender = `irrlaeufer.${run}@example.org`;
    const uid = await deliver({
      from: sender,
      to: `antwort@${INBOUND_DOMAIN}`,
      subject: 'Frage zu Ihrem Schreiben',
      text: 'Guten Tag, an wen wende ich mich?',
      headers: { 'Return-Path': `<${sender}>` },
    });
    expect(await handledMailsFrom(sender, 1)).toEqual([
      expect.objectContaining({ status: 'rejected', reason: 'no answer token in the recipients', receivedVia: 'imap' }),
    ]);
    await eventuallySeen(uid);
  });

  it('handles a reply that came over SMTP and then again from the mailbox once', async () => {
    const marker = `beide-wege-${run}`;
    const open = await openRequest('WOHN', marker);
    const sender = `wohnungsamt.${marker}@stadt.localhost`;
    const mail = reply(sender, open.mail, 'Per SMTP und im Postfach.', { messageId: `<beide-wege-${run}@stadt.localhost>` });
    await sendToInbound({ ...mail, envelope: { from: sender, to: [replyAddress(open.mail)] } });
    const [first] = await handledMailsFrom(sender, 1);
    expect(first).toMatchObject({ status: 'accepted', receivedVia: 'smtp' });

    const uid = await deliver(mail);
    await eventuallySeen(uid);
    expect(await handledMailsFrom(sender, 1)).toEqual([first]);
    const steps = await history(staff, open.id);
    expect(steps.filter((e) => e.kind === 'request.answered' && e.source === 'step')).toHaveLength(1);
    expect(steps.filter((e) => e.kind === 'request.answer_rejected')).toEqual([]);
  });

  it('keeps polling after the IMAP server went away and came back', async () => {
    await greenmail.restart();
    await Promise.all(workers.map((w) => w.waitFor(/\[imap\] connection to .* lost; reconnecting/, 30_000)));
    const marker = `neustart-${run}`;
    const open = await openRequest('PERS', marker);
    const sender = `personalamt.${marker}@stadt.localhost`;
    const uid = await deliver(reply(sender, open.mail, 'Nach dem Neustart des Postfachs.'));
    expect(await handledMailsFrom(sender, 1)).toEqual([expect.objectContaining({ status: 'accepted', receivedVia: 'imap' })]);
    await eventuallySeen(uid);
    const answered = (await history(staff, open.id)).filter((e) => e.kind === 'request.answered' && e.source === 'step');
    expect(answered.map((e) => e.detail.channel)).toEqual(['mail']);
  });
});

describe('the IMAP poller', () => {
  it('moves handled messages to the processed folder when one is configured, creating it', async () => {
    const db = createDb(testStack().databaseUrl, { max: 2 });
    const handled: InboundMailRow[] = [];
    const inbound = createInboundPath({ db, recoveryMs: 0, handle: async (row) => void handled.push(row), log: () => undefined });
    // A mailbox of its own: the workers' pollers watch INBOX.
    const source = `Eingang-${run}`;
    const processed = `Erledigt-${run}`;
    await mailbox((c) => c.mailboxCreate(source));
    const poller = startImapPoller({ url: greenmail.url.replace(/INBOX$/, source), processedFolder: processed, pollMs: 500, inbound, log: () => undefined });
    try {
      const messageId = `<ordner-${run}@stadt.localhost>`;
      const raw = await new MailComposer({ from: `ordner.${run}@stadt.localhost`, to: `antwort@${INBOUND_DOMAIN}`, subject: 'In den Ordner', text: 'x', messageId }).compile().build();
      await mailbox((c) => c.append(source, raw));
      const count = async (folder: string) => mailbox(async (c) => {
        const status = await c.status(folder, { messages: true }).catch(() => false as const);
        return status ? (status.messages ?? 0) : -1;
      });
      const moved = await eventually(async () => ((await count(processed)) === 1 ? true : undefined), 20_000, 'the message in the processed folder');
      expect(moved).toBe(true);
      expect(handled.filter((r) => r.messageId === messageId)).toHaveLength(1);
      expect(await count(source)).toBe(0);
    } finally {
      await poller.stop();
      await inbound.stop();
      await closeDb(db);
    }
  });
});
