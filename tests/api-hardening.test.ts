import http from 'node:http';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../api/auth';
import { databaseProblem } from '../api/database-errors';
import { toHttpError } from '../api/errors';
import { closeDb, createDb } from '../db/client';
import { ApiClient, listQuery } from './support/client';
import { admin as adminOf, departmentByCode, departments, openRequestTo } from './support/consultation';
import { freePort } from '../stack/ports';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// No input is a 500: what a client can send that PostgreSQL cannot take is a 400 naming the field,
// and the OpenAPI document says what the server does.

const NUL_MESSAGE = 'enthält ein unsichtbares Steuerzeichen (Nullzeichen), das nicht gespeichert werden kann';
const run = Date.now().toString(36);

let staff: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  admin = await adminOf();
});

function fieldsOf(body: { error?: { fields?: { path: string; message: string }[] } }) {
  return body.error?.fields ?? [];
}

/** A raw request with what fetch will not send (a Host header, the TRACE method). */
function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const url = new URL(testStack().url + path);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const rawPost = (path: string, headers: Record<string, string>, body: string) => rawRequest('POST', path, headers, body);

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL character in a procedure subject with a 400 naming the field', async () => {
    const depts = await departments(staff);
    const reply = await staff.post('/api/procedures', {
      type: 'department-consultation',
      input: { subject: `Betreff ${run}\u0000mit Nullzeichen`, question: 'Welche Angebote gibt es?', departmentIds: [departmentByCode(depts, 'JUGA').id] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('bad_request');
    expect(fieldsOf(reply.body)).toEqual([{ path: 'body.input.subject', message: NUL_MESSAGE }]);
  });

  it('refuses a NUL character in an indicator unit, and in a key of form data', async () => {
    const depts = await departments(admin);
    const indicator = await admin.post('/api/indicators', {
      key: `nulprobe${run}`.slice(0, 24),
      name: 'Nullzeichen-Probe',
      unit: 'Perso\u0000nen',
      departmentId: departmentByCode(depts, 'JUGA').id,
      direction: 'higher_better',
    });
    expect(indicator.status).toBe(400);
    expect(fieldsOf(indicator.body)).toEqual([{ path: 'body.unit', message: NUL_MESSAGE }]);

    const task = await staff.post('/api/tasks/00000000-0000-4000-8000-000000000000/complete', { data: { 'res\u0000ult': 'x' } });
    expect(task.status).toBe(400);
    expect(fieldsOf(task.body)[0]?.path).toBe('body.data.res\\u0000ult');
  });

  it('refuses a NUL character in a list filter', async () => {
    const reply = await staff.get(`/api/tasks?${listQuery({ q: 'Sprach\u0000kurs' })}`);
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual([{ path: 'query.filter.q', message: NUL_MESSAGE }]);
  });

  it('shows the answer page again with a German message beside the text, and keeps the link open', async () => {
    const dept = departmentByCode(await departments(staff), 'WOHN');
    const { token } = await openRequestTo(staff, dept, `nul-${run}`);
    const post = (text: string) =>
      fetch(`${testStack().url}/answer/${token}`, { method: 'POST', body: new URLSearchParams({ antwort: text }) });
    const refused = await post('Zwei Kurse ab März.\u0000');
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('unsichtbares Steuerzeichen (Nullzeichen)');
    expect(page).toContain('Zwei Kurse ab März.');
    expect(page).not.toContain('\u0000');
    const accepted = await post('Zwei Kurse ab März.');
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('Vielen Dank für Ihre Antwort');
  });
});

describe('ids and dates in list filters', () => {
  const resources = ['users', 'departments', 'tasks', 'mails', 'mailbox', 'inbound-mails', 'studies', 'funding-calls', 'indicators', 'knowledge', 'monitoring-reports'];

  it.each(resources)('answers %s with a 400 naming the filter for an id that is no uuid', async (resource) => {
    const reply = await admin.get(`/api/${resource}?${listQuery({ id: ['not-a-uuid'] })}`);
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual([{ path: 'query.filter.id.0', message: 'keine gültige ID' }]);
  });

  it('answers the audit log with a 400 for an id that is no number', async () => {
    const reply = await admin.get(`/api/audit?${listQuery({ id: ['not-a-number'] })}`);
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)[0]?.path).toBe('query.filter.id.0');
  });

  it('answers a uuid filter of a resource with a 400 for something else', async () => {
    const reply = await admin.get(`/api/mails?${listQuery({ taskId: 'keine-id' })}`);
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual([{ path: 'query.filter.taskId', message: 'keine gültige ID' }]);
  });

  it('refuses the year 0000 as "fällig bis" with a 400 naming the filter, and still takes a real day', async () => {
    const reply = await staff.get(`/api/tasks?${listQuery({ dueBefore: '0000-01-01' })}`);
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual([
      { path: 'query.filter.dueBefore', message: 'kein gültiges Datum (JJJJ-MM-TT ab dem Jahr 0001) oder Zeitpunkt mit Zeitzone' },
    ]);
    expect((await staff.get(`/api/tasks?${listQuery({ dueBefore: '0001-01-01' })}`)).status).toBe(200);
  });
});

describe('references and sets in users', () => {
  const unknownDepartment = '00000000-0000-4000-8000-000000000000';
  const user = (extra: Record<string, unknown>) => ({
    email: `hardening-${run}-${Math.random().toString(36).slice(2, 8)}@amtsflow.localhost`,
    name: 'Probe Härtung',
    roles: ['staff'],
    password: 'Neues-Konto-Passwort-7',
    ...extra,
  });

  it('refuses an unknown department on create and on update with a 400 naming the field', async () => {
    const created = await admin.post('/api/users', user({ departmentId: unknownDepartment }));
    expect(created.status).toBe(400);
    expect(created.body.error.message).toBe('Unbekannte Dienststelle');
    expect(fieldsOf(created.body)).toEqual([{ path: 'body.departmentId', message: 'unbekannte Dienststelle' }]);

    const ok = await admin.post('/api/users', user({}));
    expect(ok.status).toBe(201);
    const updated = await admin.put(`/api/users/${ok.body.id}`, { departmentId: unknownDepartment });
    expect(updated.status).toBe(400);
    expect(fieldsOf(updated.body)).toEqual([{ path: 'body.departmentId', message: 'unbekannte Dienststelle' }]);
  });

  it('refuses a role named twice with a 400 naming the field, so roles are a set', async () => {
    const reply = await admin.post('/api/users', user({ roles: ['staff', 'manager', 'staff'] }));
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual([{ path: 'body.roles', message: 'jede Rolle nur einmal' }]);
  });

  it('says a missing field in German', async () => {
    const reply = await admin.post('/api/users', { email: `missing-${run}@amtsflow.localhost`, roles: ['staff'] });
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual(expect.arrayContaining([{ path: 'body.name', message: 'Bitte füllen Sie dieses Feld aus.' }]));
  });
});

describe('the one mapping of PostgreSQL errors', () => {
  // Straight from the database, past the API's own checks: the net below validation.
  async function errorOf(sql: string, values: unknown[] = []): Promise<unknown> {
    const client = new pg.Client({ connectionString: testStack().databaseUrl });
    await client.connect();
    try {
      await client.query(sql, values);
      return undefined;
    } catch (err) {
      return err;
    } finally {
      await client.end();
    }
  }

  it('maps a foreign key violation to a 400 naming the field', async () => {
    const err = await errorOf(
      "insert into users (email, name, password_hash, roles, department_id) values ($1, 'x', 'x', '{staff}', '00000000-0000-4000-8000-000000000000')",
      [`fk-${run}@amtsflow.localhost`],
    );
    expect(databaseProblem(err)).toEqual({
      status: 400,
      code: 'bad_request',
      message: 'Eine Angabe verweist auf einen Eintrag, den es nicht gibt.',
      fields: [{ path: 'body.departmentId', message: 'unbekannter Eintrag' }],
    });
  });

  it('maps bad text, a bad uuid, a date out of range and a duplicate to 400s and a 409', async () => {
    expect(databaseProblem(await errorOf('select $1::text', ['a\u0000b']))?.status).toBe(400);
    expect(databaseProblem(await errorOf("select 'not-a-uuid'::uuid"))?.status).toBe(400);
    expect(databaseProblem(await errorOf("select '0000-01-01'::date"))?.status).toBe(400);
    const email = `dup-${run}@amtsflow.localhost`;
    const insert = "insert into users (email, name, password_hash, roles) values ($1, 'x', 'x', '{staff}')";
    await errorOf(insert, [email]);
    expect(databaseProblem(await errorOf(insert, [email]))).toMatchObject({ status: 409, code: 'conflict' });
    await errorOf('delete from users where email = $1', [email]);
  });

  it('maps a delete that an ON DELETE RESTRICT key refuses to the 409 of a plain foreign key', async () => {
    // One statement, so that the temporary tables live as long as it does.
    const err = await errorOf(`do $$ begin
      create temp table restrict_parent (id int primary key);
      create temp table restrict_child (parent int references restrict_parent on delete restrict);
      insert into restrict_parent values (1);
      insert into restrict_child values (1);
      delete from restrict_parent;
    end $$`);
    expect((err as { code?: string }).code).toBe('23001');
    expect(databaseProblem(err)).toEqual({ status: 409, code: 'conflict', message: 'Der Eintrag wird noch verwendet und kann nicht gelöscht werden.' });
  });

  it('logs an unexpected statement error without its parameters (they hold hashes)', async () => {
    const db = createDb(testStack().databaseUrl, { max: 1 });
    const hash = await hashPassword('Neues-Konto-Passwort-7');
    try {
      const err = await db.execute(sql`select ${hash}::text as h from nirgendwo`).then(() => undefined, (e: unknown) => e);
      expect(String((err as Error).message)).toContain(hash); // drizzle's own message has it
      const lines: string[] = [];
      const mapped = toHttpError(err, (line) => lines.push(line));
      expect(mapped.status).toBe(500);
      expect(lines.join('\n')).toContain('database error 42P01: relation "nirgendwo" does not exist in: select $1::text as h from nirgendwo');
      expect(lines.join('\n')).not.toContain(hash);
      expect(lines.join('\n')).not.toMatch(/\$argon2/);
    } finally {
      await closeDb(db);
    }
  });

  it('maps a database that does not answer to a 503 naming it', async () => {
    const client = new pg.Client({ connectionString: `postgres://x:y@127.0.0.1:${await freePort()}/x` });
    const err = await client.connect().then(() => undefined, (e: unknown) => e);
    expect(databaseProblem(err)).toEqual({
      status: 503,
      code: 'unavailable',
      message: 'Die Datenbank ist vorübergehend nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
    });
  });
});

describe('methods, origins and the demo mailbox', () => {
  it('answers TRACE and PATCH on a known path with 405 and the allowed methods', async () => {
    for (const method of ['TRACE', 'PATCH']) {
      const res = await rawRequest(method, '/api/users', {});
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, POST');
      expect(JSON.parse(res.body).error.code).toBe('method_not_allowed');
    }
    expect((await rawRequest('TRACE', '/api/tasks/00000000-0000-4000-8000-000000000000/complete', {})).headers.allow).toBe('OPTIONS, POST');
    expect((await rawRequest('TRACE', '/api/nirgendwo', {})).status).toBe(404);
  });

  it('refuses a write whose Origin is another site, even when the Host agrees with it', async () => {
    const cookie = staff.sessionCookie();
    const evil = await rawPost('/api/studies', { origin: 'http://evil.example', host: 'evil.example', cookie }, '{}');
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body).error).toEqual({ code: 'csrf', message: 'Anfrage von einer fremden Seite abgelehnt' });
    const otherPort = await rawPost('/api/studies', { origin: 'http://localhost:1', cookie }, '{}');
    expect(otherPort.status).toBe(403);
  });

  it('takes both loopback names of a loopback PUBLIC_URL as the console’s own site', async () => {
    const port = new URL(testStack().url).port;
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`]) {
      // Past the guard: the empty study is refused by its schema, not as a foreign request.
      const reply = await rawPost('/api/studies', { origin, cookie: staff.sessionCookie() }, '{}');
      expect(reply.status).toBe(400);
    }
  });

  it('shows the demo mailbox, with the departments’ live answer links, to admins only', async () => {
    const refused = await staff.get('/api/mailbox');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await admin.get('/api/mailbox')).status).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  let doc: any;
  beforeAll(async () => {
    doc = (await new ApiClient().get('/api/openapi.json')).body;
  });

  it('describes sort, range and filter as JSON with their schema', () => {
    const parameters = doc.paths['/api/tasks'].get.parameters as any[];
    const filter = parameters.find((p) => p.name === 'filter');
    expect(filter.schema).toBeUndefined();
    const schema = filter.content['application/json'].schema;
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'q', 'dueBefore', 'inbox']));
    expect(schema.properties.id.items.format).toBe('uuid');
    const range = parameters.find((p) => p.name === 'range');
    expect(range.content['application/json'].schema.prefixItems).toHaveLength(2);
    expect(range.description).toContain('höchstens 500 Einträge je Seite');
  });

  it('documents 413, 429 and 503 where they happen, and requires the bodies it requires', () => {
    const login = doc.paths['/api/auth/login'].post;
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '429', '503']));
    expect(login.requestBody.required).toBe(true);
    expect(Object.keys(doc.paths['/api/tasks'].get.responses)).toContain('503');
    expect(Object.keys(doc.paths['/api/tasks'].get.responses)).not.toContain('413');
    expect(doc.paths['/api/users'].post.description).toContain('departmentId: eine vorhandene Dienststelle');
    expect(doc.paths['/api/users'].post.requestBody.content['application/json'].schema.properties.roles.uniqueItems).toBe(true);
  });

  it('says that text holds no NUL character, and gives zod’s mail pattern', () => {
    const login = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    // Anchored at the end as every engine reads alike (api/openapi.ts: no final $).
    expect(login.properties.password.pattern).toBe('^[^\\u0000]*(?![\\s\\S])');
    expect(new RegExp(login.properties.password.pattern).test('Passwort\u0000')).toBe(false);
    expect(new RegExp(login.properties.email.pattern).test('!yw09*b7l@349.org')).toBe(false);
    expect(new RegExp(login.properties.email.pattern).test('anna.schmidt@amtsflow.localhost')).toBe(true);
  });
});
