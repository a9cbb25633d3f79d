import type { AnswerField } from '../engine/consultation/forms';

// What the providers read of the survey, and how their answers are read back per measure.

/** A measure as the survey asks about it: what the registry holds now. */
export interface SurveyedMeasure {
  id: string;
  title: string;
  participantsPerYear: number | null;
  endsOn: string | null;
}

export interface SurveyedProvider {
  id: string;
  name: string;
  measures: SurveyedMeasure[];
}

/** What a provider said about one of its measures; null where it left a field empty. */
export interface MeasureAnswer {
  running: boolean | null;
  participants: number | null;
  funding: string | null;
}

const key = (i: number, what: 'laeuft' | 'teilnehmende' | 'finanzierung') => `m${i + 1}_${what}`;

/** Per measure: still running (yes/no), participants in the year, and what changed in its funding. */
export function surveyForm(provider: SurveyedProvider, year: number): AnswerField[] {
  return provider.measures.flatMap((m, i): AnswerField[] => [
    { key: key(i, 'laeuft'), label: `„${m.title}“: Läuft die Maßnahme weiter?`, type: 'yesno', required: true },
    {
      key: key(i, 'teilnehmende'),
      label: `„${m.title}“: Teilnehmende im Jahr ${year}`,
      type: 'number',
      required: true,
      min: 0,
      max: 1_000_000,
    },
    { key: key(i, 'finanzierung'), label: `„${m.title}“: Hat sich die Finanzierung geändert? Wenn ja, wie?`, type: 'text', required: false },
  ]);
}

/** The answer's values by measure id, in the order of the provider's measures. */
export function answersByMeasure(provider: SurveyedProvider, data: unknown): Record<string, MeasureAnswer> {
  const values = (data ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    provider.measures.map((m, i) => {
      const running = values[key(i, 'laeuft')];
      const participants = values[key(i, 'teilnehmende')];
      const funding = values[key(i, 'finanzierung')];
      return [
        m.id,
        {
          running: typeof running === 'boolean' ? running : null,
          participants: typeof participants === 'number' ? participants : null,
          funding: typeof funding === 'string' && funding.trim() !== '' ? funding.trim() : null,
        },
      ];
    }),
  );
}

export function surveyQuestion(year: number): string {
  return (
    `Das Amt für Integration führt alle Integrationsmaßnahmen der Stadt im Interkulturellen Maßnahmenprogramm. ` +
    `Damit es stimmt, bitten wir Sie einmal im Jahr, Ihre Maßnahmen zu bestätigen oder zu berichtigen: ` +
    `Läuft jede weiter, wie viele Menschen haben im Jahr ${year} teilgenommen, und hat sich ihre Finanzierung geändert?\n\n` +
    `Ihre Angaben prüfen wir, bevor wir sie übernehmen.`
  );
}
