import { ApplicationFailure } from '@temporalio/activity';
import { eq, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { recordStepEvent } from '../activities/procedure-events';
import { writeAudit } from '../db/audit';
import type { Db } from '../db/client';
import { enqueueMail } from '../mail/outbox';
import { printPdf } from './pdf';
import type { reportDocumentColumns } from './report-columns';
import { reportStepKeys } from './report-steps';

// The way of every approved report out of its procedure: its HTML stored as a draft, printed to PDF
// by Chromium, then published and mailed in one transaction. A module brings its table (its period
// and report-columns.ts) and its words; the steps it records are the same for every report.

type Columns = ReturnType<typeof reportDocumentColumns>;

/** A module's report table: its period column (one report per period) and the shared columns. */
export type ReportTable = PgTable & { [K in keyof Columns]: AnyPgColumn };

export interface StoredReport {
  id: string;
  procedureId: string;
  title: string;
  summary: string;
  html: string;
  pdf: Buffer | null;
  pdfSize: number | null;
  approvedBy: string | null;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface ReportKind {
  table: ReportTable;
  /** The unique column a report is one per: the quarter, the year. */
  periodColumn: AnyPgColumn;
  /** The column's key in the table's rows (`quarter`, `year`). */
  periodKey: string;
  /** The stem of the audit action and of the once-only keys: `monitoring-report`. */
  name: string;
  /** The API resource the audit entries name: `monitoring-reports`. */
  resource: string;
  /** The PDF's footer, before the page number. */
  footer: string;
}

export interface ReportDraft {
  procedureId: string;
  period: string | number;
  title: string;
  summary: string;
  html: string;
  approvedBy: string;
}

/** What the recipients get: the module's words about its report. */
export interface ReportMail {
  subject: string;
  text: string;
  fileName: string;
}

export function reportStore<R extends StoredReport>(db: Db, kind: ReportKind) {
  const { table } = kind;

  async function load(reportId: string): Promise<R> {
    const [report] = (await db.select().from(table).where(eq(table.id, reportId))) as R[];
    if (!report) throw ApplicationFailure.nonRetryable(`Bericht ${reportId} fehlt`, 'UnknownReport');
    return report;
  }

  return {
    load,

    /** Stores the rendered HTML (one report per period; a retry overwrites its own draft, never a published report). */
    async saveDraft(draft: ReportDraft): Promise<{ reportId: string }> {
      const createdAt = new Date();
      const values = { [kind.periodKey]: draft.period, procedureId: draft.procedureId, title: draft.title, summary: draft.summary, html: draft.html, approvedBy: draft.approvedBy };
      const [report] = await db
        .insert(table)
        .values(values as never)
        .onConflictDoUpdate({
          target: kind.periodColumn,
          set: { ...values, pdf: null, pdfSize: null, createdAt } as never,
          setWhere: sql`${table.publishedAt} is null and ${table.procedureId} = ${draft.procedureId}`,
        })
        .returning({ id: table.id });
      if (!report) throw ApplicationFailure.nonRetryable(`Für ${draft.period} ist bereits ein Bericht veröffentlicht`, 'ReportPublished');
      await recordStepEvent(db, { procedureId: draft.procedureId, key: reportStepKeys.html, kind: 'step', label: 'Bericht erstellt (HTML)' });
      return { reportId: report.id as string };
    },

    /** Chromium prints the stored HTML; the PDF is stored beside it (a retry after printing prints nothing). */
    async print(reportId: string, chromiumPath: string): Promise<{ size: number }> {
      const report = await load(reportId);
      if (report.pdf) return { size: report.pdf.length };
      const pdf = await printPdf(report.html, chromiumPath, kind.footer);
      await db.update(table).set({ pdf, pdfSize: pdf.length } as never).where(eq(table.id, reportId));
      await recordStepEvent(db, { procedureId: report.procedureId, key: reportStepKeys.pdf, kind: 'step', label: `Bericht als PDF gedruckt (${Math.ceil(pdf.length / 1024)} KB)` });
      return { size: pdf.length };
    },

    /** Published and mailed in one transaction: the mail (with the PDF) goes out once, whatever retries. */
    async publish(reportId: string, recipients: string[], mailOf: (report: R) => ReportMail): Promise<{ mailedTo: number }> {
      const report = await load(reportId);
      if (!report.pdf) throw new Error('the report has no PDF yet');
      const mail = mailOf(report);
      const period = (report as unknown as Record<string, unknown>)[kind.periodKey];
      await db.transaction(async (tx) => {
        await tx.update(table).set({ publishedAt: new Date() } as never).where(sql`${table.id} = ${reportId} and ${isNull(table.publishedAt)}`);
        if (recipients.length > 0) {
          await enqueueMail(tx, {
            idempotencyKey: `${kind.name}:${report.id}:mail`,
            to: recipients,
            subject: mail.subject,
            text: mail.text,
            procedureId: report.procedureId,
            attachments: [{ filename: mail.fileName, contentType: 'application/pdf', content: report.pdf as Buffer }],
          });
        }
        await recordStepEvent(tx, {
          procedureId: report.procedureId,
          key: reportStepKeys.published,
          kind: 'step',
          label: recipients.length > 0 ? `Bericht veröffentlicht und an ${recipients.length} Empfänger versandt` : 'Bericht veröffentlicht',
          detail: { reportId, recipients },
        });
        await writeAudit(tx, {
          action: `${kind.name}.published`,
          entityType: kind.resource,
          entityId: reportId,
          procedureId: report.procedureId,
          detail: { [kind.periodKey]: period, recipients },
          key: `${kind.name}:${reportId}:published`,
        });
      });
      return { mailedTo: recipients.length };
    },
  };
}
