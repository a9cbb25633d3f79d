import { sql } from 'drizzle-orm';
import { readSettings } from '../../config/settings';
import { closeDb, createDb } from '../../db/client';
import { ApiClient, listQuery } from '../../tests/support/client';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';
import { labelledPairs, type LabelledMeasure } from './duplicate-pairs';
import { settings } from './settings';
import { trigramSimilarity, trigrams } from './trigrams';

// The duplicate check against the office's own judgement: every labelled pair's existing measure is
// registered, its entered one checked as a clerk would type it, and the check is right where it names
// the existing measure for a duplicate and stays silent for a pair that only looks alike.

const run = Date.now().toString(36);
let anna: ApiClient;
let districtIds: Map<string, string>;
let providerId: string;

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
  const all = (await anna.get(`/api/districts?${listQuery({}, [0, 199])}`)).body as { id: string; name: string; kind: string; parentId: string | null }[];
  const bezirkName = new Map(all.filter((d) => d.kind === 'stadtbezirk').map((d) => [d.id, d.name]));
  districtIds = new Map(all.map((d) => [d.kind === 'stadtbezirk' ? d.name : `${bezirkName.get(d.parentId ?? '')}/${d.name}`, d.id]));
  const provider = await anna.post('/api/providers', { name: `Prüfträger Dublettenprüfung ${run}`, kind: 'sonstige' });
  providerId = provider.body.id as string;
});

function bodyOf(m: LabelledMeasure) {
  return {
    title: m.title,
    description: m.description,
    fieldOfAction: m.field,
    targetGroups: m.groups,
    districtIds: m.districts.map((d) => {
      const id = districtIds.get(d);
      if (!id) throw new Error(`the labelled set names an unknown district: ${d}`);
      return id;
    }),
    startsOn: m.from,
    endsOn: m.to,
  };
}

it('holds at least 30 labelled pairs, duplicates and look-alikes both', () => {
  expect(labelledPairs.length).toBeGreaterThanOrEqual(30);
  expect(labelledPairs.filter((p) => p.duplicate).length).toBeGreaterThanOrEqual(10);
  expect(labelledPairs.filter((p) => !p.duplicate).length).toBeGreaterThanOrEqual(10);
});

it('finds the duplicates with precision and recall of at least 0.8 at the configured threshold', async () => {
  const threshold = readSettings(settings, {}).value?.duplicateThreshold;
  const outcomes: { duplicate: boolean; found: boolean; score: number | null; why: string }[] = [];
  for (const pair of labelledPairs) {
    const existing = await anna.post('/api/measures', { ...bodyOf(pair.existing), providerId });
    expect(existing.status).toBe(201);
    const reply = await anna.post('/api/measures/similar', bodyOf(pair.entered));
    expect(reply.status).toBe(200);
    const hit = (reply.body as { id: string; score: number }[]).find((c) => c.id === existing.body.id);
    outcomes.push({ duplicate: pair.duplicate, found: hit !== undefined, score: hit?.score ?? null, why: pair.why });
    // The next pair's check must not meet this pair's measure.
    expect((await anna.delete(`/api/measures/${existing.body.id as string}`)).status).toBe(200);
  }
  const truePositives = outcomes.filter((o) => o.duplicate && o.found).length;
  const flagged = outcomes.filter((o) => o.found).length;
  const duplicates = outcomes.filter((o) => o.duplicate).length;
  const precision = flagged === 0 ? 0 : truePositives / flagged;
  const recall = truePositives / duplicates;
  const wrong = outcomes.filter((o) => o.duplicate !== o.found).map((o) => `${o.duplicate ? 'missed' : 'flagged'}: ${o.why} (${o.score ?? 'below'})`);
  console.log(`duplicate check at threshold ${threshold}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} over ${outcomes.length} pairs${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}`);
  expect({ precision: precision >= 0.8, recall: recall >= 0.8, wrong }).toMatchObject({ precision: true, recall: true });
}, 300_000);

it('finds a measure whose texts hold quotes and backslashes, and answers such a draft without an error', async () => {
  const measure = {
    title: `Café d'Europe ${run}: Sprach\\treff im Veedel`,
    description: `„Kumm’ eren“ – O'Brien's Lern-\\Café für Neuzugewanderte, '' und \\' inklusive`,
    fieldOfAction: 'sprache-bildung',
    targetGroups: ['neuzugewanderte'],
    districtIds: [districtIds.get('Nippes') as string],
    startsOn: '2026-01-01',
  };
  const existing = await anna.post('/api/measures', { ...measure, providerId });
  expect({ status: existing.status, body: existing.status === 201 ? null : existing.body }).toEqual({ status: 201, body: null });
  try {
    const reply = await anna.post('/api/measures/similar', measure);
    expect(reply.status).toBe(200);
    expect((reply.body as { id: string }[]).map((c) => c.id)).toContain(existing.body.id);
  } finally {
    await anna.delete(`/api/measures/${existing.body.id as string}`);
  }
});

it('computes the texts\' likeness as the database\'s pg_trgm does, umlauts, accents and digits included', async () => {
  const pairs: [string, string][] = [
    ['Sprachcafé für Frauen', 'Sprachcafés für Frauen in Ehrenfeld'],
    ['Straße der Begegnung: Müttertreff ÄÖÜ', 'Strassen-Treff für Mütter'],
    ['Deutschkurs B1 (2026) – Abendkurs', 'deutschkurs b2 2027 abendkurs'],
    ['İstanbul-Café Köln', 'istanbul cafe koeln'],
    ['…', 'Hausaufgabenhilfe'],
    ['', ''],
    ...labelledPairs.slice(0, 8).map((p): [string, string] => [p.existing.description, p.entered.description]),
  ];
  const db = createDb(testStack().databaseUrl, { max: 1 });
  try {
    for (const [a, b] of pairs) {
      const [row] = (await db.execute<{ sim: number }>(sql`select similarity(${a}::text, ${b}::text)::float8 as sim`)).rows;
      expect({ a, b, sim: trigramSimilarity(trigrams(a), trigrams(b)) }).toEqual({ a, b, sim: expect.closeTo(Number(row?.sim), 6) });
    }
  } finally {
    await closeDb(db);
  }
});
