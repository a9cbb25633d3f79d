import { COMMENTS_KEY } from '../engine/consultation/forms';
import type { RequestOutcome } from '../engine/consultation/contract';
import type { CollectedValue, DepartmentPlan, OpenField } from './shared';

function outside(f: { plausibleMin: number | null; plausibleMax: number | null }, value: number): boolean {
  return (f.plausibleMin !== null && value < f.plausibleMin) || (f.plausibleMax !== null && value > f.plausibleMax);
}

/**
 * Sorts the departments' answers into values to store and fields staff must clarify. A value
 * outside the plausible range came with the department's comment (the answer page insists); it is
 * stored as reported, and staff confirm or correct it.
 */
export function sortAnswers(plan: DepartmentPlan[], outcomes: RequestOutcome[]): { values: CollectedValue[]; open: OpenField[] } {
  const values: CollectedValue[] = [];
  const open: OpenField[] = [];
  for (const dept of plan) {
    const outcome = outcomes.find((o) => o.departmentId === dept.departmentId);
    const data = outcome?.status === 'answered' && outcome.answerData && typeof outcome.answerData === 'object' ? (outcome.answerData as Record<string, unknown>) : {};
    const comments = (data[COMMENTS_KEY] ?? {}) as Record<string, string | undefined>;
    for (const f of dept.fields) {
      const reported = typeof data[f.field] === 'number' ? (data[f.field] as number) : null;
      const comment = comments[f.field] ?? null;
      if (reported !== null) values.push({ indicatorId: f.indicatorId, disaggregation: f.disaggregation, value: reported, comment, source: 'department' });
      if (reported === null || outside(f, reported)) {
        open.push({ ...f, departmentName: dept.departmentName, reason: reported === null ? 'missing' : 'out_of_range', reported, departmentComment: comment });
      }
    }
  }
  return { values, open };
}
