import { esc } from '../../../answers/html';
import { stackedBarSvg } from '../../../documents/charts';
import { fieldsOfAction, funderLevels } from '../../measure-coordination/vocabulary';
import type { FundingSection } from '../programme';
import { fieldOfActionLabel, funderLevelLabel } from '../../measure-coordination/texts';
import { measuresCounted } from '../texts';
import { defineSection } from './section';

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** The funding of the year's measures by funder level and field of action, and the programmes that pay most. */
export const fundingSection = defineSection({
  key: 'funding',
  title: 'Finanzierung nach Förderebene und Handlungsfeld',
  compile({ registry }): FundingSection {
    const lines = registry.measures.flatMap((m) => m.fundingLines.map((l) => ({ ...l, measureId: m.id, fieldOfAction: m.fieldOfAction })));
    const sum = (of: typeof lines) => of.reduce((s, l) => s + l.amountPerYear, 0);
    const rows = fieldsOfAction.map((field) => {
      const inField = lines.filter((l) => l.fieldOfAction === field);
      return { fieldOfAction: field, label: fieldOfActionLabel[field], amounts: funderLevels.map((level) => sum(inField.filter((l) => l.funderLevel === level))), total: sum(inField) };
    });
    const programmes = new Map<string, { level: string; programme: string; measures: Set<string>; amount: number }>();
    for (const l of lines) {
      const key = `${l.funderLevel}\u0000${l.programme}`;
      const p = programmes.get(key) ?? { level: funderLevelLabel[l.funderLevel], programme: l.programme, measures: new Set<string>(), amount: 0 };
      p.measures.add(l.measureId);
      p.amount += l.amountPerYear;
      programmes.set(key, p);
    }
    return {
      levels: funderLevels.map((key) => ({ key, label: funderLevelLabel[key] })),
      rows,
      totals: funderLevels.map((level) => sum(lines.filter((l) => l.funderLevel === level))),
      all: sum(lines),
      programmes: [...programmes.values()]
        .map((p) => ({ level: p.level, programme: p.programme, measures: p.measures.size, amount: p.amount }))
        .sort((a, b) => b.amount - a.amount || a.programme.localeCompare(b.programme, 'de')),
      withoutFunding: registry.measures.filter((m) => m.fundingLines.length === 0).length,
    };
  },
  html(f, year) {
    const money = (v: number) => (v === 0 ? '–' : euro.format(v));
    const head = `<thead><tr><th scope="col">Handlungsfeld</th>${f.levels.map((l) => `<th scope="col" class="zahl">${esc(l.label)}</th>`).join('')}<th scope="col" class="zahl">Summe</th></tr></thead>`;
    const body = f.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${r.amounts.map((a) => `<td class="zahl">${money(a)}</td>`).join('')}<td class="zahl">${money(r.total)}</td></tr>`).join('\n');
    const foot = `<tfoot><tr><th scope="row">Alle Handlungsfelder</th>${f.totals.map((a) => `<td class="zahl">${money(a)}</td>`).join('')}<td class="zahl">${money(f.all)}</td></tr></tfoot>`;
    const chart = stackedBarSvg(
      f.rows.map((r) => r.label),
      f.levels.map((l, i) => ({ label: l.label, values: f.rows.map((r) => r.amounts[i] ?? 0) })),
      'Euro',
    );
    const programmes = f.programmes
      .map((p) => `<tr><td>${esc(p.level)}</td><td>${esc(p.programme)}</td><td class="zahl">${p.measures}</td><td class="zahl">${money(p.amount)}</td></tr>`)
      .join('\n');
    return `<p>Beträge pro Jahr laut Register; jede Maßnahme, die ${year} läuft, zählt mit ihren Förderlinien ganz.` +
      (f.withoutFunding > 0 ? ` ${measuresCounted(f.withoutFunding)} ${f.withoutFunding === 1 ? 'hat' : 'haben'} keine Finanzierung erfasst.` : '') +
      `</p>\n<table>${head}<tbody>${body}</tbody>${foot}</table>\n<figure>${chart}<figcaption>Finanzierung ${year} je Handlungsfeld nach Förderebene</figcaption></figure>\n` +
      `<h3>Förderprogramme</h3>\n<table><thead><tr><th scope="col">Förderebene</th><th scope="col">Programm</th><th scope="col" class="zahl">Maßnahmen</th><th scope="col" class="zahl">Betrag</th></tr></thead><tbody>${programmes}</tbody></table>`;
  },
});
