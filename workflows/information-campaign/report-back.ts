// An organisation's report back as the campaign reads it, from its request's answer (texts.ts,
// reportForm): the workflow from the consultation's outcomes, the overview from the stored requests.

export interface ReportBack {
  organisationId: string;
  answered: boolean;
  reached: number | null;
  occasion: string | null;
}

export function reportBackOf(organisationId: string, status: string, answerData: unknown): ReportBack {
  const data = (answerData ?? {}) as { erreicht?: number; anlass?: string };
  return { organisationId, answered: status === 'answered', reached: data.erreicht ?? null, occasion: data.anlass ?? null };
}
