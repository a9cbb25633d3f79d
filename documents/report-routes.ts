import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { HttpError } from '../api/errors';
import { idsFilter, listQuerySchema, orderOf, pageOf, sendList } from '../api/list-query';
import { idParams, type Api } from '../api/route';
import type { Db } from '../db/client';
import type { ReportKind, StoredReport } from './report-store';

// The routes of every module's published reports: the list, one report, and each as HTML or PDF
// download. A module names its resource, its period (the quarter, the year) and its file names.

export interface ReportRoutesSpec<R extends StoredReport> {
  kind: ReportKind;
  /** The OpenAPI tag and the schema's id: `monitoring`, `MonitoringReport`. */
  tag: string;
  schemaId: string;
  /** German, for the API document: "Veröffentlichte Berichte des Integrationsmonitorings". */
  listSummary: string;
  /** The period's type in answers and in the list's filter. */
  period: z.ZodType;
  periodFilter: z.ZodType;
  /** The PDF's file name; the HTML's is the same with `.html`. */
  fileName(report: R): string;
}

export function reportRoutes<R extends StoredReport>(api: Api, db: Db, spec: ReportRoutesSpec<R>): void {
  const { table, periodColumn, periodKey, resource } = spec.kind;
  const path = `/api/${resource}`;
  const columns = {
    id: table.id,
    [periodKey]: periodColumn,
    title: table.title,
    summary: table.summary,
    procedureId: table.procedureId,
    pdfSize: table.pdfSize,
    approvedBy: table.approvedBy,
    createdAt: table.createdAt,
    publishedAt: table.publishedAt,
  };
  const schema = z
    .object({
      id: z.string(),
      [periodKey]: spec.period,
      title: z.string(),
      summary: z.string(),
      procedureId: z.string(),
      pdfSize: z.number().nullable(),
      approvedBy: z.string().nullable(),
      createdAt: z.date(),
      publishedAt: z.date().nullable(),
    })
    .meta({ id: spec.schemaId });
  const filter = z.strictObject({ id: idsFilter, [periodKey]: spec.periodFilter.optional() });

  // Only published reports: a draft between approval and printing is nobody's reading yet.
  const published = isNotNull(table.publishedAt);

  async function load(id: string): Promise<R> {
    const [row] = (await db.select().from(table).where(and(eq(table.id, id), published))) as R[];
    if (!row) throw HttpError.notFound('Bericht');
    return row;
  }

  api.route({
    method: 'get',
    path,
    summary: spec.listSummary,
    tag: spec.tag,
    access: 'user',
    query: listQuerySchema(columns, filter),
    response: z.array(schema),
    async handler({ query, res }) {
      const wanted = (query.filter as Record<string, unknown> | undefined)?.[periodKey];
      const where = and(published, wanted !== undefined ? eq(periodColumn, wanted) : undefined);
      const { offset, limit } = pageOf(query);
      const [rows, [total]] = await Promise.all([
        db.select(columns).from(table).where(where).orderBy(...orderOf(columns, query.sort, desc(periodColumn), table.id)).limit(limit).offset(offset),
        db.select({ n: count() }).from(table).where(where),
      ]);
      return sendList(res, resource, rows, total?.n ?? 0, offset);
    },
  });

  api.route({
    method: 'get',
    path: `${path}/:id`,
    summary: 'Ein Bericht',
    tag: spec.tag,
    access: 'user',
    params: idParams,
    response: schema,
    handler: async ({ params }) => {
      const { html: _html, pdf: _pdf, ...row } = await load(params.id);
      return row;
    },
  });

  api.route({
    method: 'get',
    path: `${path}/:id/html`,
    summary: 'Bericht als HTML herunterladen',
    tag: spec.tag,
    access: 'user',
    params: idParams,
    response: z.string(),
    responseType: 'text/html',
    async handler({ params, res }) {
      const report = await load(params.id);
      res.attachment(spec.fileName(report).replace(/\.pdf$/, '.html'));
      // Our own markup with inline SVG; no script may run from it under the console's origin.
      res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:", 'Cache-Control': 'private, no-store' });
      res.status(200).end(report.html);
    },
  });

  api.route({
    method: 'get',
    path: `${path}/:id/pdf`,
    summary: 'Bericht als PDF herunterladen',
    tag: spec.tag,
    access: 'user',
    params: idParams,
    response: z.string().meta({ format: 'binary' }),
    responseType: 'application/pdf',
    async handler({ params, res }) {
      const report = await load(params.id);
      if (!report.pdf) throw HttpError.notFound('PDF des Berichts');
      res.attachment(spec.fileName(report));
      res.set({ 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
      res.status(200).end(report.pdf);
    },
  });
}
