import { eq } from 'drizzle-orm';
import { closeDb, createDb, type Db } from '../../db/client';
import { ApiClient, listQuery } from '../../tests/support/client';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';
import { reachableContacts } from './consent';
import { organisationContacts } from './schema';

// The register as the office keeps it: organisations with their contacts, each contact's consent
// for what they may be written to about, the withdrawal by the link in a mail (no login), and the
// translators. Every refusal names its field in German.

const run = Date.now().toString(36);
let anna: ApiClient;
let carla: ApiClient;
let db: Db;

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  db = createDb(testStack().databaseUrl, { max: 2 });
});
afterAll(() => closeDb(db));

const fieldOf = (body: { error?: { fields?: { path: string; message: string }[] } }, path: string) => body.error?.fields?.find((f) => f.path === path)?.message;

async function organisationWithContact(language = 'tr') {
  const org = await anna.post('/api/organisations', { name: `Kulturverein Anadolu ${run} ${Math.random()}`, kind: 'kulturverein', languages: ['tr', 'de'], topics: ['kultur'] });
  expect(org.status).toBe(201);
  const contact = await anna.post('/api/organisation-contacts', { organisationId: org.body.id, name: 'Elif Şahin', role: 'Vorsitzende', email: `elif.${run}@anadolu.example`, language });
  expect(contact.status).toBe(201);
  return { organisationId: org.body.id as string, contactId: contact.body.id as string };
}

const tokenOf = async (contactId: string) =>
  (await db.select({ token: organisationContacts.withdrawalToken }).from(organisationContacts).where(eq(organisationContacts.id, contactId)))[0]?.token as string;

it('holds the demo register: at least 30 organisations, contacts in several languages, translators', async () => {
  const orgs = await anna.get(`/api/organisations?${listQuery({}, [0, 0])}`);
  expect(Number(orgs.headers.get('content-range')?.split('/')[1])).toBeGreaterThanOrEqual(30);
  const contacts = (await anna.get(`/api/organisation-contacts?${listQuery({}, [0, 199])}`)).body as { language: string }[];
  expect(new Set(contacts.map((c) => c.language)).size).toBeGreaterThanOrEqual(8);
  const arabic = (await anna.get(`/api/translators?${listQuery({ language: 'ar' })}`)).body as { name: string; languages: string[] }[];
  expect(arabic.length).toBeGreaterThanOrEqual(2);
  expect(arabic.every((t) => t.languages.includes('ar'))).toBe(true);
  // The API never shows the token that withdraws a person's consent.
  expect(JSON.stringify(contacts)).not.toMatch(/withdrawal|token/i);
});

it('refuses bad input with a 400 naming the field in German, and keeps what was stored', async () => {
  const badLanguage = await anna.post('/api/organisations', { name: `Verein ${run}`, kind: 'kulturverein', languages: ['tr', 'xx'] });
  expect(badLanguage.status).toBe(400);
  expect(fieldOf(badLanguage.body, 'body.languages.1')).toBe('Bitte wählen Sie bei „Sprachen“ nur Sprachen aus der Liste.');
  const badDistrict = await anna.post('/api/organisations', { name: `Verein ${run}`, kind: 'kulturverein', districtIds: ['00000000-0000-4000-8000-000000000000'] });
  expect(fieldOf(badDistrict.body, 'body.districtIds.0')).toBe('unbekannter Stadtbezirk');
  const noName = await anna.post('/api/organisations', { kind: 'sportverein' });
  expect(fieldOf(noName.body, 'body.name')).toBe('Bitte geben Sie den Namen der Organisation ein.');

  const { organisationId, contactId } = await organisationWithContact();
  const nobody = await anna.post('/api/organisation-contacts', { organisationId: '00000000-0000-4000-8000-000000000000', name: 'Niemand' });
  expect(fieldOf(nobody.body, 'body.organisationId')).toBe('unbekannte Organisation');
  const contactLanguage = await anna.put(`/api/organisation-contacts/${contactId}`, { language: 'klingonisch' });
  expect(fieldOf(contactLanguage.body, 'body.language')).toBe('Bitte wählen Sie bei „Sprache für Post“ eine Sprache aus der Liste.');
  expect((await anna.get(`/api/organisation-contacts/${contactId}`)).body).toMatchObject({ organisationId, language: 'tr', name: 'Elif Şahin' });

  const future = await anna.post('/api/contact-consents', { contactId, purpose: 'informationskampagnen', givenOn: '2999-01-01', givenHow: 'schriftlich' });
  expect(fieldOf(future.body, 'body.givenOn')).toBe('Eine Einwilligung kann nicht in der Zukunft erteilt sein');
  const purpose = await anna.post('/api/contact-consents', { contactId, purpose: 'werbung', givenOn: '2026-01-01', givenHow: 'schriftlich' });
  expect(fieldOf(purpose.body, 'body.purpose')).toBe('Bitte wählen Sie, wofür die Person kontaktiert werden möchte.');

  const noMail = await anna.post('/api/translators', { name: 'Olga Test', languages: ['ru'] });
  expect(fieldOf(noMail.body, 'body.email')).toBe('Bitte geben Sie die E-Mail-Adresse ein: Anfragen gehen per E-Mail.');
  const noLanguage = await anna.post('/api/translators', { name: 'Olga Test', email: `olga.${run}@example.org`, languages: [] });
  expect(fieldOf(noLanguage.body, 'body.languages')).toBe('Bitte nennen Sie mindestens eine Sprache');
  const twice = await anna.post('/api/translators', { name: 'Olga Test', email: `olga.${run}@example.org`, languages: ['ru', 'ru'] });
  expect(fieldOf(twice.body, 'body.languages')).toBe('Eine Sprache ist doppelt genannt');
});

it('writes only to contacts with a standing consent for the purpose', async () => {
  const { organisationId, contactId } = await organisationWithContact();
  const other = await anna.post('/api/organisation-contacts', { organisationId, name: 'Murat Koç', email: `murat.${run}@anadolu.example` });
  expect(await reachableContacts(db, [organisationId], 'informationskampagnen')).toEqual([]);

  const given = await anna.post('/api/contact-consents', { contactId, purpose: 'informationskampagnen', givenOn: '2026-11-20', givenHow: 'formular' });
  expect(given.status).toBe(201);
  await anna.post('/api/contact-consents', { contactId: other.body.id, purpose: 'veranstaltungen', givenOn: '2026-11-20', givenHow: 'muendlich' });
  const again = await anna.post('/api/contact-consents', { contactId, purpose: 'informationskampagnen', givenOn: '2026-11-21', givenHow: 'schriftlich' });
  expect(again.status).toBe(409);

  const reached = await reachableContacts(db, [organisationId], 'informationskampagnen');
  expect(reached.map((c) => [c.name, c.language])).toEqual([['Elif Şahin', 'tr']]);
  expect((await reachableContacts(db, [organisationId], 'veranstaltungen')).map((c) => c.name)).toEqual(['Murat Koç']);

  // A record of consent is never deleted, only withdrawn.
  expect((await anna.delete(`/api/contact-consents/${given.body.id as string}`)).status).toBe(405);
  const withdrawn = await anna.post(`/api/contact-consents/${given.body.id as string}/withdraw`);
  expect(withdrawn.body).toMatchObject({ withdrawnHow: 'mitarbeitende' });
  expect(await reachableContacts(db, [organisationId], 'informationskampagnen')).toEqual([]);
});

it('withdraws every consent of a person by the link in a mail, without login, at once and audited', async () => {
  const { organisationId, contactId } = await organisationWithContact('ar');
  for (const purpose of ['informationskampagnen', 'veranstaltungen']) {
    expect((await anna.post('/api/contact-consents', { contactId, purpose, givenOn: '2026-10-01', givenHow: 'schriftlich' })).status).toBe(201);
  }
  const link = `${testStack().url}/einwilligung/${await tokenOf(contactId)}`;

  // Opening the link (or a mail program's preview of it) changes nothing.
  const shown = await fetch(link);
  const html = await shown.text();
  expect(shown.status).toBe(200);
  expect(html).toContain('Einwilligungen');
  expect(html).toContain('Einladungen zu Veranstaltungen');
  expect(html).toContain('<button type="submit">Einwilligung widerrufen</button>');
  expect((await reachableContacts(db, [organisationId], 'informationskampagnen')).length).toBe(1);

  const done = await fetch(link, { method: 'POST' });
  expect(done.status).toBe(200);
  expect(await done.text()).toContain('Ihre Einwilligung ist widerrufen');
  expect(await reachableContacts(db, [organisationId], 'informationskampagnen')).toEqual([]);
  expect(await reachableContacts(db, [organisationId], 'veranstaltungen')).toEqual([]);
  const consents = (await anna.get(`/api/contact-consents?${listQuery({ contactId })}`)).body as { withdrawnHow: string | null; withdrawnAt: string | null }[];
  expect(consents.map((c) => c.withdrawnHow)).toEqual(['link', 'link']);

  const audit = (await carla.get(`/api/audit?${listQuery({ entityId: contactId, action: 'organisation-contacts.consent_withdrawn' })}`)).body as { actorId: string | null; detail: unknown }[];
  expect(audit).toEqual([expect.objectContaining({ actorId: null, detail: { purposes: expect.arrayContaining(['informationskampagnen', 'veranstaltungen']), how: 'link' } })]);

  // A second click finds nothing standing, says so, and writes no second entry.
  const second = await fetch(link, { method: 'POST' });
  expect(await second.text()).toContain('Keine Einwilligung mehr');
  expect(((await carla.get(`/api/audit?${listQuery({ entityId: contactId, action: 'organisation-contacts.consent_withdrawn' })}`)).body as unknown[]).length).toBe(1);

  // A forged or mistyped link is the same page as one never issued.
  for (const bad of ['0'.repeat(64), 'abc', `${(await tokenOf(contactId)).slice(0, 63)}x`]) {
    const reply = await fetch(`${testStack().url}/einwilligung/${bad}`);
    expect({ bad, status: reply.status }).toEqual({ bad, status: 404 });
    expect(await reply.text()).toContain('Dieser Link ist nicht gültig');
  }
});
