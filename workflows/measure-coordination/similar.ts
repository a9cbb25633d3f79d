import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { FieldOfAction, TargetGroup } from './vocabulary';
import { listInWords, targetGroupLabel } from './texts';

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
  title_sim: number;
  description_sim: number;
  words: number;
  same_field: boolean;
  shared_groups: string[];
  target_overlap: number;
  shared_districts: string[];
  district_overlap: number;
  same_time: boolean;
  same_provider: boolean;
}

function reasonsOf(row: Row): string[] {
  const reasons: string[] = [];
  const districts = row.shared_districts;
  if (districts.length === 1) reasons.push(`gleicher Stadtbezirk (${districts[0]})`);
  else if (districts.length > 1) reasons.push(`gleiche Stadtbezirke (${listInWords(districts)})`);
  const groups = row.shared_groups.map((g) => targetGroupLabel[g as TargetGroup] ?? g);
  if (groups.length === 1) reasons.push(`gleiche Zielgruppe (${groups[0]})`);
  else if (groups.length > 1) reasons.push(`gleiche Zielgruppen (${listInWords(groups)})`);
  if (row.title_sim >= SIMILAR_TITLE) reasons.push('ähnlicher Titel');
  if (row.words >= SIMILAR_TEXT || row.description_sim >= SIMILAR_TEXT) reasons.push('ähnliche Beschreibung');
  if (row.same_field) reasons.push('gleiches Handlungsfeld');
  if (row.same_time) reasons.push('überschneidender Zeitraum');
  if (row.same_provider) reasons.push('gleicher Träger');
  return reasons;
}

const textArray = (values: string[] | undefined) => sql`${`{${(values ?? []).map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
const uuidArray = (values: string[] | undefined) => sql`${`{${(values ?? []).join(',')}}`}::uuid[]`;

/** A draft's period is known once it has a start and its end, if any, is not before it. */
const periodKnown = (draft: MeasureDraft) => draft.startsOn !== undefined && (!draft.endsOn || draft.endsOn >= draft.startsOn);

/** The check's query: every candidate with the parts of its likeness (exported for the bench's EXPLAIN). */
export function similarQuery(draft: MeasureDraft): SQL {
  const text = `${draft.title} ${draft.description ?? ''}`;
  // A period's end is its last day; daterange's upper bound is exclusive. A draft whose end is still
  // typed before its start has no period yet.
  const period = periodKnown(draft) ? sql`daterange(${draft.startsOn}::date, ${draft.endsOn ?? null}::date + 1, '[)')` : sql`null::daterange`;
  return sql`
    with draft as (
      select
        tsvector_to_array(to_tsvector('german', ${text}::text)) as stems,
        -- a Stadtteil counts as its Stadtbezirk: Vingst and Kalk are both Kalk
        array(select distinct coalesce(d.parent_id, d.id) from districts d where d.id = any(${uuidArray(draft.districtIds)})) as bezirke,
        ${textArray(draft.targetGroups)} as groups,
        ${period} as span
    ),
    -- A word more measures share than the check scores at once ("Angebot", "Kurs" in a large registry)
    -- cannot narrow the candidates down; the planner's statistics already know which words those are.
    common as (
      select coalesce(array_agg(e.stem), '{}') as stems
      from pg_stats s
      join pg_class c on c.relname = s.tablename and c.relnamespace = to_regnamespace(s.schemaname)
      cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(stem, freq)
      where s.schemaname = current_schema() and s.tablename = 'measures' and s.attname = 'search'
        and e.stem is not null and e.freq * c.reltuples > ${PREFILTER}
    ),
    telling as (
      -- any telling stem finds a candidate through the full-text index; quoted as tsquery reads a lexeme, though
      -- the German parser splits words at quotes and backslashes today
      select nullif((
        select string_agg('''' || replace(replace(s, '\\', '\\\\'), '''', '''''') || '''', ' | ')
        from unnest(draft.stems) s where s <> all(common.stems)
      ), '')::tsquery as any_stem
      from draft, common
    ),
    candidates as (
      (select m.id from measures m
       where ${draft.id ?? null}::uuid is null or m.id <> ${draft.id ?? null}::uuid
       order by m.title <-> ${draft.title}::text
       limit ${NEAREST_TITLES})
      union
      (select m.id from measures m, telling
       where (${draft.id ?? null}::uuid is null or m.id <> ${draft.id ?? null}::uuid) and m.search @@ telling.any_stem
       order by ts_rank(m.search, telling.any_stem) desc
       limit ${PREFILTER})
    ),
    found as (
      select m.*, tsvector_to_array(m.search) as stems,
        array(select distinct coalesce(d.parent_id, d.id) from districts d where d.id = any(m.district_ids)) as bezirke,
        similarity(m.title, ${draft.title}::text) as title_sim
      from candidates k join measures m on m.id = k.id
    )
    select f.id, f.title, f.provider_id, p.name as provider_name, f.title_sim,
      case when ${draft.description ?? ''}::text = '' or f.description = '' then 0
           else similarity(f.description, ${draft.description ?? ''}::text) end as description_sim,
      coalesce((select count(*) from unnest(f.stems) s where s = any(draft.stems))::float
        / nullif(least(cardinality(f.stems), cardinality(draft.stems)), 0), 0) as words,
      (f.field_of_action = ${draft.fieldOfAction ?? null}::text) is true as same_field,
      array(select g from unnest(f.target_groups) g where g = any(draft.groups)) as shared_groups,
      coalesce((select count(*) from unnest(f.target_groups) g where g = any(draft.groups))::float
        / nullif(least(cardinality(f.target_groups), cardinality(draft.groups)), 0), 0) as target_overlap,
      array(select d.name from districts d where d.id = any(f.bezirke) and d.id = any(draft.bezirke) order by d.number, d.name) as shared_districts,
      coalesce((select count(distinct b) from unnest(f.bezirke) b where b = any(draft.bezirke))::float
        / nullif(least(cardinality(f.bezirke), cardinality(draft.bezirke)), 0), 0) as district_overlap,
      coalesce(daterange(f.starts_on, f.ends_on + 1, '[)') && draft.span, false) as same_time,
      (f.provider_id = ${draft.providerId ?? null}::uuid) is true as same_provider
    from found f
    join providers p on p.id = f.provider_id
    cross join draft
  `;
}

/** The registered measures at or above `threshold`, most alike first, at most `limit`. */
export async function similarMeasures(db: DbOrTx, draft: MeasureDraft, threshold: number, limit = 10): Promise<DuplicateCandidate[]> {
  const known = periodKnown(draft);
  const result = await db.execute<Row>(similarQuery(draft));
  return result.rows
    .map((row) => {
      const likeness: Likeness = {
        title: Number(row.title_sim),
        description: Number(row.description_sim),
        words: Number(row.words),
        sameField: draft.fieldOfAction ? row.same_field === true : null,
        targetGroups: draft.targetGroups?.length ? Number(row.target_overlap) : null,
        districts: draft.districtIds?.length ? Number(row.district_overlap) : null,
        period: known ? row.same_time === true : null,
      };
      return { row, score: scoreOf(likeness) };
    })
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ row, score }) => ({
      id: row.id,
      title: row.title,
      providerId: row.provider_id,
      providerName: row.provider_name,
      score: Math.round(score * 100) / 100,
      reasons: reasonsOf(row),
    }));
}

