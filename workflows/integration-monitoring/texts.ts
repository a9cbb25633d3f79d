import type { AnswerField } from '../engine/consultation/forms';
import { quarterLabel } from './quarter';
import type { DepartmentPlan } from './shared';

// German texts of the monitoring, kept out of the workflow's control flow.

export function requestQuestion(quarter: string): string {
  return (
    `Für das Integrationsmonitoring des Amts für Integration bitten wir um die Werte Ihrer Dienststelle für das ${quarterLabel(quarter)}.\n\n` +
    'Bitte tragen Sie jeden Wert auf der Antwortseite ein. Liegt ein Wert außerhalb des üblichen Bereichs, erläutern Sie ihn bitte ' +
    'im Kommentarfeld daneben. Fehlt Ihnen ein Wert, lassen Sie das Feld leer und schreiben Sie uns den Grund in den Kommentar.'
  );
}

/** The department's answer form: one number per indicator and breakdown, with its plausible range and a comment. */
export function departmentForm(dept: DepartmentPlan): AnswerField[] {
  return dept.fields.map((f) => ({
    key: f.field,
    label: `${f.indicatorName} – ${f.disaggregationLabel}`,
    type: 'number' as const,
    required: false,
    unit: f.unit,
    ...(f.unit === '%' ? { min: 0, max: 100 } : {}),
    plausible: { ...(f.plausibleMin !== null ? { min: f.plausibleMin } : {}), ...(f.plausibleMax !== null ? { max: f.plausibleMax } : {}) },
    comment: true,
  }));
}
