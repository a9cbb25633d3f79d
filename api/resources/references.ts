import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, fundingCalls, procedures, studies } from '../../db/schema';
import { quarterEnd } from '../../workflows/integration-monitoring/quarter';
import type { ProcedureTypeName } from '../../workflows/registry';
import { HttpError, type FieldError } from '../errors';

export interface StartCheck {
  problems: FieldError[];
  /** A better title than the start form alone gives (the funding call's own title). */
  title?: string;
}

/**
 * What a start form's schema cannot know: that the records it names exist. Checked before the
 * workflow starts, so a wrong id is a 400 naming it, not a procedure stuck on a failing activity.
 */
export async function checkStartReferences(db: Db, type: ProcedureTypeName, input: unknown): Promise<StartCheck> {
  if (type === 'department-consultation') {
    return { problems: await unknownDepartments(db, (input as { departmentIds: string[] }).departmentIds, 'input.departmentIds') };
  }
  if (type === 'funding-call-review') return checkFundingCall(db, (input as { fundingCallId: string }).fundingCallId);
  if (type === 'study-evaluation') {
    const { studyId } = input as { studyId: string };
    const [study] = await db.select({ title: studies.title }).from(studies).where(eq(studies.id, studyId));
    if (!study) return { problems: [{ path: 'input.studyId', message: 'unbekannte Studie' }] };
    return { problems: [], title: `Studie auswerten: ${study.title}` };
  }
  if (type === 'integration-monitoring') {
    const { quarter } = input as { quarter: string };
    // Its values are final only once it has ended.
    if (quarterEnd(quarter).getTime() > Date.now()) return { problems: [{ path: 'input.quarter', message: 'Das Quartal ist noch nicht abgeschlossen' }] };
  }
  return { problems: [] };
}

/** Field errors for department ids that name no department; `path` is the list's path. */
export async function unknownDepartments(db: Db, ids: string[], path: string): Promise<FieldError[]> {
  if (ids.length === 0) return [];
  const known = new Set((await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids))).map((d) => d.id));
  return ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `${path}.${i}`, message: 'unbekannte Dienststelle' }]));
}

async function checkFundingCall(db: Db, id: string): Promise<StartCheck> {
  const [call] = await db
    .select({ title: fundingCalls.title, review: procedures.id, reviewStatus: procedures.status })
    .from(fundingCalls)
    .leftJoin(procedures, eq(procedures.id, fundingCalls.reviewProcedureId))
    .where(eq(fundingCalls.id, id));
  if (!call) return { problems: [{ path: 'input.fundingCallId', message: 'unbekannter Förderaufruf' }] };
  if (call.reviewStatus === 'running') {
    throw HttpError.conflict(`Für diesen Förderaufruf läuft bereits eine Prüfung (${call.review})`);
  }
  return { problems: [], title: `Förderaufruf: ${call.title}` };
}

/** A task form that names departments (triage, decision) is checked the same way before the update. */
export async function checkTaskReferences(db: Db, data: Record<string, unknown>): Promise<FieldError[]> {
  const listed = Array.isArray(data.departmentIds) ? (data.departmentIds as string[]) : [];
  const problems = await unknownDepartments(db, listed, 'data.departmentIds');
  if (typeof data.leadDepartmentId === 'string') {
    const lead = await unknownDepartments(db, [data.leadDepartmentId], 'data.leadDepartmentId');
    problems.push(...lead.map((p) => ({ ...p, path: 'data.leadDepartmentId' })));
  }
  return problems;
}
