import { inArray } from 'drizzle-orm';
import { recordStepEvent } from '../../activities/procedure-events';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { reportStore, type ReportKind } from '../../documents/report-store';
import { programmeHtml } from './report-html';
import { measureProgrammeReports } from './schema';
import { compileSections, type ProgrammeFigures } from './sections';
import type { ProgrammeSettings } from './settings';
import { measuresCounted, programmeTitle, reportFileName, reportMailText } from './texts';
import { loadProgrammeYear } from './year-registry';

/** The programme's reports: one per year, on the way every report goes out (documents/report-store.ts). */
export const programmeReportKind: ReportKind = {
  table: measureProgrammeReports,
  periodColumn: measureProgrammeReports.year,
  periodKey: 'year',
  name: 'measure-programme-report',
  resource: 'measure-programme-reports',
  footer: 'Amt für Integration – Interkulturelles Maßnahmenprogramm',
};

export interface RenderProgrammeInput {
  procedureId: string;
  figures: ProgrammeFigures;
  summary: string;
  commentedBy: string;
  approvedBy: string;
}

export function programmeActivities({ db, chromiumPath }: { db: Db; chromiumPath: string }) {
  const reports = reportStore<typeof measureProgrammeReports.$inferSelect>(db, programmeReportKind);

  return {
    /** The year's figures from the registry as it stands now: what staff comment on and a manager approves. */
    async compileProgramme(input: { procedureId: string; year: number; settings: ProgrammeSettings }): Promise<ProgrammeFigures> {
      const registry = await loadProgrammeYear(db, input.year);
      const figures = await compileSections({ db, registry, settings: input.settings });
      await recordStepEvent(db, {
        procedureId: input.procedureId,
        key: 'auswertung',
        kind: 'step',
        label: `Register für ${input.year} ausgewertet (${measuresCounted(figures.measures)})`,
      });
      return figures;
    },

    /** Renders the approved figures (not the registry as it may have changed since) and stores them as the year's draft. */
    async renderProgrammeReport(input: RenderProgrammeInput): Promise<{ reportId: string }> {
      const people = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [input.commentedBy, input.approvedBy]));
      const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
      const html = programmeHtml({ figures: input.figures, summary: input.summary, commentedBy: nameOf(input.commentedBy), approvedBy: nameOf(input.approvedBy), createdAt: new Date() });
      return reports.saveDraft({ procedureId: input.procedureId, period: input.figures.year, title: programmeTitle(input.figures.year), summary: input.summary, html, approvedBy: input.approvedBy });
    },

    printProgrammeReport: ({ reportId }: { reportId: string }) => reports.print(reportId, chromiumPath),

    publishProgrammeReport: ({ reportId, recipients }: { reportId: string; recipients: string[] }) =>
      reports.publish(reportId, recipients, (report) => ({
        subject: programmeTitle(report.year),
        text: reportMailText(report.year, report.summary),
        fileName: reportFileName(report.year),
      })),
  };
}
