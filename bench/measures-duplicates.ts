import { sql } from 'drizzle-orm';
import { closeDb, createDb } from '../db/client';
import { DEMO_PASSWORD } from '../db/seed';
import { ApiClient, listQuery } from '../tests/support/client';
import { labelledPairs, type LabelledMeasure } from '../workflows/measure-coordination/duplicate-pairs';
import { duplicateCheck, type MeasureDraft, similarQuery } from '../workflows/measure-coordination/similar';
import { runBench, withBenchStack } from './bench-stack';
import { fmt, latency, timed } from './stats';

// `npm run bench:measures`: the duplicate check (POST /api/measures/similar) as a clerk meets it
// while typing — its latency with the demo's 43 measures (the baseline) and with 10 000, and the
// labelled pairs' precision and recall in the full registry, where every other measure competes.

const MEASURES = Number(process.env.BENCH_MEASURES ?? 10_000);
const SAMPLES = Number(process.env.BENCH_MEASURES_REQUESTS ?? 200);
const THRESHOLD = Number(process.env.MEASURE_DUPLICATE_THRESHOLD ?? 0.3);
const WARMUP = Math.ceil(SAMPLES / 10);
const STAFF = 'anna.schmidt@amtsflow.localhost';

// Offers as the city's providers word them: combined, they make thousands of distinct measures that
// share words, fields and districts with the labelled ones, as a real registry would.
const OFFERS = [
  'Sprachcafé', 'Deutschkurs', 'Hausaufgabenhilfe', 'Elterncafé', 'Beratung zu Arbeit und Beruf', 'Nähcafé', 'Lernpatenschaften',
  'Frauenfrühstück', 'Bewerbungstraining', 'Integrationslotsen', 'Schwimmkurs', 'Theatergruppe', 'Fußballtreff', 'Gesundheitslotsen',
  'Mietberatung', 'Computerkurs', 'Alphabetisierungskurs', 'Nachbarschaftstreff', 'Kulturdolmetscher', 'Seniorentreff',
];
const AUDIENCES = ['für Frauen', 'für Jugendliche', 'für Familien', 'für Neuzugewanderte', 'für Eltern', 'für Seniorinnen und Senioren', 'für Geflüchtete', 'für Kinder'];
const FIELDS = ['sprache-bildung', 'arbeit-ausbildung', 'gesundheit', 'wohnen-quartier', 'kultur-sport', 'teilhabe-partizipation', 'beratung'];
const GROUPS = ['frauen', 'jugendliche', 'familien', 'neuzugewanderte', 'eltern', 'seniorinnen-senioren', 'gefluechtete', 'kinder'];

type Body = Record<string, unknown>;

/** A text[] literal of bound values (drizzle spreads a bare array into a row of parameters). */
const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

async function main() {
  await withBenchStack('measures', {
    // The bench registers pairs that are duplicates: no coordination is to start by itself.
    MEASURE_COORDINATION_THRESHOLD: '2',
  }, async (stack) => {
    const anna = await ApiClient.as(STAFF, DEMO_PASSWORD, stack.apiUrl);
    const all = (await anna.get(`/api/districts?${listQuery({}, [0, 199])}`)).body as { id: string; name: string; kind: string; parentId: string | null }[];
    const bezirkName = new Map(all.filter((d) => d.kind === 'stadtbezirk').map((d) => [d.id, d.name]));
    const districtIds = new Map(all.map((d) => [d.kind === 'stadtbezirk' ? d.name : `${bezirkName.get(d.parentId ?? '')}/${d.name}`, d.id]));
    const bodyOf = (m: LabelledMeasure): Body => ({
      title: m.title,
      description: m.description,
      fieldOfAction: m.field,
      targetGroups: m.groups,
      districtIds: m.districts.map((d) => districtIds.get(d) as string),
      startsOn: m.from,
      endsOn: m.to,
    });
    const drafts = labelledPairs.map((p) => bodyOf(p.entered));
    const check = async (body: Body) => {
      const reply = await anna.post('/api/measures/similar', body);
      if (reply.status !== 200) throw new Error(`similar: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body as { id: string; score: number }[];
    };
    const sample = async (of: (i: number) => Body = (i) => drafts[i % drafts.length] as Body) => {
      // unmeasured first: the API's compiled code and the index pages warm, as in a clerk's day
      for (let i = 0; i < WARMUP; i += 1) await check(of(i));
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) samples.push(await timed(() => check(of(i))));
      return latency(samples);
    };

    const db = createDb(stack.databaseUrl, { max: 2 });
    const countMeasures = async () => (await db.execute<{ count: number }>(sql`select count(*)::int as count from measures`)).rows[0]?.count ?? 0;
    const demo = await countMeasures();
    console.log(`POST /api/measures/similar with the demo's ${demo} measures (n=${SAMPLES}) …`);
    const baseline = await sample();
    // An empty draft is answered before any query: the request's floor (session, validation, HTTP).
    const floor = await sample(() => ({ title: '', description: '' }));

    console.log(`registering ${MEASURES} measures …`);
    const bezirke = [...bezirkName.keys()];
    await db.execute(sql`
      insert into measures (title, description, provider_id, field_of_action, target_groups, district_ids, starts_on, ends_on, participants_per_year)
      select o.offers[1 + i % array_length(o.offers, 1)] || ' ' || o.audiences[1 + (i / 20) % array_length(o.audiences, 1)] || ' ' || (i / 160),
             'Ein Angebot im Quartier, Nummer ' || i || ': ' || o.offers[1 + (i * 7) % array_length(o.offers, 1)] || ' mit Kinderbetreuung.',
             (select id from providers order by name offset i % (select count(*) from providers) limit 1),
             o.fields[1 + i % array_length(o.fields, 1)],
             array[o.groups[1 + (i / 20) % array_length(o.groups, 1)]],
             array[o.bezirke[1 + (i * 3) % array_length(o.bezirke, 1)]]::uuid[],
             date '2020-01-01' + (i % 1500),
             case when i % 3 = 0 then null else date '2020-01-01' + (i % 1500) + 365 + (i % 700) end,
             10 + i % 90
      from generate_series(1, ${MEASURES}) i,
           (select ${textArray(OFFERS)} offers, ${textArray(AUDIENCES)} audiences, ${textArray(FIELDS)} fields, ${textArray(GROUPS)} groups,
                   ${textArray(bezirke)} bezirke) o`);
    await db.execute(sql`analyze measures`);
    const count = await countMeasures();
    // BENCH_EXPLAIN=1: where the query's time goes, for the first labelled draft, as PostgreSQL sees it.
    if (process.env.BENCH_EXPLAIN) {
      const plan = await db.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${similarQuery(drafts[0] as unknown as MeasureDraft, await duplicateCheck().commonStems(db))}`);
      for (const row of plan.rows) console.log(row['QUERY PLAN']);
    }

    console.log(`POST /api/measures/similar with ${count} measures (n=${SAMPLES}) …`);
    const full = await sample();
    // The same check without HTTP, session and validation: what of the request's time is the database's.
    const direct = duplicateCheck();
    const inProcess: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const draft = drafts[i % drafts.length] as unknown as MeasureDraft;
      inProcess.push(await timed(() => direct.similar(db, draft, THRESHOLD)));
    }
    const queries = latency(inProcess);
    await closeDb(db);

    // Each pair's existing measure among all the others: is it named for a duplicate, and silent for a look-alike?
    const provider = (await anna.post('/api/providers', { name: 'Bench-Träger Dublettenprüfung', kind: 'sonstige' })).body as { id: string };
    let truePositives = 0;
    let flagged = 0;
    for (const pair of labelledPairs) {
      const existing = (await anna.post('/api/measures', { ...bodyOf(pair.existing), providerId: provider.id })).body as { id: string };
      const found = (await check(bodyOf(pair.entered))).some((c) => c.id === existing.id);
      if (found) flagged += 1;
      if (found && pair.duplicate) truePositives += 1;
      await anna.delete(`/api/measures/${existing.id}`);
    }
    const duplicates = labelledPairs.filter((p) => p.duplicate).length;

    console.log('');
    console.log(`duplicate check (threshold ${THRESHOLD}), ${labelledPairs.length} labelled pairs in a registry of ${count}:`);
    console.log(`  precision ${(flagged === 0 ? 0 : truePositives / flagged).toFixed(2)}, recall ${(truePositives / duplicates).toFixed(2)}`);
    console.log(`latency of POST /api/measures/similar, as the clerk's browser waits for it:`);
    console.log(`  ${demo} measures (baseline):  p50 ${fmt(baseline.p50)}, p99 ${fmt(baseline.p99)} (n=${baseline.n})`);
    console.log(`  ${count} measures:       p50 ${fmt(full.p50)}, p99 ${fmt(full.p99)} (n=${full.n}); goal p99 < 50 ms`);
    console.log(`  ratio p99 ${(full.p99 / baseline.p99).toFixed(2)}× the baseline`);
    console.log(`  an empty draft, answered without a query (the floor): p50 ${fmt(floor.p50)}, p99 ${fmt(floor.p99)}`);
    console.log(`  of it the check's queries (in process, ${count} measures): p50 ${fmt(queries.p50)}, p99 ${fmt(queries.p99)}`);
  });
}

runBench(main);
