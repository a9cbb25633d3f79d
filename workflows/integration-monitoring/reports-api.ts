import { z } from 'zod';
import type { Api } from '../../api/route';
import type { Db } from '../../db/client';
import { reportRoutes } from '../../documents/report-routes';
import { monitoringReportKind, reportFileName } from './report-activities';
import type { monitoringReports } from './schema';

/** The published reports of the integration monitoring, and each one as HTML or PDF download. */
export function monitoringReportRoutes(api: Api, db: Db) {
  reportRoutes<typeof monitoringReports.$inferSelect>(api, db, {
    kind: monitoringReportKind,
    tag: 'monitoring',
    schemaId: 'MonitoringReport',
    listSummary: 'Veröffentlichte Berichte des Integrationsmonitorings',
    period: z.string(),
    periodFilter: z.string().max(10),
    fileName: (report) => reportFileName(report.quarter),
  });
}
