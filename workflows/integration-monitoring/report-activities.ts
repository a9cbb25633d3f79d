import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { reportStore, type ReportKind } from '../../documents/report-store';
import { compareWithEarlier, pointKey, valuesIn } from './indicator-data';
import { quarterLabel, quartersUpTo } from './quarter';
import { reportHtml } from './report-html';
import { monitoringReports } from './schema';

/** How many quarters a chart shows: two years and the report's quarter. */
const CHART_QUARTERS = 9;

export interface RenderReportInput {
  procedureId: string;
  quarter: string;
  summary: string;
  comments: Record<string, string>;
  commentedBy: string;
  approvedBy: string;
}

export const reportFileName = (quarter: string) => `Integrationsmonitoring-${quarter}.pdf`;

/** The monitoring's reports: one per quarter, on the way every report goes out (documents/report-store.ts). */
export const monitoringReportKind: ReportKind = {
  table: monitoringReports,
  periodColumn: monitoringReports.quarter,
  periodKey: 'quarter',
  name: 'monitoring-report',
  resource: 'monitoring-reports',
  footer: 'Amt für Integration – Integrationsmonitoring',
};

export function monitoringReportActivities({ db, chromiumPath }: { db: Db; chromiumPath: string }) {
  const reports = reportStore<typeof monitoringReports.$inferSelect>(db, monitoringReportKind);

  return {
    /** Renders the approved report's HTML and stores it as the quarter's draft. */
    async renderMonitoringReport(input: RenderReportInput): Promise<{ reportId: string }> {
      const rows = await compareWithEarlier(db, input.quarter);
      const quarters = quartersUpTo(input.quarter, CHART_QUARTERS);
      const ids = [...new Set(rows.map((r) => r.indicatorId))];
      const points = await valuesIn(db, ids, quarters);
      const history = new Map<string, Map<string, (number | null)[]>>();
      for (const r of rows) {
        const perIndicator = history.get(r.indicatorId) ?? new Map<string, (number | null)[]>();
        perIndicator.set(r.disaggregation, quarters.map((q) => points.get(pointKey(r.indicatorId, q, r.disaggregation))?.value ?? null));
        history.set(r.indicatorId, perIndicator);
      }
      const people = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [input.commentedBy, input.approvedBy]));
      const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
      const html = reportHtml({
        quarter: input.quarter,
        summary: input.summary,
        comments: input.comments,
        rows,
        quarters,
        history,
        commentedBy: nameOf(input.commentedBy),
        approvedBy: nameOf(input.approvedBy),
        createdAt: new Date(),
      });
      return reports.saveDraft({
        procedureId: input.procedureId,
        period: input.quarter,
        title: `Integrationsmonitoring ${quarterLabel(input.quarter)}`,
        summary: input.summary,
        html,
        approvedBy: input.approvedBy,
      });
    },

    printMonitoringReport: ({ reportId }: { reportId: string }) => reports.print(reportId, chromiumPath),

    publishMonitoringReport: ({ reportId, recipients }: { reportId: string; recipients: string[] }) =>
      reports.publish(reportId, recipients, (report) => ({
        subject: `Integrationsmonitoring ${quarterLabel(report.quarter)}`,
        text:
          `Guten Tag,\n\nanbei erhalten Sie den Bericht des Integrationsmonitorings für das ${quarterLabel(report.quarter)}.\n\n` +
          `Gesamteinschätzung:\n${report.summary}\n\nMit freundlichen Grüßen\nAmt für Integration`,
        fileName: reportFileName(report.quarter),
      })),
  };
}
