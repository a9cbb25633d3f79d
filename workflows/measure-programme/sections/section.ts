import type { DbOrTx } from '../../../db/client';
import type { ProgrammeYear } from '../programme';
import type { ProgrammeSettings } from '../settings';

/** What a section compiles its figures from: the year's registry, and the database for what the registry does not hold. */
export interface SectionContext {
  db: DbOrTx;
  registry: ProgrammeYear;
  settings: ProgrammeSettings;
}

/**
 * One part of the Maßnahmenprogramm report: its figures, compiled once when the year is evaluated
 * (staff comment on them, a manager approves them, the report prints exactly them), and its HTML.
 * A further part (the coordination decisions of the year) is a file of its own and a line in sections/index.ts.
 */
export interface ReportSection<K extends string, D> {
  key: K;
  title: string;
  compile(ctx: SectionContext): D | Promise<D>;
  html(data: D, year: number): string;
}

export function defineSection<K extends string, D>(section: ReportSection<K, D>): ReportSection<K, D> {
  return section;
}
