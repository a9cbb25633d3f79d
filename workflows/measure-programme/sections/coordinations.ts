import { esc } from '../../../answers/html';
import { decisionLabel } from '../../measure-coordination/texts';
import type { ProgrammeCoordination } from '../programme';
import { defineSection } from './section';

interface CoordinationsSection {
  coordinated: ProgrammeCoordination[];
  /** Looked at and found not worth coordinating. */
  notNeeded: number;
}

const day = (iso: string) => iso.split('-').reverse().join('.');
const followUp = (c: ProgrammeCoordination) => (c.followUpDone === null ? 'steht aus' : c.followUpDone ? 'umgesetzt' : 'nicht umgesetzt');

/** The coordinations of two overlapping measures decided in the year: what was agreed, and whether it was done. */
export const coordinationsSection = defineSection({
  key: 'coordinations',
  title: 'Abstimmungen zwischen Maßnahmen',
  compile({ registry }): CoordinationsSection {
    return {
      coordinated: registry.coordinations.filter((c) => c.coordinated),
      notNeeded: registry.coordinations.filter((c) => !c.coordinated).length,
    };
  },
  html(s, year) {
    const further = s.coordinated.length > 0 ? ' weitere' : '';
    const looked =
      s.notNeeded === 0
        ? ''
        : ` ${s.notNeeded === 1 ? `Eine${further} Überschneidung wurde` : `${s.notNeeded}${further} Überschneidungen wurden`} geprüft und brauchte${s.notNeeded === 1 ? '' : 'n'} keine Abstimmung.`;
    if (s.coordinated.length === 0) return `<p>${year} wurden keine Maßnahmen miteinander abgestimmt.${looked}</p>`;
    const rows = s.coordinated
      .map(
        (c) =>
          `<tr><td>${day(c.decidedOn)}</td><td>„${esc(c.measureTitle)}“ und „${esc(c.otherTitle)}“</td><td>${esc(decisionLabel[c.decision])}` +
          `${c.agreement ? `<br>${esc(c.agreement)}` : ''}</td><td>${followUp(c)}</td></tr>`,
      )
      .join('\n');
    return (
      `<p>${s.coordinated.length === 1 ? 'Eine Abstimmung' : `${s.coordinated.length} Abstimmungen`} zwischen Maßnahmen, die Ähnliches anbieten, ` +
      `mit den Trägern und der zuständigen Dienststelle entschieden und freigegeben.${looked}</p>\n` +
      `<table><thead><tr><th scope="col">Entschieden am</th><th scope="col">Maßnahmen</th><th scope="col">Entscheidung</th><th scope="col">Nachschau</th></tr></thead>` +
      `<tbody>${rows}</tbody></table>`
    );
  },
});
