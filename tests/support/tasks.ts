import { eventually, listQuery, type ApiClient } from './client';

export interface TaskRow {
  id: string;
  title: string;
  formKind: string;
  procedureId: string;
  status: string;
  dueAt: string | null;
  assigneeId: string | null;
  context: Record<string, any>;
}

/** The open task of a form kind in a procedure, as `client` sees it, with its context. */
export async function openTask(client: ApiClient, procedureId: string, formKind: string, timeoutMs = 30_000): Promise<TaskRow> {
  const listed = await eventually(async () => {
    const rows = (await client.get(`/api/tasks?${listQuery({ procedureId })}`)).body as TaskRow[];
    return rows.find((t) => t.formKind === formKind && (t.status === 'open' || t.status === 'claimed'));
  }, timeoutMs, `an open ${formKind} task in ${procedureId}`);
  return (await client.get(`/api/tasks/${listed.id}`)).body as TaskRow;
}

/** Completes a task and insists it worked. */
export async function complete(client: ApiClient, task: { id: string }, data: Record<string, unknown>) {
  const reply = await client.post(`/api/tasks/${task.id}/complete`, { data });
  if (reply.status !== 200) throw new Error(`completing ${task.id}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { procedure: { id: string; finished: boolean; currentStep: string | null } };
}

export async function procedureWhen(client: ApiClient, id: string, status: string, timeoutMs = 30_000) {
  return eventually(async () => {
    const p = (await client.get(`/api/procedures/${id}`)).body as { status: string; outcome: string | null; currentStep: string | null };
    return p.status === status ? p : undefined;
  }, timeoutMs, `procedure ${id} ${status}`);
}
