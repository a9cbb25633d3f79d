import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { esc } from '../../answers/html';
import type { Db } from '../../db/client';
import { knowledgeEntries } from '../../db/schema';
import { knowledgeSources } from '../../workflows/registry';
import { HttpError } from '../errors';
import { idsFilter, listQuerySchema, pageOf, sendList } from '../list-query';
import { idParams, type Api } from '../route';

// The stored text is escaped before PostgreSQL cuts the snippet, so <mark> is the only markup a
// snippet carries (ts_headline keeps entities as they are; it would drop a raw tag from the text).
const HEADLINE_OPTIONS = 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';
const escapedSql = (text: SQL) => sql`replace(replace(replace(${text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
const PREVIEW_CHARS = 240;

const knowledgeSourceTypes = Object.keys(knowledgeSources) as [string, ...string[]];

const searchText = z.string().trim().min(1, 'ein Suchbegriff').max(200, 'höchstens 200 Zeichen');

const knowledgeFilter = z.strictObject({
  id: idsFilter,
  q: searchText.optional(),
  topic: z.string().trim().min(1).max(60).optional(),
  departmentId: z.uuid('keine gültige Dienststellen-ID').optional(),
  year: z.number({ error: 'eine Jahreszahl' }).int('eine ganze Jahreszahl').min(1900).max(2200).optional(),
  sourceType: z.enum(knowledgeSourceTypes).optional(),
});

const sortable = {
  rank: null,
  archivedAt: knowledgeEntries.archivedAt,
  title: knowledgeEntries.title,
  year: knowledgeEntries.year,
  sourceType: knowledgeEntries.sourceType,
  id: knowledgeEntries.id,
};

const knowledgeQuery = listQuerySchema(sortable, knowledgeFilter).extend({
  /** The search as a plain parameter (?q=…); react-admin sends it in filter.q. */
  q: searchText.optional().meta({
    description: 'Suchbegriff (wie filter.q). Geschäftsregeln (bei Verstoß 400): mit filter.q zusammen nur derselbe Begriff',
  }),
});

const entryFields = {
  id: z.string(),
  sourceType: z.enum(knowledgeSourceTypes),
  sourceId: z.string(),
  procedureId: z.string(),
  title: z.string(),
  summary: z.string(),
  topics: z.array(z.string()),
  departmentIds: z.array(z.string()),
  year: z.number(),
  archivedAt: z.date(),
};

export const knowledgeHitSchema = z
  .object({
    ...entryFields,
    /** ts_rank_cd of the search; null without one. */
    rank: z.number().nullable(),
    /** HTML for element content: the escaped text, the hits in <mark>…</mark>. */
    snippet: z.string(),
  })
  .meta({ id: 'KnowledgeHit' });

export const knowledgeEntrySchema = z.object({ ...entryFields, body: z.string() }).meta({ id: 'KnowledgeEntry' });

const columns = {
  id: knowledgeEntries.id,
  sourceType: knowledgeEntries.sourceType,
  sourceId: knowledgeEntries.sourceId,
  procedureId: knowledgeEntries.procedureId,
  title: knowledgeEntries.title,
  summary: knowledgeEntries.summary,
  topics: knowledgeEntries.topics,
  departmentIds: knowledgeEntries.departmentIds,
  year: knowledgeEntries.year,
  archivedAt: knowledgeEntries.archivedAt,
};

function preview(summary: string): string {
  return esc(summary.length <= PREVIEW_CHARS ? summary : `${summary.slice(0, PREVIEW_CHARS).trimEnd()} …`);
}

/** The knowledge base: evaluated studies and closed funding reviews, searched in German. */
export function knowledgeRoutes(api: Api, db: Db) {
  api.route({
    method: 'get',
    path: '/api/knowledge',
    summary: 'Wissensspeicher durchsuchen (Volltext auf Deutsch, gefiltert nach Thema, Dienststelle, Jahr, Quelle)',
    tag: 'knowledge',
    access: 'user',
    query: knowledgeQuery,
    response: z.array(knowledgeHitSchema),
    async handler({ query, res }) {
      const f = query.filter ?? {};
      if (query.q && f.q && query.q !== f.q) {
        throw HttpError.badRequest('Zwei verschiedene Suchbegriffe', [{ path: 'query.q', message: 'entweder ?q= oder filter.q' }]);
      }
      const q = query.q ?? f.q;
      // websearch syntax: "genaue Wendung", oder, -ausschließen; never a syntax error for what people type.
      const tsQuery = q ? sql`websearch_to_tsquery('german', ${q})` : undefined;
      const where: (SQL | undefined)[] = [
        tsQuery ? sql`${knowledgeEntries.search} @@ ${tsQuery}` : undefined,
        f.id ? inArray(knowledgeEntries.id, f.id) : undefined,
        f.topic
          ? sql`exists (select 1 from unnest(${knowledgeEntries.topics}) t where lower(t) = lower(${f.topic}))`
          : undefined,
        f.departmentId ? sql`${knowledgeEntries.departmentIds} @> array[${f.departmentId}]::uuid[]` : undefined,
        f.year !== undefined ? eq(knowledgeEntries.year, f.year) : undefined,
        f.sourceType ? eq(knowledgeEntries.sourceType, f.sourceType) : undefined,
      ];
      const rank = tsQuery ? sql<number>`ts_rank_cd(${knowledgeEntries.search}, ${tsQuery})` : sql<null>`null::real`;
      const text = escapedSql(sql`${knowledgeEntries.summary} || E'\n' || ${knowledgeEntries.body}`);
      const headline = tsQuery ? sql<string>`ts_headline('german', ${text}, ${tsQuery}, ${HEADLINE_OPTIONS})` : sql<null>`null`;

      const [field, direction] = query.sort ?? [tsQuery ? 'rank' : 'archivedAt', 'DESC'];
      const byField = field === 'rank' ? (tsQuery ? rank : knowledgeEntries.archivedAt) : sortable[field as keyof typeof sortable];
      const order = direction === 'ASC' ? asc(byField ?? knowledgeEntries.archivedAt) : desc(byField ?? knowledgeEntries.archivedAt);

      const { offset, limit } = pageOf(query);
      const condition = and(...where);
      const [rows, [total]] = await Promise.all([
        db
          .select({ ...columns, rank, headline })
          .from(knowledgeEntries)
          .where(condition)
          .orderBy(order, desc(knowledgeEntries.archivedAt), asc(knowledgeEntries.id))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(knowledgeEntries).where(condition),
      ]);
      const hits = rows.map(({ headline: h, ...row }) => ({
        ...row,
        rank: row.rank === null ? null : Number(row.rank),
        snippet: h ?? preview(row.summary),
      }));
      return sendList(res, 'knowledge', hits, total?.n ?? 0, offset);
    },
  });

  api.route({
    method: 'get',
    path: '/api/knowledge/:id',
    summary: 'Ein Eintrag des Wissensspeichers mit dem ganzen Text',
    tag: 'knowledge',
    access: 'user',
    params: idParams,
    response: knowledgeEntrySchema,
    async handler({ params }) {
      const [row] = await db
        .select({ ...columns, body: knowledgeEntries.body })
        .from(knowledgeEntries)
        .where(eq(knowledgeEntries.id, params.id));
      if (!row) throw HttpError.notFound('Eintrag im Wissensspeicher');
      return row;
    },
  });
}
