import { esc } from '../answers/html';

// The frame of every report (the monitoring's, the Maßnahmenprogramm's): one self-contained German
// HTML page with inline styles and SVG, nothing to fetch, that Chromium prints as it is shown.

const BASE_CSS = `
body{font-family:Arial,Helvetica,sans-serif;font-size:10.5pt;line-height:1.4;color:#1b1b1b;margin:0}
h1{font-size:20pt;margin:0 0 4pt;color:#0b3d6b}
h2{font-size:14pt;margin:0 0 4pt;color:#0b3d6b}
h3{font-size:11pt;margin:10pt 0 4pt}
.meta{color:#4a4a4a;margin:0 0 6pt}
.zusammenfassung{white-space:pre-wrap;border-left:4px solid #0b3d6b;background:#f3f6f9;padding:6pt 10pt}
table{border-collapse:collapse;width:100%;margin:6pt 0;font-size:9pt}
th,td{border:1px solid #8a8a8a;padding:3pt 5pt;text-align:left;vertical-align:top}
th{background:#e8eef4}
.zahl{text-align:right;white-space:nowrap}
figure{margin:6pt 0}
figcaption{font-size:8.5pt;color:#4a4a4a}
`;

const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' });

export interface ReportPage {
  /** The report's name, as heading and as the page's title. */
  title: string;
  createdAt: Date;
  /** Who wrote the office's reading and who approved it, by name. */
  commentedBy: string;
  approvedBy: string;
  /** The office's reading of the period, under its heading. */
  summaryHeading: string;
  summary: string;
  /** The report's own parts, as HTML. */
  body: string;
  /** The report's own styles, after the shared ones. */
  css?: string;
}

export function reportPage(page: ReportPage): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${esc(page.title)}</title>
<style>${BASE_CSS}${page.css ?? ''}</style>
</head>
<body>
<header>
<h1>${esc(page.title)}</h1>
<p class="meta">Amt für Integration · Bericht vom ${esc(dateFormat.format(page.createdAt))} · kommentiert von ${esc(page.commentedBy)} · freigegeben von ${esc(page.approvedBy)}</p>
</header>
<h2>${esc(page.summaryHeading)}</h2>
<p class="zusammenfassung">${esc(page.summary)}</p>
${page.body}
</body>
</html>
`;
}
