import { z } from 'zod';
import type { Api } from '../../api/route';
import type { Db } from '../../db/client';
import { reportRoutes } from '../../documents/report-routes';
import { programmeReportKind } from './activities';
import type { measureProgrammeReports } from './schema';
import { reportFileName } from './texts';

/** The published Maßnahmenprogramm reports, and each one as HTML or PDF download. */
export function programmeRoutes(api: Api, db: Db): void {
  reportRoutes<typeof measureProgrammeReports.$inferSelect>(api, db, {
    kind: programmeReportKind,
    tag: 'measure-programme',
    schemaId: 'MeasureProgrammeReport',
    listSummary: 'Veröffentlichte Berichte des Interkulturellen Maßnahmenprogramms',
    period: z.number().int(),
    periodFilter: z.number().int().min(1).max(9999),
    fileName: (report) => reportFileName(report.year),
  });
}
