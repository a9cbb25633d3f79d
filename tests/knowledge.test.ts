import { randomUUID } from 'node:crypto';
import { knowledgeActivities, type ArchiveKnowledgeInput } from '../activities/knowledge';
import { knowledgeSources } from '../workflows/registry';
import { closeDb, createDb, type Db } from '../db/client';
import { ApiClient, listQuery } from './support/client';
import { departmentByCode, departments, type Department } from './support/consultation';
import { DEMO_PASSWORD, testStack } from './support/stack-env';
import { createStudy, evaluateWithoutConsultation } from './support/studies';

// The knowledge base as staff search it: German stemming, ranking, filters, highlighted snippets.
// Its entries come the way they come in production: an evaluated study's procedure archives it;
// the funding-call review's entry through the same activity, called here directly.

const run = randomUUID().slice(0, 8);
let anna: ApiClient;
let ben: ApiClient;
let db: Db;
let depts: Department[];
const ids = { language: '', housing: '', review: '', languageProc: '' };

interface Hit {
  id: string;
  sourceType: string;
  sourceId: string;
  title: string;
  summary: string;
  topics: string[];
  departmentIds: string[];
  year: number;
  rank: number | null;
  snippet: string;
}

const dept = (code: string) => departmentByCode(depts, code);

async function search(params: Record<string, string>): Promise<Hit[]> {
  const reply = await anna.get(`/api/knowledge?${new URLSearchParams(params)}`);
  expect(reply.status).toBe(200);
  return reply.body as Hit[];
}

/** Only this run's entries: other suites archive into the same knowledge base. */
const ours = (hits: Hit[]) => hits.map((h) => h.id).filter((id) => [ids.language, ids.housing, ids.review].includes(id));

function review(fields: Partial<ArchiveKnowledgeInput> = {}): ArchiveKnowledgeInput {
  return {
    sourceType: 'funding-review',
    sourceId: `foerderaufruf-${run}`,
    procedureId: ids.languageProc,
    title: `Förderaufruf Sprachmittlung ${run}`,
    summary: 'Gefördert werden Dolmetschdienste für <b>mehrsprachige</b> Beratung & Begleitung in Behörden.',
    body: 'Entscheidung: Antrag gestellt. Federführung: Sozialamt.',
    topics: ['Sprachmittlung'],
    departmentIds: [dept('SOZ').id],
    year: 2026,
    ...fields,
  };
}

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  ben = await ApiClient.as('ben.yilmaz@amtsflow.localhost', DEMO_PASSWORD);
  depts = await departments(anna);
  db = createDb(testStack().databaseUrl, { max: 2 });

  const language = await createStudy(anna, {
    title: `Sprachförderung in Kitas ${run}`,
    year: 2024,
    topics: ['Sprache', 'Frühe Bildung'],
  });
  ids.languageProc = await evaluateWithoutConsultation(anna, ben, language.id, {
    summary: 'Kinder, die mehrsprachig aufwachsen, profitieren von früher Förderung in der Kita.',
    keyFindings: ['Mehrsprachige Fachkräfte <script>alert(1)</script> stärken die Elternarbeit'],
    departmentIds: [dept('JUGA').id],
  });
  const housing = await createStudy(anna, { title: `Wohnungsmarkt und Zuwanderung ${run}`, year: 2023, topics: ['Wohnen'] });
  await evaluateWithoutConsultation(anna, ben, housing.id, {
    summary: 'Der angespannte Wohnungsmarkt trifft Geflüchtete besonders hart; Belegungsbindungen helfen.',
    departmentIds: [dept('WOHN').id],
  });
  const archive = knowledgeActivities({ db, knowledgeSources: Object.keys(knowledgeSources) });
  ids.review = (await archive.archiveKnowledge(review())).entryId;

  const [l] = await search({ q: `Sprachförderung ${run}` });
  const [h] = await search({ q: `Wohnungsmarkt ${run}` });
  ids.language = l?.id ?? '';
  ids.housing = h?.id ?? '';
  expect(ids.language && ids.housing).toBeTruthy();
});

afterAll(async () => {
  await closeDb(db);
});

describe('knowledge base', () => {
  it('finds "mehrsprachig" and "mehrsprachige" when asked for "Mehrsprachigkeit", ranked, and not an unrelated study', async () => {
    const reply = await anna.get(`/api/knowledge?${new URLSearchParams({ q: 'Mehrsprachigkeit' })}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-range')).toMatch(/^knowledge 0-\d+\/\d+$/);
    const hits = reply.body as Hit[];
    expect(ours(hits).sort()).toEqual([ids.language, ids.review].sort());
    expect(hits.every((h) => typeof h.rank === 'number' && h.rank > 0)).toBe(true);
    const ranks = hits.map((h) => h.rank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    expect(ours(await search({ q: 'Wohnungsmarkt' }))).toEqual([ids.housing]);
    expect(ours(await search({ q: 'Quantenphysik' }))).toEqual([]);
  });

  it('ranks a hit in the title above one in the body', async () => {
    const archive = knowledgeActivities({ db, knowledgeSources: Object.keys(knowledgeSources) });
    const inBody = await archive.archiveKnowledge(
      review({ sourceId: `body-${run}`, title: 'Förderaufruf Stadtteile', summary: 'Kurzfassung.', body: 'Es geht auch um Quartiersarbeit.' }),
    );
    const inTitle = await archive.archiveKnowledge(
      review({ sourceId: `title-${run}`, title: 'Förderaufruf Quartiersarbeit', summary: 'Kurzfassung.', body: 'Einzelheiten.' }),
    );
    const hits = (await search({ q: 'Quartiersarbeit' })).map((h) => h.id).filter((id) => [inBody.entryId, inTitle.entryId].includes(id));
    expect(hits).toEqual([inTitle.entryId, inBody.entryId]);
  });

  it('highlights the hits in the snippet, and no other markup gets through', async () => {
    const hits = await search({ q: 'Mehrsprachigkeit' });
    const language = hits.find((h) => h.id === ids.language) as Hit;
    expect(language.snippet).toMatch(/<mark>mehrsprachig<\/mark>/);
    const review = hits.find((h) => h.id === ids.review) as Hit;
    expect(review.snippet).toContain('&lt;b&gt;<mark>mehrsprachige</mark>&lt;/b&gt;');
    expect(review.snippet).toContain('&amp;');
    for (const hit of [language, review]) expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);

    const script = (await search({ q: 'Fachkräfte Elternarbeit' })).find((h) => h.id === ids.language) as Hit;
    expect(script.snippet).toContain('&lt;script&gt;');
    expect(script.snippet).not.toContain('<script');

    // Without a search: the start of the summary, escaped, unranked.
    const [listed] = (await anna.get(`/api/knowledge?${listQuery({ id: [ids.review] })}`)).body as Hit[];
    expect(listed).toMatchObject({ rank: null, snippet: expect.stringContaining('&lt;b&gt;mehrsprachige&lt;/b&gt;') });
  });

  it('filters by topic, department, year and source, alone and with a search', async () => {
    const filtered = async (filter: Record<string, unknown>) =>
      ours((await anna.get(`/api/knowledge?${listQuery(filter, [0, 499])}`)).body as Hit[]).sort();
    expect(await filtered({ topic: 'sprache' })).toEqual([ids.language]);
    expect(await filtered({ topic: 'Wohnen' })).toEqual([ids.housing]);
    expect(await filtered({ departmentId: dept('WOHN').id })).toEqual([ids.housing]);
    expect(await filtered({ departmentId: dept('SOZ').id })).toEqual([ids.review]);
    expect(await filtered({ year: 2023 })).toEqual([ids.housing]);
    expect(await filtered({ sourceType: 'funding-review', q: run })).toEqual([ids.review]);
    expect(await filtered({ q: 'Mehrsprachigkeit', year: 2024 })).toEqual([ids.language]);
    expect(await filtered({ q: 'Mehrsprachigkeit', sourceType: 'study' })).toEqual([ids.language]);
    expect(await filtered({ q: 'Mehrsprachigkeit', topic: 'Wohnen' })).toEqual([]);

    const page = await anna.get(`/api/knowledge?${listQuery({ q: run }, [0, 1], ['year', 'ASC'])}`);
    expect(page.headers.get('content-range')).toBe('knowledge 0-1/3');
    expect((page.body as Hit[]).map((h) => h.year)).toEqual([2023, 2024]);
  });

  it('answers bad parameters with a 400 naming them', async () => {
    const cases: [string, string][] = [
      [listQuery({ year: 'zwanzig' }), 'query.filter.year'],
      [listQuery({ year: 2024.5 }), 'query.filter.year'],
      [listQuery({ departmentId: 'Jugendamt' }), 'query.filter.departmentId'],
      [listQuery({ sourceType: 'measure' }), 'query.filter.sourceType'],
      [listQuery({ author: 'Müller' }), 'query.filter.author'],
      [listQuery({ q: '' }), 'query.filter.q'],
      [new URLSearchParams({ q: 'x'.repeat(201) }).toString(), 'query.q'],
      [new URLSearchParams({ sort: '["score","DESC"]' }).toString(), 'query.sort.0'],
      [new URLSearchParams({ range: '[0' }).toString(), 'query.range'],
      [new URLSearchParams({ q: 'Sprache', filter: '{"q":"Wohnen"}' }).toString(), 'query.q'],
    ];
    for (const [params, path] of cases) {
      const reply = await anna.get(`/api/knowledge?${params}`);
      expect({ params, status: reply.status }).toEqual({ params, status: 400 });
      expect({ params, paths: reply.body.error.fields.map((f: { path: string }) => f.path) }).toEqual({ params, paths: expect.arrayContaining([path]) });
    }
    // Search syntax people type is never an error: quotes, OR, a minus, stray symbols.
    for (const q of ['"frühe Förderung"', 'Kita OR Schule', 'Sprache -Wohnen', '!!&|:*(']) {
      expect((await anna.get(`/api/knowledge?${new URLSearchParams({ q })}`)).status).toBe(200);
    }
    expect((await anna.get(`/api/knowledge/${randomUUID()}`)).status).toBe(404);
    expect((await new ApiClient().get('/api/knowledge?q=Sprache')).status).toBe(401);
  });

  it('archives a source once: archiving it again replaces its entry', async () => {
    const archive = knowledgeActivities({ db, knowledgeSources: Object.keys(knowledgeSources) });
    const again = await archive.archiveKnowledge(review({ summary: 'Neu bewertet: Sprachmittlung wird verstetigt.', year: 2027 }));
    expect(again.entryId).toBe(ids.review);
    const hits = await search({ q: `Sprachmittlung ${run}` });
    expect(hits.map((h) => [h.id, h.summary, h.year])).toEqual([[ids.review, 'Neu bewertet: Sprachmittlung wird verstetigt.', 2027]]);
    // The old text is no longer found.
    expect(ours(await search({ q: `Dolmetschdienste ${run}` }))).toEqual([]);

    await expect(archive.archiveKnowledge(review({ departmentIds: ['Jugendamt'] }))).rejects.toThrow(/Wissensspeicher/);
  });
});
