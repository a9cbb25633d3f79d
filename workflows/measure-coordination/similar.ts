import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { FieldOfAction, TargetGroup } from './vocabulary';
import { listInWords, targetGroupLabel } from './texts';
import { trigramSimilarity, trigrams } from './trigrams';

// The duplicate check: which registered measures may offer the same as the one being entered.
// A Doppelangebot is the same offer for the same people in the same place at the same time, so the
// texts decide whether two measures are alike at all, and field of action, target groups, districts
// and period how much that likeness counts: a language café in Porz is no duplicate of one in Nippes.

export interface MeasureDraft {
  /** The measure itself when it is being changed: it is no duplicate of itself. */
  id?: string;
  title: string;
  description?: string;
  providerId?: string;
  fieldOfAction?: FieldOfAction;
  targetGroups?: TargetGroup[];
  districtIds?: string[];
  startsOn?: string;
  /** Null or left out: ongoing. */
  endsOn?: string | null;
}

export interface DuplicateCandidate {
  id: string;
  title: string;
  providerId: string;
  providerName: string;
  /** 0 to 1, two decimals. */
  score: number;
  /** Why, in German words, strongest first: "gleicher Stadtbezirk (Ehrenfeld)", "ähnlicher Titel". */
  reasons: string[];
}

/** The parts a candidate's score is made of, each between 0 and 1; null where the draft does not say yet. */
export interface Likeness {
  title: number;
  description: number;
  /** The German stems of title and description the two share, over the fewer of them (stop words left out). */
  words: number;
  sameField: boolean | null;
  targetGroups: number | null;
  districts: number | null;
  period: boolean | null;
}

// Tuned on the labelled pairs (duplicate-pairs.ts), not on the demo data.
const TEXT_WEIGHTS = { title: 0.45, words: 0.35, description: 0.2 };
/** What is left of the texts' likeness for an offer in another Stadtbezirk, or at another time: little. */
const ELSEWHERE = 0.2;
const ANOTHER_TIME = 0.2;
/** For other people and in another field of action, half of it. */
const AUDIENCE_WEIGHTS = { floor: 0.5, targetGroups: 0.3, field: 0.2 };
const SIMILAR_TITLE = 0.35;
const SIMILAR_TEXT = 0.4;
/** How many measures the full-text search hands to the scoring at most, and the closest titles beside them. */
const PREFILTER = 200;
const NEAREST_TITLES = 50;

/**
 * Alike texts, scaled down by what tells two offers apart: another place, another time, other people.
 * What the draft does not say yet (no district chosen) takes nothing away.
 */
export function scoreOf(l: Likeness): number {
  const text = TEXT_WEIGHTS.title * l.title + TEXT_WEIGHTS.words * l.words + TEXT_WEIGHTS.description * l.description;
  const place = l.districts === null ? 1 : ELSEWHERE + (1 - ELSEWHERE) * l.districts;
  const time = l.period === false ? ANOTHER_TIME : 1;
  const audience =
    AUDIENCE_WEIGHTS.floor +
    AUDIENCE_WEIGHTS.targetGroups * (l.targetGroups ?? 1) +
    AUDIENCE_WEIGHTS.field * (l.sameField === null ? 1 : Number(l.sameField));
  return text * place * time * audience;
}

interface Row extends Record<string, unknown> {
  id: string;
  title: string;
  provider_id: string;
  provider_name: string;
  description: string;
  stems: string[];
  draft_stems: string[];
  field_of_action: string;
  target_groups: string[];
  district_ids: string[];
  starts_on: string | null;
  ends_on: string | null;
}

/** What a candidate shares with the draft, in the words its reasons name. */
interface Shared {
  row: Row;
  likeness: Likeness;
  groups: string[];
  districts: string[];
  sameTime: boolean;
  sameProvider: boolean;
}

function reasonsOf({ likeness, groups: shared, districts, sameTime, sameProvider }: Shared): string[] {
  const reasons: string[] = [];
  if (districts.length === 1) reasons.push(`gleicher Stadtbezirk (${districts[0]})`);
  else if (districts.length > 1) reasons.push(`gleiche Stadtbezirke (${listInWords(districts)})`);
  const groups = shared.map((g) => targetGroupLabel[g as TargetGroup] ?? g);
  if (groups.length === 1) reasons.push(`gleiche Zielgruppe (${groups[0]})`);
  else if (groups.length > 1) reasons.push(`gleiche Zielgruppen (${listInWords(groups)})`);
  if (likeness.title >= SIMILAR_TITLE) reasons.push('ähnlicher Titel');
  if (likeness.words >= SIMILAR_TEXT || likeness.description >= SIMILAR_TEXT) reasons.push('ähnliche Beschreibung');
  if (likeness.sameField) reasons.push('gleiches Handlungsfeld');
  if (sameTime) reasons.push('überschneidender Zeitraum');
  if (sameProvider) reasons.push('gleicher Träger');
  return reasons;
}

const textArray = (values: string[] | undefined) => sql`${`{${(values ?? []).map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** A draft's period is known once it has a start and its end, if any, is not before it. */
const periodKnown = (draft: MeasureDraft) => draft.startsOn !== undefined && (!draft.endsOn || draft.endsOn >= draft.startsOn);

interface Period {
  from: string | null;
  /** Its last day; null: ongoing. */
  to: string | null;
}

/** Two periods share a day. ISO dates compare as text. */
const overlaps = (a: Period, b: Period) => (a.from === null || b.to === null || a.from <= b.to) && (b.from === null || a.to === null || b.from <= a.to);

/** What two lists share, and its part of the shorter one (0 when either is empty). */
function overlap<T>(a: readonly T[], b: readonly T[]): { shared: T[]; share: number } {
  const mine = new Set(a);
  const other = new Set(b);
  const shared = [...mine].filter((x) => other.has(x));
  const fewer = Math.min(mine.size, other.size);
  return { shared, share: fewer === 0 ? 0 : shared.length / fewer };
}

/**
 * The check's query: the candidates with their texts' likeness. Place, time and people are compared
 * in the check itself: the planner reads this query at every keystroke, and planning the whole
 * comparison in SQL cost more than running it.
 */
export function similarQuery(draft: MeasureDraft, commonStems: string[]): SQL {
  const text = `${draft.title} ${draft.description ?? ''}`;
  const self = draft.id ?? null;
  return sql`
    with draft as (select tsvector_to_array(to_tsvector('german', ${text}::text)) as stems),
    telling as (
      -- any telling stem finds a candidate through the full-text index; quoted as tsquery reads a lexeme, though
      -- the German parser splits words at quotes and backslashes today
      select nullif(string_agg('''' || replace(replace(s, '\\', '\\\\'), '''', '''''') || '''', ' | '), '')::tsquery as any_stem
      from draft, unnest(draft.stems) s where s <> all(${textArray(commonStems)})
    ),
    candidates as (
      (select m.id from measures m
       where ${self}::uuid is null or m.id <> ${self}::uuid
       order by m.title <-> ${draft.title}::text
       limit ${NEAREST_TITLES})
      union
      (select m.id from measures m, telling
       where (${self}::uuid is null or m.id <> ${self}::uuid) and m.search @@ telling.any_stem
       order by ts_rank(m.search, telling.any_stem) desc
       limit ${PREFILTER})
    )
    select m.id, m.title, m.provider_id, p.name as provider_name, m.description,
      tsvector_to_array(m.search) as stems, draft.stems as draft_stems,
      m.field_of_action, m.target_groups, m.district_ids, m.starts_on::text, m.ends_on::text
    from candidates k
    join measures m on m.id = k.id
    join providers p on p.id = m.provider_id
    cross join draft
  `;
}

// A word more measures share than the check scores at once ("Angebot", "Kurs" in a large registry)
// cannot narrow the candidates down; the planner's statistics know which words those are, and they
// change only when the table is analysed.
const commonStemsQuery = sql`
  select coalesce(array_agg(e.stem), '{}') as stems
  from pg_stats s
  join pg_class c on c.relname = s.tablename and c.relnamespace = to_regnamespace(s.schemaname)
  cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(stem, freq)
  where s.schemaname = current_schema() and s.tablename = 'measures' and s.attname = 'search'
    and e.stem is not null and e.freq * c.reltuples > ${PREFILTER}`;

interface District extends Record<string, unknown> {
  id: string;
  bezirk: string;
  name: string;
  number: number | null;
}

export interface DuplicateCheck {
  /** The registered measures at or above `threshold`, most alike first, at most `limit`. */
  similar(db: DbOrTx, draft: MeasureDraft, threshold: number, limit?: number): Promise<DuplicateCandidate[]>;
  /** The words too common to find candidates by (for the bench's EXPLAIN). */
  commonStems(db: DbOrTx): Promise<string[]>;
}

/** The duplicate check of one database: it keeps the registry's common words until the table is analysed again. */
export function duplicateCheck(): DuplicateCheck {
  // pg_stats is a view that checks privileges row by row (some milliseconds); the table's row estimate,
  // which every analyse sets, tells in a fraction of that whether the words may have changed.
  let common: { stems: string[]; rows: number } | undefined;
  async function commonStems(db: DbOrTx): Promise<string[]> {
    const estimate = await db.execute<{ rows: number }>(sql`select reltuples::float8 as rows from pg_class where oid = 'measures'::regclass`);
    const rows = Number(estimate.rows[0]?.rows ?? -1);
    if (common?.rows !== rows) common = { stems: (await db.execute<{ stems: string[] }>(commonStemsQuery)).rows[0]?.stems ?? [], rows };
    return common.stems;
  }

  async function similar(db: DbOrTx, draft: MeasureDraft, threshold: number, limit = 10): Promise<DuplicateCandidate[]> {
    const stems = await commonStems(db);
    const [found, districtRows] = await Promise.all([
      db.execute<Row>(similarQuery(draft, stems)),
      // a Stadtteil counts as its Stadtbezirk: Vingst and Kalk are both Kalk
      db.execute<District>(sql`select id, coalesce(parent_id, id) as bezirk, name, number from districts`),
    ]);
    const districts = new Map(districtRows.rows.map((d) => [d.id, d]));
    const bezirkeOf = (ids: string[] | undefined) => [...new Set((ids ?? []).flatMap((id) => districts.get(id)?.bezirk ?? []))];
    const draftBezirke = bezirkeOf(draft.districtIds);
    const draftPeriod: Period | undefined = periodKnown(draft) ? { from: draft.startsOn ?? null, to: draft.endsOn ?? null } : undefined;
    const draftTitle = trigrams(draft.title);
    const draftDescription = trigrams(draft.description ?? '');
    const inListOrder = (a: District, b: District) => (a.number ?? 99) - (b.number ?? 99) || a.name.localeCompare(b.name, 'de');

    return found.rows
      .map((row): Shared & { score: number } => {
        const groups = overlap(row.target_groups, draft.targetGroups ?? []);
        const bezirke = overlap(bezirkeOf(row.district_ids), draftBezirke);
        const sameTime = draftPeriod !== undefined && overlaps({ from: row.starts_on, to: row.ends_on }, draftPeriod);
        const likeness: Likeness = {
          title: trigramSimilarity(trigrams(row.title), draftTitle),
          description: trigramSimilarity(trigrams(row.description), draftDescription),
          words: overlap(row.stems, row.draft_stems).share,
          sameField: draft.fieldOfAction ? row.field_of_action === draft.fieldOfAction : null,
          targetGroups: draft.targetGroups?.length ? groups.share : null,
          districts: draft.districtIds?.length ? bezirke.share : null,
          period: draftPeriod ? sameTime : null,
        };
        return {
          row,
          likeness,
          groups: groups.shared,
          districts: bezirke.shared.flatMap((id) => districts.get(id) ?? []).sort(inListOrder).map((d) => d.name),
          sameTime,
          sameProvider: draft.providerId !== undefined && row.provider_id === draft.providerId,
          score: scoreOf(likeness),
        };
      })
      .filter((c) => c.score >= threshold)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((c) => ({
        id: c.row.id,
        title: c.row.title,
        providerId: c.row.provider_id,
        providerName: c.row.provider_name,
        score: Math.round(c.score * 100) / 100,
        reasons: reasonsOf(c),
      }));
  }

  return { similar, commonStems };
}
