import type { SectionContext } from './section';
import { coordinationsSection } from './coordinations';
import { fundingSection } from './funding';
import { matrixSection } from './matrix';

// The report's sections, in the order it prints them. A further section: its file beside these, and one entry here.
export const programmeSections = [matrixSection, fundingSection, coordinationsSection] as const;

type Section = (typeof programmeSections)[number];

/** The year's figures, section by section: what staff comment on, a manager approves and the report prints. */
export type ProgrammeFigures = { year: number; measures: number } & {
  [S in Section as S['key']]: Awaited<ReturnType<S['compile']>>;
};

export async function compileSections(ctx: SectionContext): Promise<ProgrammeFigures> {
  const figures: Record<string, unknown> = { year: ctx.registry.year, measures: ctx.registry.measures.length };
  for (const section of programmeSections) figures[section.key] = await section.compile(ctx);
  return figures as ProgrammeFigures;
}

/** Each section under its heading, from the figures that were approved. */
export function sectionsHtml(figures: ProgrammeFigures): string {
  // Each section reads the figures it compiled itself; TypeScript cannot pair a union's key with its data, hence the cast.
  return programmeSections
    .map((s) => `<section class="abschnitt">\n<h2>${s.title}</h2>\n${(s.html as (data: unknown, year: number) => string)(figures[s.key], figures.year)}\n</section>`)
    .join('\n');
}
