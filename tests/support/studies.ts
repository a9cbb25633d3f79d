import type { StudyFacts } from '../../workflows/study-evaluation/activities';
import { ApiClient, eventually, listQuery } from './client';

// A study as the office registers it, and the evaluation's tasks as staff see them.

export interface Study extends StudyFacts {
  fileType: string | null;
  fileSize: number | null;
  createdBy: string | null;
}

export interface TaskRow {
  id: string;
  title: string;
  formKind: string;
  status: string;
  assigneeId: string | null;
  procedureId: string;
}

export async function createStudy(client: ApiClient, fields: Record<string, unknown>): Promise<Study> {
  const reply = await client.post('/api/studies', { authors: 'Institut für Teilhabeforschung', year: 2025, ...fields });
  if (reply.status !== 201) throw new Error(`study not created: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as Study;
}

export async function startEvaluation(client: ApiClient, studyId: string): Promise<{ id: string; title: string; status: string }> {
  const reply = await client.post('/api/procedures', { type: 'study-evaluation', input: { studyId } });
  if (reply.status !== 201) throw new Error(`evaluation not started: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** The open task of this form in the procedure, as anyone allowed to see every task finds it. */
export async function openTask(client: ApiClient, procedureId: string, formKind: string): Promise<TaskRow> {
  return eventually(async () => {
    const reply = await client.get(`/api/tasks?${listQuery({ procedureId, formKind, status: ['open', 'claimed'] })}`);
    return (reply.body as TaskRow[])[0];
  }, 20_000, `an open ${formKind} task in ${procedureId}`);
}

export async function procedureOf(client: ApiClient, id: string) {
  return (await client.get(`/api/procedures/${id}`)).body as { status: string; currentStep: string | null; outcome: string | null; title: string };
}

export async function endedProcedure(client: ApiClient, id: string, timeoutMs = 30_000) {
  return eventually(async () => {
    const p = await procedureOf(client, id);
    return p.status === 'running' ? undefined : p;
  }, timeoutMs, `the end of ${id}`);
}

export async function userId(client: ApiClient): Promise<string> {
  return ((await client.get('/api/auth/me')).body as { id: string }).id;
}

/** Sends a file the way a browser's form does (multipart/form-data). */
export async function uploadStudyFile(client: ApiClient, studyId: string, name: string, type: string, content: Buffer | string) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
  return client.request('POST', `/api/studies/${studyId}/file`, form);
}

/** A study summarised with relevance 1 and approved by a second reader: the short way into the knowledge base. */
export async function evaluateWithoutConsultation(
  summariser: ApiClient,
  reader: ApiClient,
  studyId: string,
  evaluation: { summary: string; keyFindings?: string[]; departmentIds?: string[] },
): Promise<string> {
  const proc = await startEvaluation(summariser, studyId);
  const work = await openTask(summariser, proc.id, 'studie-zusammenfassen');
  const done = await summariser.post(`/api/tasks/${work.id}/complete`, {
    data: { relevance: 1, keyFindings: [], departmentIds: [], ...evaluation },
  });
  if (done.status !== 200) throw new Error(`summary refused: ${done.status} ${JSON.stringify(done.body)}`);
  const review = await openTask(reader, proc.id, 'studie-gegenlesen');
  const approved = await reader.post(`/api/tasks/${review.id}/complete`, { data: { decision: 'approve' } });
  if (approved.status !== 200 || !approved.body.procedure.finished) {
    throw new Error(`review did not end the evaluation: ${approved.status} ${JSON.stringify(approved.body)}`);
  }
  return proc.id;
}
