import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { closeDb, createDb, type Db } from '../db/client';
import { answerAttachments, consultationRequests, inboundMails } from '../db/schema';
import { genitive } from '../grammar/german';
import { ApiClient } from './support/client';
import {
  autoRepliesAbout,
  departments,
  handledMailsFrom,
  INBOUND_DOMAIN,
  history,
  openRequestTo,
  replyAddress,
  sendToInbound,
  submitAnswer,
  type Department,
  type InboundMail,
} from './support/consultation';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// Hostile mail at the inbound listener, each with a valid answer token in its envelope: every one
// is stored with its fate; what can be read is taken (NUL stripped, names of files made safe),
// what cannot is rejected with its reason, the department told so in German, and its request
// stays answerable.

const run = randomUUID().slice(0, 8);
let db: Db;
let staff: ApiClient;
let depts: Department[];
const figures: string[] = [];

beforeAll(async () => {
  db = createDb(testStack().databaseUrl, { max: 2 });
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  depts = await departments(staff);
});

afterAll(async () => {
  console.log(`[hostile-mail] ${figures.length} hostile mails, each stored and handled:\n  ${figures.join('\n  ')}`);
  await closeDb(db);
});

const CRLF = '\r\n';

function deeplyNested(levels: number): string {
  let body = '';
  for (let i = 0; i < levels; i++) body += `Content-Type: multipart/mixed; boundary="b${i}"${CRLF}${CRLF}--b${i}${CRLF}`;
  body += `Content-Type: text/plain${CRLF}${CRLF}Unsere Antwort ganz innen.${CRLF}`;
  for (let i = levels - 1; i >= 0; i--) body += `--b${i}--${CRLF}`;
  return body;
}

function veryWide(parts: number): string {
  let body = `Content-Type: multipart/mixed; boundary="w"${CRLF}${CRLF}`;
  for (let i = 0; i < parts; i++) body += `--w${CRLF}Content-Type: text/plain${CRLF}${CRLF}Teil ${i}${CRLF}`;
  return `${body}--w--${CRLF}`;
}

/** A mail as raw bytes from `sender` to the request's reply address; `rest` follows the first header fields. */
function rawMail(sender: string, to: string, subject: string, rest: string | Buffer): Buffer {
  const head = `From: ${sender}${CRLF}To: ${to}${CRLF}Subject: ${subject}${CRLF}Message-ID: <${randomUUID()}@stadt.localhost>${CRLF}MIME-Version: 1.0${CRLF}`;
  return Buffer.concat([Buffer.from(head, 'utf8'), typeof rest === 'string' ? Buffer.from(rest, 'utf8') : rest]);
}

async function sendHostile(name: string, code: string, build: (sender: string, to: string, subject: string) => Buffer) {
  const marker = `feindlich-${name}-${run}`;
  const open = await openRequestTo(staff, depts.find((d) => d.code === code) as Department, marker);
  const sender = `${name}.${run}@stadt.localhost`;
  const to = replyAddress(open.mail);
  const raw = build(sender, to, `Re: ${open.mail.subject}`);
  await sendToInbound({ envelope: { from: sender, to: [to] }, raw });
  const [row] = await handledMailsFrom(sender, 1);
  const [request] = await db.select().from(consultationRequests).where(eq(consultationRequests.consultationId, open.id));
  figures.push(`${name} (${raw.length} bytes): ${row?.status}${row?.reason ? `, ${row.reason.slice(0, 90)}` : ''}`);
  return { open, marker, sender, row: row as InboundMail, request };
}

const rejections = async (procedureId: string) =>
  (await history(staff, procedureId)).filter((e) => e.kind === 'request.answer_rejected' && e.source === 'step').map((e) => e.label);

describe('hostile mail at the inbound listener', () => {
  it('takes a reply with NUL bytes in its text and subject, without them, and notes that they were removed', async () => {
    const { row, request, open } = await sendHostile('nul', 'VHS', (from, to, subject) =>
      rawMail(from, to, `${subject}\u0000`, `Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}Drei Kurse\u0000 im Frühjahr.${CRLF}`),
    );
    expect(row).toMatchObject({ status: 'accepted', reason: 'NUL bytes removed from the text' });
    expect(row.subject).toBe(`Re: ${open.mail.subject}`);
    expect(request).toMatchObject({ status: 'answered', channel: 'mail', answerText: 'Drei Kurse im Frühjahr.' });
  });

  it('takes a reply in invalid UTF-8, with the bytes it cannot read replaced', async () => {
    const { row, request } = await sendHostile('utf8', 'KULT', (from, to, subject) =>
      rawMail(from, to, subject, Buffer.concat([Buffer.from(`Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}Antwort `), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from(` Ende${CRLF}`)])),
    );
    expect(row.status).toBe('accepted');
    expect(request?.status).toBe('answered');
    expect(request?.answerText).toMatch(/^Antwort .*\uFFFD.* Ende$/);
  });

  it('takes a reply with a 500 KB header line', async () => {
    const { row, request } = await sendHostile('kopfzeile', 'SCHU', (from, to, subject) =>
      rawMail(from, to, subject, `X-Lang: ${'x'.repeat(500 * 1024)}${CRLF}Content-Type: text/plain${CRLF}${CRLF}Kurze Antwort.${CRLF}`),
    );
    expect(row.status).toBe('accepted');
    expect(request).toMatchObject({ status: 'answered', answerText: 'Kurze Antwort.' });
  });

  it('keeps attachments with path traversal in their names only by their last part', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
    // RFC 2231 form: in a quoted string a backslash would only escape the next character.
    const attachment = (name: string) =>
      `--a${CRLF}Content-Type: application/pdf${CRLF}Content-Disposition: attachment; filename*=utf-8''${encodeURIComponent(name)}${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${pdf}${CRLF}`;
    const { row, request } = await sendHostile('pfad', 'JUGA', (from, to, subject) =>
      rawMail(
        from,
        to,
        subject,
        `Content-Type: multipart/mixed; boundary="a"${CRLF}${CRLF}--a${CRLF}Content-Type: text/plain${CRLF}${CRLF}Anbei zwei Dateien.${CRLF}` +
          attachment('../../../etc/passwd.pdf') +
          attachment('..\\..\\Windows\\win\u0001.pdf') +
          `--a--${CRLF}`,
      ),
    );
    expect(row.status).toBe('accepted');
    const files = await db.select({ filename: answerAttachments.filename }).from(answerAttachments).where(eq(answerAttachments.requestId, request?.id ?? ''));
    expect(files.map((f) => f.filename).sort()).toEqual(['passwd.pdf', 'win.pdf']);
  });

  it.each([
    ['tief', 'SOZ', 'a MIME bomb 3000 levels deep', () => deeplyNested(3000)],
    ['breit', 'GESA', 'a MIME bomb 20000 parts wide', () => veryWide(20_000)],
  ])('rejects %s (%s, %s) with its reason, tells the department in German, and the request stays answerable', async (name, code, _what, body) => {
    const { row, request, open, marker, sender } = await sendHostile(name, code, (from, to, subject) => rawMail(from, to, subject, body()));
    expect(row).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^unreadable: /) });
    const [told] = await autoRepliesAbout(marker);
    expect(told?.envelopeTo).toEqual([sender]);
    expect(told?.text).toContain('Leider konnten wir sie nicht lesen');
    expect(told?.text).toContain('Die Anfrage ist weiterhin offen');
    expect(await rejections(open.id)).toEqual([`Antwort ${genitive(open.dept)} per Mail abgewiesen: Mail nicht lesbar`]);
    expect(request?.status).toBe('pending');
    expect((await submitAnswer(open.token, { antwort: 'Dann über die Seite.' })).status).toBe(200);
    const [after] = await db.select().from(consultationRequests).where(eq(consultationRequests.id, request?.id ?? ''));
    expect(after).toMatchObject({ status: 'answered', channel: 'page', answerText: 'Dann über die Seite.' });
  });

  it('rejects an unreadable mail without a token in silence, and stores it', async () => {
    const sender = `ohne-token.${run}@stadt.localhost`;
    const to = `antwort@${INBOUND_DOMAIN}`;
    await sendToInbound({ envelope: { from: sender, to: [to] }, raw: rawMail(sender, to, 'Bombe', deeplyNested(3000)) });
    const [row] = await handledMailsFrom(sender, 1);
    expect(row).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^unreadable: .*; no answer token in the envelope$/) });
    const [stored] = await db.select({ size: inboundMails.size }).from(inboundMails).where(eq(inboundMails.id, row?.id ?? ''));
    expect(stored?.size).toBeGreaterThan(100_000);
    figures.push(`without a token: ${row?.status}, ${row?.reason?.slice(0, 90)}`);
  });
});
