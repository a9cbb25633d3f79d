import { randomUUID } from 'node:crypto';
import { ApiClient, listQuery } from './support/client';
import { DEMO_PASSWORD, testStack } from './support/stack-env';
import { openTask } from './support/tasks';

// Vermerke: a clerk's note in a procedure or on one of its tasks, with files under the answer page's
// limits; part of the procedure's record (history, audit); every bad input a 400 naming the field.

const run = randomUUID().slice(0, 8);
const PDF = '%PDF-1.4\n% Vermerk Integration\n1 0 obj << >> endobj\n%%EOF\n';
let anna: ApiClient;
let ben: ApiClient;
let carla: ApiClient;
let admin: ApiClient;

type Note = { id: string; procedureId: string; taskId: string | null; taskTitle: string | null; authorName: string; text: string; files: { id: string; filename: string; contentType: string; size: number; url: string }[] };

function noteForm(fields: Record<string, string>, files: { name: string; type: string; content: string | Buffer }[] = []): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const f of files) form.append('files', new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], { type: f.type }), f.name);
  return form;
}

const addNote = (client: ApiClient, procedureId: string, form: FormData, key?: string) =>
  client.request('POST', `/api/procedures/${encodeURIComponent(procedureId)}/notes`, form, key ? { 'idempotency-key': key } : {});

async function startProcedure(title: string): Promise<string> {
  const reply = await anna.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title } });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  ben = await ApiClient.as('ben.yilmaz@amtsflow.localhost', DEMO_PASSWORD);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
});

describe('Vermerke', () => {
  let procedureId: string;

  beforeAll(async () => {
    procedureId = await startProcedure(`Sprachkurse für Neuzugewanderte ${run}`);
  });

  it('adds a note with a file to a procedure; it is in its history and audit log, and the file a download', async () => {
    const text = 'Telefonat mit dem Träger: Unterlagen kommen bis Freitag. Ansprechpartnerin Frau Öztürk.';
    const reply = await addNote(anna, procedureId, noteForm({ text }, [{ name: 'Gesprächsnotiz Träger ä.pdf', type: 'application/pdf', content: PDF }]));
    expect(reply.status).toBe(201);
    const note = reply.body as Note;
    expect(note).toMatchObject({ procedureId, taskId: null, authorName: 'Anna Schmidt', text });
    expect(note.files).toEqual([{ id: expect.any(String), filename: 'Gesprächsnotiz Träger ä.pdf', contentType: 'application/pdf', size: PDF.length, url: `/api/note-files/${note.files[0]?.id}` }]);

    // Who may see the procedure may read its notes and their files: a colleague, the manager.
    const listed = (await ben.get(`/api/procedures/${encodeURIComponent(procedureId)}/notes`)).body as Note[];
    expect(listed.map((n) => n.id)).toEqual([note.id]);
    const download = await carla.fetch(note.files[0]!.url);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(PDF);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''Gespr%C3%A4chsnotiz%20Tr%C3%A4ger%20%C3%A4\.pdf$/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');

    const history = (await carla.get(`/api/procedures/${encodeURIComponent(procedureId)}/history`)).body as { source: string; kind: string; label: string; detail: any }[];
    const entry = history.find((e) => e.source === 'note');
    expect(entry).toMatchObject({ kind: 'note', label: text, detail: { noteId: note.id, authorName: 'Anna Schmidt', files: [{ filename: 'Gesprächsnotiz Träger ä.pdf' }] } });
    const audit = (await carla.get(`/api/audit?${listQuery({ procedureId, action: 'note.added' })}`)).body as { actorName: string; entityType: string; detail: any }[];
    expect(audit).toEqual([expect.objectContaining({ actorName: 'Anna Schmidt', entityType: 'procedure', detail: expect.objectContaining({ noteId: note.id, attachments: ['Gesprächsnotiz Träger ä.pdf'] }) })]);

    expect((await anna.get(`/api/note-files/${randomUUID()}`)).status).toBe(404);
    expect((await new ApiClient().get(`/api/procedures/${encodeURIComponent(procedureId)}/notes`)).status).toBe(401);
  });

  it('adds a note to a task of the procedure, named with the task, and refuses a task of another one', async () => {
    const task = await openTask(anna, procedureId, 'vorgang-bearbeiten');
    const reply = await addNote(anna, procedureId, noteForm({ text: 'Rückfrage an das Jugendamt gestellt.', taskId: task.id }));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ taskId: task.id, taskTitle: task.title, files: [] });
    const onTask = (await anna.get(`/api/procedures/${encodeURIComponent(procedureId)}/notes?taskId=${task.id}`)).body as Note[];
    expect(onTask.map((n) => n.text)).toEqual(['Rückfrage an das Jugendamt gestellt.']);
    const audit = (await carla.get(`/api/audit?${listQuery({ entityId: task.id, action: 'note.added' })}`)).body as unknown[];
    expect(audit).toHaveLength(1);

    const other = await startProcedure(`Anderer Vorgang ${run}`);
    const foreign = await openTask(anna, other, 'vorgang-bearbeiten');
    const refused = await addNote(anna, procedureId, noteForm({ text: 'Falsch zugeordnet', taskId: foreign.id }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ path: 'body.taskId', message: 'keine Aufgabe dieses Vorgangs' }]);
  });

  it('refuses every bad input with a 400 naming the field in German, and an unknown procedure with a 404', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `anlage-${i + 1}.txt`, type: 'text/plain', content: `Anlage ${i + 1}` }));
    const cases: [string, FormData | Record<string, unknown>, string, string | RegExp][] = [
      ['empty text', noteForm({ text: '' }), 'body.text', 'Bitte einen Text für den Vermerk eingeben'],
      ['only spaces', noteForm({ text: '   \n ' }), 'body.text', 'Bitte einen Text für den Vermerk eingeben'],
      ['no text', noteForm({}), 'body.text', 'Bitte einen Text für den Vermerk eingeben'],
      ['a NUL character', noteForm({ text: 'Vermerk\u0000mit Nullzeichen' }), 'body.text', /Nullzeichen/],
      ['too long', noteForm({ text: 'x'.repeat(10_001) }), 'body.text', 'höchstens 10000 Zeichen'],
      ['six files', noteForm({ text: 'Sechs Anlagen' }, six), 'body.files', 'Bitte höchstens 5 Dateien anhängen'],
      ['a file over 10 MB', noteForm({ text: 'Große Anlage' }, [{ name: 'gross.pdf', type: 'application/pdf', content: big }]), 'body.files', 'Die Datei ist größer als 10 MB'],
      ['a program', noteForm({ text: 'Programm' }, [{ name: 'programm.exe', type: 'application/octet-stream', content: 'MZ' }]), 'body.files', 'Dateityp nicht erlaubt'],
      ['HTML called PDF', noteForm({ text: 'Getarnt' }, [{ name: 'getarnt.pdf', type: 'text/html', content: '<script>alert(1)</script>' }]), 'body.files', 'Dateityp nicht erlaubt'],
      ['a malformed task id', noteForm({ text: 'Zur Aufgabe', taskId: 'keine-id' }), 'body.taskId', 'keine gültige Aufgaben-ID'],
      ['an unknown field', noteForm({ text: 'Mit Extra', extra: 'x' }), 'body.extra', 'unbekanntes Feld'],
      ['JSON', { text: 'Als JSON' }, 'body.files', 'kein multipart/form-data'],
    ];
    for (const [what, body, path, message] of cases) {
      const reply = await anna.request('POST', `/api/procedures/${encodeURIComponent(procedureId)}/notes`, body);
      expect({ what, status: reply.status }).toEqual({ what, status: 400 });
      expect({ what, fields: reply.body.error.fields }).toEqual({ what, fields: [{ path, message: expect.stringMatching(typeof message === 'string' ? `^${message}$` : message) }] });
      expect(reply.body.error.message).not.toMatch(/[{}]|undefined|Error/);
    }
    const exe = await addNote(anna, procedureId, noteForm({ text: 'Programm' }, [{ name: 'programm.exe', type: 'application/octet-stream', content: 'MZ' }]));
    expect(exe.body.error.message).toContain('„programm.exe“ hat einen Dateityp, den wir nicht annehmen können');
    const badKey = await addNote(anna, procedureId, noteForm({ text: 'Schlüssel' }), 'kein gültiger Schlüssel!');
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.fields[0].path).toBe('header.idempotency-key');

    const unknown = await addNote(anna, `vorgang-mit-freigabe-${randomUUID()}`, noteForm({ text: 'Ins Leere' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Vorgang nicht gefunden');
    expect((await anna.get(`/api/procedures/vorgang-mit-freigabe-${randomUUID()}/notes`)).status).toBe(404);
    // Nothing of the refused ones was kept.
    const kept = (await anna.get(`/api/procedures/${encodeURIComponent(procedureId)}/notes`)).body as Note[];
    expect(kept.map((n) => n.text)).not.toEqual(expect.arrayContaining(['Sechs Anlagen', 'Große Anlage', 'Programm', 'Getarnt']));
  });

  it('makes one note of a repeated submit with the same Idempotency-Key, even at once', async () => {
    const proc = await startProcedure(`Doppelklick ${run}`);
    const form = () => noteForm({ text: 'Nur einmal bitte' }, [{ name: 'anlage.txt', type: 'text/plain', content: 'Anlage' }]);
    const key = `vermerk-${run}`;
    const first = await addNote(anna, proc, form(), key);
    expect(first.status).toBe(201);
    const again = await addNote(anna, proc, form(), key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const [a, b] = await Promise.all([addNote(anna, proc, form(), `${key}-gleichzeitig`), addNote(anna, proc, form(), `${key}-gleichzeitig`)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    // Another person's key is theirs: the same text from Ben is his own note.
    expect((await addNote(ben, proc, form(), key)).status).toBe(201);
    const notes = (await anna.get(`/api/procedures/${encodeURIComponent(proc)}/notes`)).body as Note[];
    expect(notes.map((n) => n.authorName)).toEqual(['Anna Schmidt', 'Anna Schmidt', 'Ben Yılmaz']);
    expect(notes.every((n) => n.files.length === 1)).toBe(true);
    const audit = (await admin.get(`/api/audit?${listQuery({ procedureId: proc, action: 'note.added' })}`)).body as unknown[];
    expect(audit).toHaveLength(3);
  });
});
