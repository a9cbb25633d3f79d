import { esc } from '../../../answers/html';
import { stackedBarSvg } from '../../../documents/charts';
import { fieldsOfAction } from '../../measure-coordination/vocabulary';
import type { MatrixCell, MatrixSection, ProgrammeMeasure } from '../programme';
import { fieldOfActionLabel } from '../../measure-coordination/texts';
import { measuresCounted } from '../texts';
import { defineSection } from './section';

const numberFormat = new Intl.NumberFormat('de-DE');

/** Measures and their participants, each measure once. */
function cellOf(measures: ProgrammeMeasure[]): MatrixCell {
  return { measures: measures.length, participants: measures.reduce((sum, m) => sum + (m.participantsPerYear ?? 0), 0) };
}

function cellHtml(c: MatrixCell, crowdedFrom: number): string {
  if (c.measures === 0) return '<td class="zahl luecke">–</td>';
  return `<td class="zahl${c.measures >= crowdedFrom ? ' mehrfach' : ''}"><span class="anzahl">${numberFormat.format(c.measures)}</span> <span class="tn">${numberFormat.format(c.participants)} TN</span></td>`;
}

/** The measures by field of action × Stadtbezirk: where there are gaps, where several similar offers. */
export const matrixSection = defineSection({
  key: 'matrix',
  title: 'Maßnahmen nach Handlungsfeld und Stadtbezirk',
  compile({ registry, settings }): MatrixSection {
    const { bezirke, measures } = registry;
    const crowded: MatrixSection['crowded'] = [];
    const rows = fieldsOfAction.map((field) => {
      const inField = measures.filter((m) => m.fieldOfAction === field);
      const cells = bezirke.map((b) => {
        const here = inField.filter((m) => m.bezirkIds.includes(b.id));
        if (here.length >= settings.crowdedFrom) {
          crowded.push({ label: fieldOfActionLabel[field], bezirk: b.name, measures: here.map((m) => ({ title: m.title, providerName: m.providerName })) });
        }
        return cellOf(here);
      });
      return { fieldOfAction: field, label: fieldOfActionLabel[field], cells, total: cellOf(inField) };
    });
    return {
      bezirke,
      rows,
      totals: bezirke.map((b) => cellOf(measures.filter((m) => m.bezirkIds.includes(b.id)))),
      all: cellOf(measures),
      gaps: rows.reduce((sum, r) => sum + r.cells.filter((c) => c.measures === 0).length, 0),
      crowdedFrom: settings.crowdedFrom,
      crowded,
      withoutParticipants: measures.filter((m) => m.participantsPerYear === null).length,
    };
  },
  html(m, year) {
    const head = `<thead><tr><th scope="col">Handlungsfeld</th>${m.bezirke.map((b) => `<th scope="col" class="zahl">${esc(b.name)}</th>`).join('')}<th scope="col" class="zahl">Köln</th></tr></thead>`;
    const body = m.rows
      .map((r) => `<tr><th scope="row">${esc(r.label)}</th>${r.cells.map((c) => cellHtml(c, m.crowdedFrom)).join('')}${cellHtml(r.total, Number.POSITIVE_INFINITY)}</tr>`)
      .join('\n');
    const foot = `<tfoot><tr><th scope="row">Alle Handlungsfelder</th>${m.totals.map((c) => cellHtml(c, Number.POSITIVE_INFINITY)).join('')}${cellHtml(m.all, Number.POSITIVE_INFINITY)}</tr></tfoot>`;
    const crowded = m.crowded.length
      ? `<h3>Mehrere ähnliche Angebote (ab ${m.crowdedFrom} Maßnahmen eines Handlungsfelds in einem Stadtbezirk)</h3><ul>${m.crowded
          .map((c) => `<li><strong>${esc(c.label)} in ${esc(c.bezirk)}:</strong> ${c.measures.map((x) => `${esc(x.title)} (${esc(x.providerName)})`).join('; ')}</li>`)
          .join('')}</ul>`
      : `<p>In keinem Stadtbezirk bieten ${m.crowdedFrom} oder mehr Maßnahmen dasselbe Handlungsfeld an.</p>`;
    const chart = stackedBarSvg(
      m.bezirke.map((b) => b.name),
      [{ label: 'Maßnahmen', values: m.totals.map((c) => c.measures) }],
      'Maßnahmen',
    );
    return `<p>Jede Zelle nennt die Zahl der Maßnahmen ${year} und ihre Teilnehmenden pro Jahr (TN). Eine Maßnahme in einem Stadtteil zählt für ihren Stadtbezirk; ` +
      'eine Maßnahme in mehreren Stadtbezirken zählt in jedem, in der Spalte „Köln“ und in der Summe aber einmal. ' +
      `Grau mit „–“: kein Angebot (${m.gaps} ${m.gaps === 1 ? 'Lücke' : 'Lücken'}); fett umrandet: ${m.crowdedFrom} oder mehr Angebote.` +
      (m.withoutParticipants > 0 ? ` ${measuresCounted(m.withoutParticipants)} ${m.withoutParticipants === 1 ? 'nennt' : 'nennen'} keine Teilnehmendenzahl.` : '') +
      `</p>\n<table class="matrix">${head}<tbody>${body}</tbody>${foot}</table>\n${crowded}\n` +
      `<figure>${chart}<figcaption>Maßnahmen ${year} je Stadtbezirk</figcaption></figure>`;
  },
});
