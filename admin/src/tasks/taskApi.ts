import { apiFetch } from '../dataProvider/http';

export interface Task {
  id: string;
  procedureId: string;
  procedureTitle: string;
  procedureType: string;
  taskKey: string;
  title: string;
  formKind: string;
  assigneeId: string | null;
  candidateRole: string | null;
  claimedBy: string | null;
  status: 'open' | 'claimed' | 'completed' | 'cancelled';
  priority: number;
  dueAt: string | null;
  /** Wiedervorlage: out of the inboxes until then, back marked with its reason afterwards. */
  resubmitAt?: string | null;
  resubmitReason?: string | null;
  createdAt: string;
  completedAt: string | null;
  context?: Record<string, unknown>;
  result?: Record<string, unknown> | null;
  excludedUserIds?: string[];
}

export interface CompletionResult {
  task: { id: string; status: string };
  procedure: { id: string; type: string; finished: boolean; currentStep: string | null; currentStepKey: string | null };
  nextTask: Task | null;
}

const at = (id: string, action: string) => `/api/tasks/${encodeURIComponent(id)}/${action}`;

export const taskApi = {
  /** The key makes a repeated submit (double click, retry after a dropped answer) one completion. */
  async complete(id: string, data: Record<string, unknown>, idempotencyKey: string): Promise<CompletionResult> {
    const { json } = await apiFetch(at(id, 'complete'), { method: 'POST', body: { data }, headers: { 'idempotency-key': idempotencyKey } });
    return json as CompletionResult;
  },
  async claim(id: string): Promise<Task> {
    return (await apiFetch(at(id, 'claim'), { method: 'POST', body: {} })).json as Task;
  },
  async unclaim(id: string): Promise<Task> {
    return (await apiFetch(at(id, 'unclaim'), { method: 'POST', body: {} })).json as Task;
  },
  async reassign(id: string, userId: string): Promise<Task> {
    return (await apiFetch(at(id, 'reassign'), { method: 'POST', body: { userId } })).json as Task;
  },
  async resubmit(id: string, resubmitAt: string, reason: string): Promise<Task> {
    return (await apiFetch(at(id, 'resubmission'), { method: 'POST', body: { resubmitAt, reason } })).json as Task;
  },
  async cancelResubmission(id: string): Promise<Task> {
    return (await apiFetch(at(id, 'resubmission'), { method: 'DELETE' })).json as Task;
  },
};
