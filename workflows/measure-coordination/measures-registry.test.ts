import { ApiClient, listQuery } from '../../tests/support/client';
import { DEMO_PASSWORD } from '../../tests/support/stack-env';

// The registry of measures on the real stack: Köln's districts, providers and measures as staff
// keep them, the refusals a clerk reads beside the field, the audit, and the duplicate check's words.

const run = Date.now().toString(36);
let anna: ApiClient; // staff
let carla: ApiClient; // manager
let bezirk: Record<string, string>;
let stadtteil: Record<string, string>;

interface FieldProblem {
  path: string;
  message: string;
}
const fieldsOf = (body: { error?: { fields?: FieldProblem[] } }) => body.error?.fields ?? [];

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
  const all = (await anna.get(`/api/districts?${listQuery({}, [0, 199])}`)).body as { id: string; name: string; kind: string; parentId: string | null }[];
  bezirk = Object.fromEntries(all.filter((d) => d.kind === 'stadtbezirk').map((d) => [d.name, d.id]));
  stadtteil = Object.fromEntries(all.filter((d) => d.kind === 'stadtteil').map((d) => [d.name, d.id]));
});

async function createProvider(extra: Record<string, unknown> = {}) {
  const reply = await anna.post('/api/providers', {
    name: `Nachbarschaftshilfe Kalk ${run} ${Math.random().toString(36).slice(2, 6)}`,
    kind: 'freier-traeger',
    street: 'Kalker Hauptstraße 1',
    postalCode: '51103',
    contacts: [{ name: 'Aylin Kaya', role: 'Projektleitung', email: 'a.kaya@nachbarschaftshilfe.example', phone: '0221 123 45' }],
    districtIds: [bezirk.Kalk],
    ...extra,
  });
  if (reply.status !== 201) throw new Error(`create provider: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; name: string };
}

const measureBody = (providerId: string, extra: Record<string, unknown> = {}) => ({
  title: `Sprachcafé für Väter ${run}`,
  description: 'Väter mit Kindern im Kita-Alter sprechen Deutsch über Erziehung, Kita und Arbeit.',
  providerId,
  fieldOfAction: 'sprache-bildung',
  targetGroups: ['eltern', 'maenner'],
  languages: ['Arabisch'],
  districtIds: [bezirk.Kalk],
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  placesPerYear: 15,
  participantsPerYear: 12,
  fundingLines: [{ funderLevel: 'kommune', programme: 'Integrationsbudget der Stadt Köln', amountPerYear: 4500 }],
  ...extra,
});

describe('Köln’s districts', () => {
  it('are the nine Stadtbezirke in their official order, with their Stadtteile below them', async () => {
    const reply = await anna.get(`/api/districts?${listQuery({ kind: 'stadtbezirk' })}`);
    expect(reply.status).toBe(200);
    expect((reply.body as { name: string }[]).map((d) => d.name)).toEqual([
      'Innenstadt',
      'Rodenkirchen',
      'Lindenthal',
      'Ehrenfeld',
      'Nippes',
      'Chorweiler',
      'Porz',
      'Kalk',
      'Mülheim',
    ]);
    expect(reply.headers.get('content-range')).toBe('districts 0-8/9');
    const inKalk = await anna.get(`/api/districts?${listQuery({ parentId: bezirk.Kalk })}`);
    expect((inKalk.body as { name: string }[]).map((d) => d.name)).toContain('Vingst');
  });

  it('are kept by the administration, not by staff', async () => {
    const reply = await anna.post('/api/districts', { name: `Neustadt ${run}`, kind: 'stadtbezirk' });
    expect(reply.status).toBe(403);
  });
});

describe('providers', () => {
  it('are created with their contact persons and districts, and the audit says who did it', async () => {
    const provider = await createProvider();
    const shown = await anna.get(`/api/providers/${provider.id}`);
    expect(shown.body).toMatchObject({ kind: 'freier-traeger', city: 'Köln', districtIds: [bezirk.Kalk] });
    expect(shown.body.contacts).toEqual([{ name: 'Aylin Kaya', role: 'Projektleitung', email: 'a.kaya@nachbarschaftshilfe.example', phone: '0221 123 45' }]);
    const audit = await carla.get(`/api/audit?${listQuery({ entityId: provider.id })}`);
    expect(audit.body).toEqual([expect.objectContaining({ action: 'providers.created', actorName: 'Anna Schmidt' })]);
  });

  it('refuses a contact without a name, an unknown district and a city department without its department, naming each field', async () => {
    const reply = await anna.post('/api/providers', {
      name: `Bürgeramt ${run}`,
      kind: 'staedtische-dienststelle',
      contacts: [{ name: '', role: 'Leitung' }],
      districtIds: [bezirk.Kalk, '00000000-0000-4000-8000-000000000000'],
    });
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.contacts.0.name', message: 'Bitte geben Sie den Namen der Ansprechperson ein.' })]));
    const second = await anna.post('/api/providers', {
      name: `Bürgeramt ${run}`,
      kind: 'staedtische-dienststelle',
      districtIds: [bezirk.Kalk, '00000000-0000-4000-8000-000000000000'],
    });
    expect(second.status).toBe(400);
    expect(fieldsOf(second.body)).toEqual(
      expect.arrayContaining([
        { path: 'body.districtIds.1', message: 'unbekannter Stadtbezirk' },
        { path: 'body.departmentId', message: 'Bitte wählen Sie die Dienststelle, die dieser städtische Träger ist' },
      ]),
    );
  });

  it('stay while a measure names them', async () => {
    const provider = await createProvider();
    expect((await anna.post('/api/measures', measureBody(provider.id))).status).toBe(201);
    const reply = await anna.delete(`/api/providers/${provider.id}`);
    expect(reply.status).toBe(409);
  });
});

describe('measures', () => {
  let providerId: string;
  beforeAll(async () => {
    providerId = (await createProvider()).id;
  });

  it('are created with funding lines and period, listed by district with react-admin’s Content-Range, and audited', async () => {
    const reply = await anna.post('/api/measures', measureBody(providerId, { title: `Vätercafé Vingst ${run}`, districtIds: [stadtteil.Vingst] }));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-12-31', fundingLines: [{ funderLevel: 'kommune', amountPerYear: 4500 }] });
    expect(Array.isArray(reply.body.similar)).toBe(true);
    // A Stadtbezirk's list holds the measures of its Stadtteile.
    const list = await anna.get(`/api/measures?${listQuery({ districtId: bezirk.Kalk, providerId }, [0, 9], ['title', 'ASC'])}`);
    expect(list.status).toBe(200);
    expect((list.body as { id: string }[]).map((m) => m.id)).toContain(reply.body.id);
    expect(list.headers.get('content-range')).toMatch(/^measures 0-\d+\/\d+$/);
    const audit = await carla.get(`/api/audit?${listQuery({ entityId: reply.body.id })}`);
    expect(audit.body).toEqual([expect.objectContaining({ action: 'measures.created', actorName: 'Anna Schmidt' })]);
  });

  it('may run on without an end', async () => {
    const reply = await anna.post('/api/measures', measureBody(providerId, { title: `Laufendes Vätercafé ${run}`, endsOn: null }));
    expect(reply.status).toBe(201);
    expect(reply.body.endsOn).toBeNull();
  });

  it('refuses a period ending before it starts, an unknown district, a negative amount and an unknown provider, naming each field in German', async () => {
    const reply = await anna.post(
      '/api/measures',
      measureBody(providerId, {
        startsOn: '2026-06-01',
        endsOn: '2026-05-31',
        fundingLines: [{ funderLevel: 'land', programme: 'KOMM-AN NRW', amountPerYear: -100 }],
      }),
    );
    expect(reply.status).toBe(400);
    expect(fieldsOf(reply.body)).toEqual(
      expect.arrayContaining([
        { path: 'body.endsOn', message: 'Das Ende liegt vor dem Beginn' },
        { path: 'body.fundingLines.0.amountPerYear', message: 'Der Betrag darf nicht negativ sein' },
      ]),
    );
    const references = await anna.post(
      '/api/measures',
      measureBody('00000000-0000-4000-8000-000000000000', { districtIds: [bezirk.Kalk, '00000000-0000-4000-8000-000000000001'] }),
    );
    expect(references.status).toBe(400);
    expect(fieldsOf(references.body)).toEqual(
      expect.arrayContaining([
        { path: 'body.providerId', message: 'unbekannter Träger' },
        { path: 'body.districtIds.1', message: 'unbekannter Stadtbezirk' },
      ]),
    );
  });

  it('refuses a changed end before the stored start, and a NUL character, as 400s naming the field', async () => {
    const created = await anna.post('/api/measures', measureBody(providerId, { title: `Väterfrühstück ${run}` }));
    const id = created.body.id as string;
    const early = await anna.put(`/api/measures/${id}`, { endsOn: '2025-12-31' });
    expect(early.status).toBe(400);
    expect(fieldsOf(early.body)).toEqual([{ path: 'body.endsOn', message: 'Das Ende liegt vor dem Beginn' }]);
    const nul = await anna.put(`/api/measures/${id}`, { description: 'Väter\u0000frühstück' });
    expect(nul.status).toBe(400);
    expect(fieldsOf(nul.body)[0]?.path).toBe('body.description');
    const changed = await anna.put(`/api/measures/${id}`, { participantsPerYear: 14 });
    expect(changed.status).toBe(200);
    const audit = await carla.get(`/api/audit?${listQuery({ entityId: id, action: 'measures.updated' })}`);
    expect(audit.body).toEqual([expect.objectContaining({ detail: { fields: ['participantsPerYear', 'updatedAt'] } })]);
  });
});

describe('the duplicate check', () => {
  it('names the demo’s women’s language café in Ehrenfeld for a new one there, with its reasons in words', async () => {
    const reply = await anna.post('/api/measures/similar', {
      title: 'Sprachcafé für Frauen in Ehrenfeld',
      description: 'Frauen üben einmal in der Woche Deutsch sprechen, mit Kinderbetreuung.',
      fieldOfAction: 'sprache-bildung',
      targetGroups: ['frauen'],
      districtIds: [stadtteil.Neuehrenfeld],
      startsOn: '2026-03-01',
    });
    expect(reply.status).toBe(200);
    const café = (reply.body as { title: string; score: number; reasons: string[] }[]).find((c) => c.title === 'Sprachcafé für Frauen');
    expect(café).toBeDefined();
    expect(café?.score).toBeGreaterThan(0);
    expect(café?.reasons).toEqual(expect.arrayContaining(['gleicher Stadtbezirk (Ehrenfeld)', 'gleiche Zielgruppe (Frauen)', 'ähnlicher Titel']));
  });

  it('answers a create with the measures it may duplicate', async () => {
    const provider = await createProvider({ districtIds: [bezirk.Chorweiler] });
    const reply = await anna.post('/api/measures', {
      title: `Gesundheitslotsinnen Chorweiler ${run}`,
      description: 'Lotsinnen informieren Familien in ihrer Sprache über Vorsorge, Impfungen und Kinderärzte und begleiten zum ersten Termin.',
      providerId: provider.id,
      fieldOfAction: 'gesundheit',
      targetGroups: ['familien', 'frauen'],
      districtIds: [bezirk.Chorweiler],
      startsOn: '2026-01-01',
    });
    expect(reply.status).toBe(201);
    const titles = (reply.body.similar as { title: string }[]).map((c) => c.title);
    expect(titles).toContain('Gesundheitslotsinnen im Kölner Norden');
  });

  it('finds nothing for an empty draft, and refuses a malformed one naming the field', async () => {
    expect((await anna.post('/api/measures/similar', {})).body).toEqual([]);
    const bad = await anna.post('/api/measures/similar', { title: 'Sprachcafé', districtIds: ['nicht-eine-id'] });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)[0]?.path).toBe('body.districtIds.0');
  });
});
