import { ApplicationFailure } from '@temporalio/activity';
import { eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordStepEvent } from '../../activities/procedure-events';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { printPdf } from '../../documents/pdf';
import { enqueueMail } from '../../mail/outbox';
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

export function monitoringReportActivities({ db, chromiumPath }: { db: Db; chromiumPath: string }) {
  async function loadReport(reportId: string) {
    const [report] = await db.select().from(monitoringReports).where(eq(monitoringReports.id, reportId));
    if (!report) throw ApplicationFailure.nonRetryable(`Bericht ${reportId} fehlt`, 'UnknownReport');
    return report;
  }

  return {
    /** Renders the approved report's HTML and stores it (one per quarter; a retry overwrites its own draft). */
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
      const createdAt = new Date();
      const html = reportHtml({
        quarter: input.quarter,
        summary: input.summary,
        comments: input.comments,
        rows,
        quarters,
        history,
        commentedBy: nameOf(input.commentedBy),
        approvedBy: nameOf(input.approvedBy),
        createdAt,
      });
      const values = {
        quarter: input.quarter,
        procedureId: input.procedureId,
        title: `Integrationsmonitoring ${quarterLabel(input.quarter)}`,
        summary: input.summary,
        html,
        approvedBy: input.approvedBy,
      };
      const [report] = await db
        .insert(monitoringReports)
        .values(values)
        // Only an unpublished draft of the same procedure is replaced; a published report stays as it went out.
        .onConflictDoUpdate({
          target: monitoringReports.quarter,
          set: { ...values, pdf: null, pdfSize: null, createdAt },
          setWhere: sql`${monitoringReports.publishedAt} is null and ${monitoringReports.procedureId} = ${input.procedureId}`,
        })
        .returning({ id: monitoringReports.id });
      if (!report) throw ApplicationFailure.nonRetryable(`Für ${input.quarter} ist bereits ein Bericht veröffentlicht`, 'ReportPublished');
      await recordStepEvent(db, { procedureId: input.procedureId, key: 'bericht:html', kind: 'step', label: 'Bericht erstellt (HTML)' });
      return { reportId: report.id };
    },

    /** Chromium prints the stored HTML; the PDF is stored beside it. */
    async printMonitoringReport({ reportId }: { reportId: string }): Promise<{ size: number }> {
      const report = await loadReport(reportId);
      if (report.pdf) return { size: report.pdf.length };
      const pdf = await printPdf(report.html, chromiumPath, 'Amt für Integration – Integrationsmonitoring');
      await db.update(monitoringReports).set({ pdf, pdfSize: pdf.length }).where(eq(monitoringReports.id, reportId));
      await recordStepEvent(db, { procedureId: report.procedureId, key: 'bericht:pdf', kind: 'step', label: `Bericht als PDF gedruckt (${Math.ceil(pdf.length / 1024)} KB)` });
      return { size: pdf.length };
    },

    /** Published and mailed in one transaction: the mail (with the PDF) goes out once, whatever retries. */
    async publishMonitoringReport({ reportId, recipients }: { reportId: string; recipients: string[] }): Promise<{ mailedTo: number }> {
      const report = await loadReport(reportId);
      if (!report.pdf) throw new Error('the report has no PDF yet');
      const label = quarterLabel(report.quarter);
      await db.transaction(async (tx) => {
        await tx.update(monitoringReports).set({ publishedAt: new Date() }).where(sql`${monitoringReports.id} = ${reportId} and ${isNull(monitoringReports.publishedAt)}`);
        if (recipients.length > 0) {
          await enqueueMail(tx, {
            idempotencyKey: `monitoring-report:${report.id}:mail`,
            to: recipients,
            subject: `Integrationsmonitoring ${label}`,
            text:
              `Guten Tag,\n\nanbei erhalten Sie den Bericht des Integrationsmonitorings für das ${label}.\n\n` +
              `Gesamteinschätzung:\n${report.summary}\n\nMit freundlichen Grüßen\nAmt für Integration`,
            procedureId: report.procedureId,
            attachments: [{ filename: reportFileName(report.quarter), contentType: 'application/pdf', content: report.pdf as Buffer }],
          });
        }
        await recordStepEvent(tx, {
          procedureId: report.procedureId,
          key: 'bericht:veroeffentlicht',
          kind: 'step',
          label: recipients.length > 0 ? `Bericht veröffentlicht und an ${recipients.length} Empfänger versandt` : 'Bericht veröffentlicht',
          detail: { reportId, recipients },
        });
        await writeAudit(tx, {
          action: 'monitoring-report.published',
          entityType: 'monitoring-reports',
          entityId: reportId,
          procedureId: report.procedureId,
          detail: { quarter: report.quarter, recipients },
          key: `monitoring-report:${reportId}:published`,
        });
      });
      return { mailedTo: recipients.length };
    },
  };
}
