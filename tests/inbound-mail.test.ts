import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import { closeDb, createDb, type Db } from '../db/client';
import { consultationRequests, inboundMails } from '../db/schema';
import { ApiClient } from './support/client';
import {
  departments,
  getPage,
  handledMailsFrom,
  history,
  linkToken,
  quoted,
  replyAddress,
  sendToInbound,
  type Department,
  openRequestTo,
  autoRepliesAbout,
} from './support/consultation';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// What the inbound path does beyond a plain reply: take up a mail a crash left unhandled, and
// keep an oversized mail (its beginning) with a polite German answer to the department.

const run = randomUUID().slice(0, 8);
let db: Db;
let staff: ApiClient;
let depts: Department[];

beforeAll(async () => {
  db = createDb(testStack().databaseUrl, { max: 2 });
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  depts = await departments(staff);
});

afterAll(async () => {
  await closeDb(db);
});

const openRequest = (code: string, marker: string) => openRequestTo(staff, depts.find((x) => x.code === code) as Department, marker);

const steps = async (id: string, kind: string) => (await history(staff, id)).filter((e) => e.kind === kind && e.source === 'step');

describe('the inbound path', () => {
  it('takes up a reply that a crash left stored but unhandled, and answers the request with it', async () => {
    const marker = `liegen-geblieben-${run}`;
    const open = await openRequest('VHS', marker);
    const sender = `vhs.${marker}@stadt.localhost`;
    const to = replyAddress(open.mail);
    const messageId = `<${marker}@stadt.localhost>`;
    const raw = await new MailComposer({ from: sender, to, subject: `Re: ${open.mail.subject}`, messageId, text: `Deutschkurse A1 bis B2.\n\n${quoted(open.mail)}` })
      .compile()
      .build();
    // As the listener leaves it when the process dies right after storing: 'received', nobody handling it.
    await db.insert(inboundMails).values({ messageId, envelopeFrom: sender, envelopeTo: [to], subject: `Re: ${open.mail.subject}`, status: 'received', raw, size: raw.length });

    const [row] = await handledMailsFrom(sender, 1);
    expect(row).toMatchObject({ status: 'accepted', reason: null });
    const answered = await steps(open.id, 'request.answered');
    expect(answered.map((e) => e.label)).toEqual(['Antwort der Volkshochschule (Mail)']);
    const [request] = await db.select().from(consultationRequests).where(eq(consultationRequests.consultationId, open.id));
    expect(request).toMatchObject({ status: 'answered', channel: 'mail', answerText: 'Deutschkurse A1 bis B2.' });
  });

  it('keeps an oversized reply as rejected with the reason and its beginning only, and tells the department politely', async () => {
    const marker = `zu-gross-${run}`;
    const open = await openRequest('KULT', marker);
    const sender = `kulturamt.${marker}@stadt.localhost`;
    const to = replyAddress(open.mail);
    // A scan of 20 MB is 27 MB as base64: over the 25 MB a mail may have.
    await sendToInbound({
      envelope: { from: sender, to: [to] },
      from: sender,
      to,
      subject: `Re: ${open.mail.subject}`,
      text: 'Anbei unser Kursprogramm als Scan.',
      attachments: [{ filename: 'Kursprogramm.pdf', content: randomBytes(20 * 1024 * 1024), contentType: 'application/pdf' }],
    });

    const [row] = await handledMailsFrom(sender, 1);
    expect(row).toMatchObject({ status: 'rejected', truncated: true, subject: `Re: ${open.mail.subject}` });
    expect(row?.size).toBeGreaterThan(25 * 1024 * 1024);
    expect(row?.reason).toBe(`too large: ${row?.size} bytes, the limit is ${25 * 1024 * 1024}; only the first 65536 bytes were kept`);
    const [stored] = await db.select({ raw: inboundMails.raw }).from(inboundMails).where(eq(inboundMails.id, row?.id ?? ''));
    expect(stored?.raw.length).toBe(65_536);

    const [polite] = await autoRepliesAbout(marker);
    expect(polite?.envelopeTo).toEqual([sender]);
    expect(polite?.text).toMatch(/Leider ist sie mit \d+(,\d)? MB zu groß/);
    expect(polite?.text).toContain('Die Anfrage ist weiterhin offen');
    expect(polite?.text).toContain('nutzen Sie den Link aus unserer Anfrage');
    expect((await steps(open.id, 'request.answer_rejected')).map((e) => e.label)).toEqual([
      'Antwort des Kulturamts per Mail abgewiesen: Mail zu groß',
    ]);
    expect(await steps(open.id, 'request.answered')).toEqual([]);
    expect((await getPage(linkToken(open.mail))).status).toBe(200);
  });
});
