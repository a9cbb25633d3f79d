import { ApiClient, listQuery } from './support/client';
import { freePort } from '../stack/ports';
import { spawnApi } from './support/extra-processes';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// The API's promises to the console: session, errors with one shape, react-admin lists, OpenAPI.

let admin: ApiClient;
let staff: ApiClient;

beforeAll(async () => {
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
  staff = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
});

describe('health and OpenAPI', () => {
  it('reports database, Temporal and mail as up', async () => {
    const reply = await new ApiClient().get('/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ database: 'up', temporal: 'up', mail: 'up' });
    // Other suites on this stack may have left a disturbance: then degraded, still 200.
    expect(typeof reply.body.incidents).toBe('number');
    expect(reply.body.status).toBe(reply.body.incidents > 0 ? 'degraded' : 'ok');
  });

  it('answers 503 naming the part that is down', async () => {
    // An API whose mail server is a closed port: database and Temporal are fine, mail is not.
    const api = await spawnApi({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    try {
      const reply = await new ApiClient(api.url).get('/health');
      expect(reply.status).toBe(503);
      expect(reply.body).toMatchObject({ status: 'degraded', database: 'up', temporal: 'up', mail: 'down' });
    } finally {
      await api.stop();
    }
  });

  it('publishes an OpenAPI 3.1 document generated from the validating schemas', async () => {
    const reply = await new ApiClient().get('/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    const complete = reply.body.paths['/api/tasks/{id}/complete'].post;
    const schema = complete.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['data']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/procedures', '/api/procedures/{id}/history', '/api/departments']),
    );
  });

  it('spells its patterns so that a Python or .NET client reads them as JavaScript does: ASCII classes, no final $', async () => {
    const document = (await new ApiClient().get('/api/openapi.json')).body;
    const patterns: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (!node || typeof node !== 'object') return;
      const pattern = (node as { pattern?: unknown }).pattern;
      if (typeof pattern === 'string') patterns.push(pattern);
      Object.values(node).forEach(collect);
    };
    collect(document);
    // zod's date pattern is among them: without the rewrite it holds \d.
    expect(patterns.some((p) => p.includes('[0-9]{4}-'))).toBe(true);
    expect(patterns.filter((p) => /(^|[^\\])(\\\\)*\\[dw]/.test(p))).toEqual([]);
    // Nor a final $, which Python matches before a trailing newline.
    expect(patterns.filter((p) => /(^|[^\\])\$$/.test(p))).toEqual([]);
  });
});

describe('the page at /', () => {
  it('serves the built console', async () => {
    const res = await fetch(testStack().url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Amtsflow');
    expect(html).toMatch(/<script type="module"[^>]* src="\.\/assets\/index-[\w-]+\.js"/);
  });
});

describe('sessions', () => {
  it('logs in with an httpOnly, SameSite cookie and logs out', async () => {
    const client = new ApiClient();
    const login = await client.post('/api/auth/login', { email: 'Anna.Schmidt@amtsflow.localhost', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await client.get('/api/auth/me')).body).toMatchObject({ email: 'anna.schmidt@amtsflow.localhost', roles: ['staff'] });
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses wrong credentials with 401 and the same message for unknown accounts', async () => {
    const wrong = await new ApiClient().post('/api/auth/login', { email: 'anna.schmidt@amtsflow.localhost', password: 'falsch' });
    const unknown = await new ApiClient().post('/api/auth/login', { email: 'niemand@amtsflow.localhost', password: 'falsch' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('slows down guessing: the login is rate limited, with a German message', async () => {
    const api = await spawnApi({ LOGIN_RATE_LIMIT: '3' });
    try {
      const attempts = [];
      for (let i = 0; i < 4; i += 1) {
        attempts.push(await new ApiClient(api.url).post('/api/auth/login', { email: 'anna.schmidt@amtsflow.localhost', password: 'falsch' }));
      }
      expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 429]);
      expect(attempts[3]?.body.error).toEqual({ code: 'rate_limited', message: 'Zu viele Anmeldeversuche. Bitte warten Sie eine Minute.' });
    } finally {
      await api.stop();
    }
  });

  it('answers 401 without a session', async () => {
    const reply = await new ApiClient().get('/api/tasks');
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
  });
});

describe('bad input is a 400 naming the field, never a 500', () => {
  it('rejects malformed JSON', async () => {
    const reply = await staff.request('POST', '/api/procedures', '{"type": "vorgang-mit-freigabe",', {});
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'invalid_json', fields: [{ path: 'body' }] });
  });

  it('rejects unknown fields and wrong types', async () => {
    const unknown = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'ok' }, extra: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'body.extra', message: 'unbekanntes Feld' }]);
    const wrongType = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 42 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields[0].path).toBe('input.title');
    const unknownDepartment = await staff.post('/api/procedures', {
      type: 'department-consultation',
      input: { subject: 'Probe', question: 'Eine Frage an eine Dienststelle, die es nicht gibt?', departmentIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknownDepartment.status).toBe(400);
    expect(unknownDepartment.body.error.fields).toEqual([{ path: 'input.departmentIds.0', message: 'unbekannte Dienststelle' }]);
    const wrongProcedure = await staff.post('/api/procedures', { type: 'gibt-es-nicht', input: {} });
    expect(wrongProcedure.status).toBe(400);
    expect(wrongProcedure.body.error.fields[0].path).toBe('body.type');
  });

  it('rejects list queries it cannot honour', async () => {
    const badSort = await staff.get(`/api/tasks?sort=${encodeURIComponent('["password","ASC"]')}`);
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.fields[0].path).toBe('query.sort.0');
    const badRange = await staff.get('/api/tasks?range=[5');
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.fields[0].path).toBe('query.range');
    const badFilter = await staff.get(`/api/tasks?${listQuery({ nope: 1 })}`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.fields[0].path).toBe('query.filter.nope');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await staff.get('/api/tasks/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const malformed = await staff.post('/api/tasks/not-a-uuid/complete', { data: {} });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe('params.id');
    const route = await staff.get('/api/nothing-here');
    expect(route.status).toBe(404);
  });
});

describe('roles and CSRF', () => {
  it('keeps staff out of user administration', async () => {
    expect((await staff.get('/api/users')).status).toBe(403);
    const create = await staff.post('/api/departments', {
      code: 'TEST',
      name: 'Testamt',
      contactEmail: 'test@stadt.localhost',
      headEmail: 'leitung.test@stadt.localhost',
    });
    expect(create.status).toBe(403);
  });

  it('refuses a cookie-authenticated write from another site', async () => {
    const reply = await staff.post('/api/procedures', { type: 'vorgang-mit-freigabe', input: { title: 'CSRF' } }, {
      origin: 'https://evil.example',
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf');
  });
});

describe('master data in react-admin conventions', () => {
  it('lists the seeded departments with Content-Range, sorted and paged', async () => {
    const page = await staff.get(`/api/departments?${listQuery({}, [0, 4], ['name', 'ASC'])}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-range')).toBe('departments 0-4/10');
    expect((page.body as { name: string }[]).map((d) => d.name)).toEqual([
      'Amt für Schulentwicklung',
      'Gesundheitsamt',
      'Jugendamt',
      'Kulturamt',
      'Ordnungsamt',
    ]);
    const jugendamt = (await staff.get(`/api/departments?${listQuery({ q: 'jugend' })}`)).body[0];
    expect(jugendamt).toMatchObject({ code: 'JUGA', contactEmail: 'juga@stadt.localhost', headEmail: 'leitung.juga@stadt.localhost' });
  });

  it('creates, updates and deletes a department as admin, with audit entries and a 409 on a duplicate code', async () => {
    const body = { code: 'INTR', name: 'Integrationsrat', contactEmail: 'ir@stadt.localhost', headEmail: 'vorsitz.ir@stadt.localhost' };
    const created = await admin.post('/api/departments', body);
    expect(created.status).toBe(201);
    // Its forms derived from the name, since none were given: "den Integrationsrat", "des Integrationsrats".
    expect(created.body).toMatchObject({ grammaticalGender: 'masculine', nameAccusative: 'Integrationsrat', nameGenitive: 'Integrationsrats' });
    expect((await admin.post('/api/departments', body)).status).toBe(409);
    const badMail = await admin.put(`/api/departments/${created.body.id}`, { contactEmail: 'kein-mail' });
    expect(badMail.status).toBe(400);
    expect(badMail.body.error.fields[0].path).toBe('body.contactEmail');
    const updated = await admin.put(`/api/departments/${created.body.id}`, { name: 'Integrationsrat der Stadt' });
    expect(updated.body).toMatchObject({ name: 'Integrationsrat der Stadt', nameDative: 'Integrationsrat der Stadt', nameGenitive: 'Integrationsrats der Stadt' });
    const withArticle = await admin.put(`/api/departments/${created.body.id}`, { nameGenitive: 'des Integrationsrats der Stadt' });
    expect(withArticle.status).toBe(400);
    expect(withArticle.body.error.fields).toEqual([{ path: 'body.nameGenitive', message: expect.stringContaining('ohne Artikel') }]);
    const badGender = await admin.put(`/api/departments/${created.body.id}`, { grammaticalGender: 'der' });
    expect(badGender.body.error.fields[0]).toMatchObject({ path: 'body.grammaticalGender', message: expect.stringContaining('„das“ (neutrum)') });
    // Forms given by hand are kept, and a second change of something else leaves them alone.
    await admin.put(`/api/departments/${created.body.id}`, { grammaticalGender: 'masculine', nameGenitive: 'Integrationsrates der Stadt' });
    expect((await admin.put(`/api/departments/${created.body.id}`, { headName: 'Vorsitz' })).body.nameGenitive).toBe('Integrationsrates der Stadt');
    expect((await admin.delete(`/api/departments/${created.body.id}`)).status).toBe(200);
    expect((await admin.get(`/api/departments/${created.body.id}`)).status).toBe(404);
    const audit = await admin.get(`/api/audit?${listQuery({ entityId: created.body.id })}`);
    expect((audit.body as { action: string }[]).map((a) => a.action)).toEqual([
      'departments.created',
      'departments.updated',
      'departments.updated',
      'departments.updated',
      'departments.deleted',
    ]);
  });

  it('never shows a password hash', async () => {
    const users = await admin.get('/api/users');
    expect(users.status).toBe(200);
    expect(JSON.stringify(users.body)).not.toMatch(/argon2|passwordHash/);
  });
});
