import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { HttpError } from '../../api/errors';
import { idsFilter, listQuerySchema, orderOf, pageOf, sendList } from '../../api/list-query';
import { idParams, type Api } from '../../api/route';
import type { Db } from '../../db/client';
import { reportFileName } from './report-activities';
import { monitoringReports } from './schema';

const columns = {
  id: monitoringReports.id,
  quarter: monitoringReports.quarter,
  title: monitoringReports.title,
  summary: monitoringReports.summary,
  procedureId: monitoringReports.procedureId,
  pdfSize: monitoringReports.pdfSize,
  approvedBy: monitoringReports.approvedBy,
  createdAt: monitoringReports.createdAt,
  publishedAt: monitoringReports.publishedAt,
};

export const monitoringReportSchema = z
  .object({
    id: z.string(),
    quarter: z.string(),
    title: z.string(),
    summary: z.string(),
    procedureId: z.string(),
    pdfSize: z.number().nullable(),
    approvedBy: z.string().nullable(),
    createdAt: z.date(),
    publishedAt: z.date().nullable(),
  })
  .meta({ id: 'MonitoringReport' });

const filter = z.strictObject({ id: idsFilter, quarter: z.string().max(10).optional() });

// Only published reports: a draft between approval and printing is nobody's reading yet.
const published = isNotNull(monitoringReports.publishedAt);

/** The published reports of the integration monitoring, and each one as HTML or PDF download. */
export function monitoringReportRoutes(api: Api, db: Db) {
  async function load(id: string) {
    const [row] = await db.select().from(monitoringReports).where(and(eq(monitoringReports.id, id), published));
    if (!row) throw HttpError.notFound('Bericht');
    return row;
  }

  api.route({
    method: 'get',
    path: '/api/monitoring-reports',
    summary: 'Veröffentlichte Berichte des Integrationsmonitorings',
    tag: 'monitoring',
    access: 'user',
    query: listQuerySchema(columns, filter),
    response: z.array(monitoringReportSchema),
    async handler({ query, res }) {
      const f = query.filter ?? {};
      const where = and(published, f.quarter ? eq(monitoringReports.quarter, f.quarter) : undefined);
      const { offset, limit } = pageOf(query);
      const [rows, [total]] = await Promise.all([
        db.select(columns).from(monitoringReports).where(where).orderBy(...orderOf(columns, query.sort, desc(monitoringReports.quarter), monitoringReports.id)).limit(limit).offset(offset),
        db.select({ n: count() }).from(monitoringReports).where(where),
      ]);
      return sendList(res, 'monitoring-reports', rows, total?.n ?? 0, offset);
    },
  });

  api.route({
    method: 'get',
    path: '/api/monitoring-reports/:id',
    summary: 'Ein Bericht',
    tag: 'monitoring',
    access: 'user',
    params: idParams,
    response: monitoringReportSchema,
    handler: async ({ params }) => {
      const { html: _html, pdf: _pdf, ...row } = await load(params.id);
      return row;
    },
  });

  api.route({
    method: 'get',
    path: '/api/monitoring-reports/:id/html',
    summary: 'Bericht als HTML herunterladen',
    tag: 'monitoring',
    access: 'user',
    params: idParams,
    response: z.string(),
    responseType: 'text/html',
    async handler({ params, res }) {
      const report = await load(params.id);
      res.attachment(reportFileName(report.quarter).replace(/\.pdf$/, '.html'));
      // Our own markup with inline SVG; no script may run from it under the console's origin.
      res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:", 'Cache-Control': 'private, no-store' });
      res.status(200).end(report.html);
    },
  });

  api.route({
    method: 'get',
    path: '/api/monitoring-reports/:id/pdf',
    summary: 'Bericht als PDF herunterladen',
    tag: 'monitoring',
    access: 'user',
    params: idParams,
    response: z.string().meta({ format: 'binary' }),
    responseType: 'application/pdf',
    async handler({ params, res }) {
      const report = await load(params.id);
      if (!report.pdf) throw HttpError.notFound('PDF des Berichts');
      res.attachment(reportFileName(report.quarter));
      res.set({ 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
      res.status(200).end(report.pdf);
    },
  });
}
