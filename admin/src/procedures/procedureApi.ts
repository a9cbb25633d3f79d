import { apiFetch } from '../dataProvider/http';

export interface HistoryEntry {
  at: string;
  kind: string;
  label: string;
  source: 'step' | 'task' | 'mail' | 'audit' | 'note';
  /** The procedure it happened in: this one, or one it started (a review's consultation). */
  procedureId?: string;
  /** The step of its type's map: named in the console's language (useStepName). */
  step?: { type: string; key: string };
  detail: Record<string, unknown> | null;
}

export interface Procedure {
  id: string;
  type: string;
  title: string;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  currentStep: string | null;
  /** The step of its type's map it stands at. */
  currentStepKey: string | null;
  outcome: string | null;
  startedBy: string | null;
  parentId?: string | null;
  startedAt: string;
  endedAt: string | null;
  /** What is due next: an open task's date or a department's deadline. */
  nextDueAt: string | null;
  /** Who holds the task due first; else its group's role. */
  responsibleId: string | null;
  responsibleRole: string | null;
  /** A running consultation's requests: asked, and answered so far. */
  requestsAsked: number;
  requestsAnswered: number;
}

const at = (id: string, action: string) => `/api/procedures/${encodeURIComponent(id)}/${action}`;

export const procedureApi = {
  async history(id: string): Promise<HistoryEntry[]> {
    return (await apiFetch(at(id, 'history'))).json as HistoryEntry[];
  },
  async start(type: string, input: Record<string, unknown>, idempotencyKey: string): Promise<Procedure> {
    return (await apiFetch('/api/procedures', { method: 'POST', body: { type, input }, headers: { 'idempotency-key': idempotencyKey } })).json as Procedure;
  },
  async cancel(id: string, reason: string): Promise<Procedure> {
    return (await apiFetch(at(id, 'cancel'), { method: 'POST', body: { reason } })).json as Procedure;
  },
};
