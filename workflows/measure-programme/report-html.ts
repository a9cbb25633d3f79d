import { reportPage } from '../../documents/report-page';
import { sectionsHtml, type ProgrammeFigures } from './sections';
import { measuresCounted, programmeTitle } from './texts';

// The matrix's marks, beside the shared frame's styles (documents/report-page.ts): a gap grey, several
// similar offers framed, both also said in words (the cell's "–", the list below the table).
const CSS = `
.matrix td,.matrix th{padding:2pt 3pt;font-size:8pt}
.matrix .tn{display:block;color:#4a4a4a;font-size:7pt}
.luecke{background:#e6e6e6;color:#4a4a4a}
.mehrfach{outline:2px solid #0b3d6b;outline-offset:-2px;font-weight:bold}
.abschnitt{margin:16pt 0 0}
figure,table{break-inside:avoid;page-break-inside:avoid}
`;

export interface ProgrammeView {
  figures: ProgrammeFigures;
  summary: string;
  commentedBy: string;
  approvedBy: string;
  createdAt: Date;
}

/** The year's report as one self-contained German HTML page: the source of the PDF as well. */
export function programmeHtml(view: ProgrammeView): string {
  return reportPage({
    title: programmeTitle(view.figures.year),
    createdAt: view.createdAt,
    commentedBy: view.commentedBy,
    approvedBy: view.approvedBy,
    summaryHeading: 'Einschätzung des Amts für Integration',
    summary: view.summary,
    css: CSS,
    body: `<p>${measuresCounted(view.figures.measures)} aus dem Register ${view.figures.measures === 1 ? 'läuft' : 'laufen'} ${view.figures.year}, ganz oder in einem Teil des Jahres.</p>\n${sectionsHtml(view.figures)}`,
  });
}
