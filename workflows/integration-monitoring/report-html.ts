import { esc } from '../../answers/html';
import { timeSeriesSvg, type Series } from '../../documents/charts';
import { reportPage } from '../../documents/report-page';
import { quarterLabel, quarterShort } from './quarter';
import type { Change, ComparisonRow } from './shared';

export interface ReportView {
  quarter: string;
  summary: string;
  /** The office's comment per indicator key. */
  comments: Record<string, string>;
  rows: ComparisonRow[];
  /** The quarters the charts show, oldest first, ending with the report's quarter. */
  quarters: string[];
  /** Per indicator id, per breakdown key: the values over `quarters`. */
  history: Map<string, Map<string, (number | null)[]>>;
  commentedBy: string;
  approvedBy: string;
  createdAt: Date;
}

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const percentFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

const TREND = { improving: 'verbessert', worsening: 'verschlechtert', unchanged: 'unverändert' } as const;

export function formatValue(value: number | null, unit: string): string {
  return value === null ? 'k. A.' : `${numberFormat.format(value)}${unit === '%' ? ' %' : ''}`;
}

function formatChange(c: Change | null, unit: string): string {
  if (!c) return '–';
  const points = unit === '%' ? ' Pp.' : '';
  return `${signed.format(c.absolute)}${points}${c.percent !== null ? ` (${percentFormat.format(c.percent)} %)` : ''}`;
}

function trendCell(c: Change | null): string {
  return c ? `<td class="trend ${c.trend}">${TREND[c.trend]}</td>` : '<td>–</td>';
}

function valueRow(r: ComparisonRow, withIndicator: boolean): string {
  return `<tr>
${withIndicator ? `<td>${esc(r.indicatorName)}</td>` : ''}<td>${esc(r.disaggregationLabel)}</td>
<td class="zahl">${esc(formatValue(r.value, r.unit))}</td>
<td class="zahl">${esc(formatValue(r.previous, r.unit))}</td>
<td class="zahl">${esc(formatChange(r.changePrevious, r.unit))}</td>
${trendCell(r.changePrevious)}
<td class="zahl">${esc(formatValue(r.lastYear, r.unit))}</td>
<td class="zahl">${esc(formatChange(r.changeLastYear, r.unit))}</td>
${trendCell(r.changeLastYear)}
</tr>`;
}

function tableHead(q: string, withIndicator: boolean): string {
  return `<thead><tr>${withIndicator ? '<th>Indikator</th>' : ''}<th>Aufschlüsselung</th><th>${esc(quarterShort(q))}</th>` +
    '<th>Vorquartal</th><th>Veränderung</th><th>Trend</th><th>Vorjahresquartal</th><th>Veränderung</th><th>Trend</th></tr></thead>';
}

function indicatorSection(view: ReportView, rows: ComparisonRow[]): string {
  const first = rows[0] as ComparisonRow;
  const history = view.history.get(first.indicatorId) ?? new Map<string, (number | null)[]>();
  const series: Series[] = rows.map((r) => ({ label: r.disaggregationLabel, values: history.get(r.disaggregation) ?? view.quarters.map(() => null) }));
  const valueNotes = rows
    .filter((r) => r.comment)
    .map((r) => `<li>${esc(r.disaggregationLabel)}: ${esc(r.comment as string)}${r.source === 'clarification' ? ' (geklärt durch das Amt für Integration)' : ''}</li>`);
  const officeComment = view.comments[first.indicatorKey];
  return `<section class="indikator">
<h2>${esc(first.indicatorName)}</h2>
<p class="meta">${esc(first.departmentName)} · Einheit: ${esc(first.unit)} · ${first.direction === 'higher_better' ? 'höhere Werte sind besser' : 'niedrigere Werte sind besser'}</p>
${first.description ? `<p>${esc(first.description)}</p>` : ''}
<figure>${timeSeriesSvg(view.quarters.map(quarterShort), series, first.unit)}<figcaption>${esc(first.indicatorName)}, ${esc(quarterShort(view.quarters[0] as string))} bis ${esc(quarterShort(view.quarter))}</figcaption></figure>
<table>${tableHead(view.quarter, false)}<tbody>${rows.map((r) => valueRow(r, false)).join('\n')}</tbody></table>
${valueNotes.length ? `<h3>Anmerkungen zu den Werten</h3><ul>${valueNotes.join('')}</ul>` : ''}
${officeComment ? `<h3>Kommentar des Amts für Integration</h3><p class="kommentar">${esc(officeComment)}</p>` : ''}
</section>`;
}

// Beside the shared frame's styles (documents/report-page.ts).
const CSS = `
.trend.improving{color:#0a6b2d}
.trend.worsening{color:#b3261e}
.indikator{break-inside:avoid;page-break-inside:avoid;margin:16pt 0 0}
.kommentar{white-space:pre-wrap}
`;

/** The quarter's report as one self-contained German HTML page: the source of the PDF as well. */
export function reportHtml(view: ReportView): string {
  const label = quarterLabel(view.quarter);
  const byIndicator = new Map<string, ComparisonRow[]>();
  for (const r of view.rows) byIndicator.set(r.indicatorId, [...(byIndicator.get(r.indicatorId) ?? []), r]);
  return reportPage({
    title: `Integrationsmonitoring – ${label}`,
    createdAt: view.createdAt,
    commentedBy: view.commentedBy,
    approvedBy: view.approvedBy,
    summaryHeading: 'Gesamteinschätzung',
    summary: view.summary,
    css: CSS,
    body: `<h2>Übersicht</h2>
<p>Veränderungen gegenüber dem Vorquartal und dem Vorjahresquartal; bei Anteilen in Prozentpunkten (Pp.), in Klammern relativ zum früheren Wert.</p>
<table>${tableHead(view.quarter, true)}<tbody>${view.rows.map((r) => valueRow(r, true)).join('\n')}</tbody></table>
${[...byIndicator.values()].map((rows) => indicatorSection(view, rows)).join('\n')}`,
  });
}
