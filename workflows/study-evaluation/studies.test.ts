import { randomUUID } from 'node:crypto';
import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';
import { createStudy, startEvaluation, uploadStudyFile, userId, type Study } from '../../tests/support/studies';

// Studies as master data: what staff register, the file they upload, what they may not delete.

const run = randomUUID().slice(0, 8);
let staff: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  manager = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
});

const PDF = '%PDF-1.4\n% Studie Integration\n1 0 obj << >> endobj\n%%EOF\n';

describe('studies', () => {
  it('registers a study with its topics, names who did it, lists and changes it', async () => {
    const reply = await staff.post('/api/studies', {
      title: `Integrationsbarometer ${run}`,
      authors: 'Sachverständigenrat für Integration und Migration',
      publisher: 'SVR',
      year: 2024,
      link: 'https://www.svr-migration.de/barometer/',
      topics: ['  Teilhabe ', 'Arbeitsmarkt', 'teilhabe'],
    });
    expect(reply.status).toBe(201);
    const study = reply.body as Study;
    expect(study).toMatchObject({
      title: `Integrationsbarometer ${run}`,
      topics: ['Teilhabe', 'Arbeitsmarkt'],
      createdBy: await userId(staff),
      fileName: null,
    });

    const listed = await staff.get(`/api/studies?${listQuery({ topic: 'arbeitsmarkt', q: run })}`);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('content-range')).toBe('studies 0-0/1');
    expect((listed.body as Study[]).map((s) => s.id)).toEqual([study.id]);

    const changed = await staff.put(`/api/studies/${study.id}`, { year: 2025, link: '' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ year: 2025, link: null, topics: ['Teilhabe', 'Arbeitsmarkt'] });
    expect((await staff.get(`/api/studies/${study.id}`)).body.year).toBe(2025);
  });

  it('names the field of every bad input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '', authors: 'A. Autorin', year: 2024 }, 'body.title'],
      [{ title: 'Studie ohne Jahr', authors: 'A. Autorin' }, 'body.year'],
      [{ title: 'Studie aus der Zukunft', authors: 'A. Autorin', year: 3000 }, 'body.year'],
      [{ title: 'Studie mit FTP', authors: 'A. Autorin', year: 2024, link: 'ftp://example.org/x.pdf' }, 'body.link'],
      [{ title: 'Studie mit Unsinn', authors: 'A. Autorin', year: 2024, link: 'kein link' }, 'body.link'],
      [{ title: 'Langes Thema', authors: 'A. Autorin', year: 2024, topics: ['x'.repeat(61)] }, 'body.topics.0'],
      [{ title: 'Leeres Thema', authors: 'A. Autorin', year: 2024, topics: ['   '] }, 'body.topics.0'],
      [{ title: 'Viele Themen', authors: 'A. Autorin', year: 2024, topics: Array.from({ length: 21 }, (_, i) => `T${i}`) }, 'body.topics'],
      [{ title: 'Fremdes Feld', authors: 'A. Autorin', year: 2024, rating: 5 }, 'body.rating'],
    ];
    for (const [body, path] of cases) {
      const reply = await staff.post('/api/studies', body);
      expect({ path, status: reply.status }).toEqual({ path, status: 400 });
      expect(reply.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const badFilter = await staff.get(`/api/studies?${listQuery({ year: 'zwanzig' })}`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.fields[0].path).toBe('query.filter.year');
  });

  it('keeps an uploaded file and hands it out only as a download', async () => {
    const study = await createStudy(staff, { title: `Studie mit Datei ${run}` });
    const uploaded = await uploadStudyFile(staff, study.id, 'Bericht Integration ä.pdf', 'application/pdf', PDF);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ fileName: 'Bericht Integration ä.pdf', fileType: 'application/pdf', fileSize: PDF.length });
    expect((await staff.get(`/api/studies/${study.id}`)).body).toMatchObject({ fileName: 'Bericht Integration ä.pdf', fileSize: PDF.length });

    const download = await manager.get(`/api/studies/${study.id}/file`);
    expect(download.status).toBe(200);
    expect(download.body).toBe(PDF);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="Bericht Integration .\.pdf"; filename\*=UTF-8''Bericht%20Integration%20%C3%A4\.pdf$/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');

    // A second upload replaces the first.
    const replaced = await uploadStudyFile(staff, study.id, 'notizen.txt', 'text/plain', 'Kurzfassung');
    expect(replaced.status).toBe(200);
    const again = await staff.get(`/api/studies/${study.id}/file`);
    expect(again.body).toBe('Kurzfassung');
    expect(again.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('refuses a file that is too big or of a type we do not take, and keeps the earlier one', async () => {
    const study = await createStudy(staff, { title: `Studie mit Grenzen ${run}` });
    expect((await uploadStudyFile(staff, study.id, 'gut.pdf', 'application/pdf', PDF)).status).toBe(200);

    const tooBig = await uploadStudyFile(staff, study.id, 'riesig.pdf', 'application/pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.fields).toEqual([{ path: 'body.file', message: expect.stringContaining('10 MB') }]);

    for (const [name, type] of [
      ['seite.html', 'text/html'],
      ['programm.exe', 'application/octet-stream'],
      ['getarnt.pdf', 'text/html'],
    ]) {
      const wrong = await uploadStudyFile(staff, study.id, name as string, type as string, '<script>alert(1)</script>');
      expect({ name, status: wrong.status }).toEqual({ name, status: 400 });
      expect(wrong.body.error.fields[0].path).toBe('body.file');
    }
    const none = await staff.request('POST', `/api/studies/${study.id}/file`, new FormData());
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0].path).toBe('body.file');
    const json = await staff.post(`/api/studies/${study.id}/file`, { file: 'x' });
    expect(json.status).toBe(400);

    const unknown = await uploadStudyFile(staff, randomUUID(), 'gut.pdf', 'application/pdf', PDF);
    expect(unknown.status).toBe(404);
    const kept = await staff.get(`/api/studies/${study.id}/file`);
    expect(kept.body).toBe(PDF);
  });

  it('refuses to delete a study while it is being evaluated', async () => {
    const study = await createStudy(staff, { title: `Studie in Auswertung ${run}` });
    await uploadStudyFile(staff, study.id, 'gut.pdf', 'application/pdf', PDF);
    const proc = await startEvaluation(staff, study.id);
    const refused = await staff.delete(`/api/studies/${study.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(proc.id);

    expect((await manager.post(`/api/procedures/${proc.id}/cancel`, { reason: 'Testende' })).status).toBe(200);
    await eventually(async () => ((await staff.get(`/api/procedures/${proc.id}`)).body.status === 'cancelled' ? true : undefined), 20_000, 'the cancellation');
    const deleted = await staff.delete(`/api/studies/${study.id}`);
    expect(deleted.status).toBe(200);
    expect((await staff.get(`/api/studies/${study.id}`)).status).toBe(404);
    expect((await staff.get(`/api/studies/${study.id}/file`)).status).toBe(404);
  });
});
