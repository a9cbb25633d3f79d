import { createHash, randomUUID } from 'node:crypto';
import { closeDb, createDb, type Db } from '../../db/client';
import { answerAttachments } from '../../db/schema';
import { ApiClient } from '../../tests/support/client';
import { admin, departments, linkToken, requestMails, startConsultation, submitAnswer, type CaughtMail, type Department } from '../../tests/support/consultation';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';

// The console's live view of a consultation's requests, and the download of the files the
// departments answered with.

const run = randomUUID().slice(0, 8);
let db: Db;
let staff: ApiClient;
let manager: ApiClient;
let anonymous: ApiClient;
let consultationId: string;
let vhs: Department;
let culture: Department;
const pdf = Buffer.from('%PDF-1.4\n% Kursübersicht\n%%EOF\n');

interface RequestView {
  requestId: string;
  departmentCode: string;
  status: string;
  channel: string | null;
  answerText: string | null;
  answeredAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  attachments: { id: string; filename: string; contentType: string; size: number; url: string }[];
}

beforeAll(async () => {
  db = createDb(testStack().databaseUrl, { max: 2 });
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  manager = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  anonymous = new ApiClient();
  const all = await departments(staff);
  [vhs, culture] = ['VHS', 'KULT'].map((code) => all.find((d) => d.code === code) as Department) as [Department, Department];
  const marker = `ansicht-${run}`;
  consultationId = await startConsultation(staff, { subject: `Kursangebote ${marker}`, question: 'Welche Kurse gibt es?', departmentIds: [vhs.id, culture.id] });
  const mails = await requestMails(marker, [vhs, culture]);
  const answered = await submitAnswer(linkToken(mails.get(vhs.id) as CaughtMail), { antwort: 'Zwölf Integrationskurse.' }, [
    { name: 'Übersicht "2026".pdf', type: 'application/pdf', content: pdf },
  ]);
  expect(answered.status).toBe(200);
});

afterAll(async () => {
  await closeDb(db);
});

const requests = async (client: ApiClient, id = consultationId) => client.get<RequestView[]>(`/api/procedures/${id}/requests`);

describe('GET /api/procedures/:id/requests', () => {
  it("shows each department's request as it is now, with its answer and the files' download addresses", async () => {
    const reply = await requests(staff);
    expect(reply.status).toBe(200);
    const byCode = new Map(reply.body.map((r) => [r.departmentCode, r]));
    expect([...byCode.keys()].sort()).toEqual(['KULT', 'VHS']);
    const answered = byCode.get('VHS');
    expect(answered).toMatchObject({ status: 'answered', channel: 'page', answerText: 'Zwölf Integrationskurse.', remindedAt: null, escalatedAt: null });
    expect(Date.parse(answered?.answeredAt ?? '')).not.toBeNaN();
    expect(answered?.attachments).toEqual([
      { id: expect.any(String), filename: 'Übersicht "2026".pdf', contentType: 'application/pdf', size: pdf.length, url: `/api/answer-attachments/${answered?.attachments[0]?.id}` },
    ]);
    expect(byCode.get('KULT')).toMatchObject({ status: 'pending', channel: null, answerText: null, answeredAt: null, attachments: [] });
    expect((await requests(manager)).body).toEqual(reply.body);
  });

  it('is 401 without a session and 404 for an unknown procedure', async () => {
    expect((await requests(anonymous)).status).toBe(401);
    const unknown = await staff.get(`/api/procedures/department-consultation-${randomUUID()}/requests`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });
});

describe('GET /api/answer-attachments/:id', () => {
  async function vhsFile() {
    const view = (await requests(staff)).body.find((r) => r.departmentCode === 'VHS');
    return view?.attachments[0] as RequestView['attachments'][number];
  }

  it('downloads the file as an attachment with its name and its allowed type, never to be sniffed', async () => {
    const file = await vhsFile();
    const res = await staff.fetch(file.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Übersicht "2026".pdf').replace(/'/g, '%27')}`);
    expect(disposition).toContain('filename="?bersicht \\"2026\\".pdf"');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
  });

  it('sends a file whose stored type is not on the allow-list as plain bytes', async () => {
    const view = (await requests(staff)).body.find((r) => r.departmentCode === 'VHS') as RequestView;
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    // A file that came in some other way than the answer page or the mail intake, which only keep allowed types.
    const [row] = await db
      .insert(answerAttachments)
      .values({ requestId: view.requestId, filename: 'bericht.html', contentType: 'text/html', size: html.length, sha256: createHash('sha256').update(html).digest('hex'), content: html })
      .returning({ id: answerAttachments.id });
    const res = await manager.fetch(`/api/answer-attachments/${row?.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=bericht.html');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(html);
  });

  it('is 401 without a session, 404 for an unknown file and 400 for what is no id', async () => {
    const file = await vhsFile();
    expect((await anonymous.fetch(file.url)).status).toBe(401);
    const unknown = await staff.get(`/api/answer-attachments/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found', message: 'Anhang nicht gefunden' });
    const bad = await staff.get('/api/answer-attachments/kein-anhang');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'params.id', message: 'keine gültige ID' }]);
  });

  it('both routes are in the OpenAPI document', async () => {
    const doc = (await (await admin()).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>> };
    expect(Object.keys(doc.paths['/api/procedures/{id}/requests'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/answer-attachments/{id}']?.get?.responses['200']?.content ?? {})).toEqual(['application/octet-stream']);
  });
});
