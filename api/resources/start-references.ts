import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, studies } from '../../db/schema';
import type { FormKind } from '../../workflows/forms';
import type { ProcedureTypeName } from '../../workflows/registry';
import type { FieldError } from '../errors';

async function unknownDepartments(db: Db, ids: string[] | undefined, path: string): Promise<FieldError[]> {
  if (!ids?.length) return [];
  const known = new Set((await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids))).map((d) => d.id));
  return ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `${path}.${i}`, message: 'unbekannte Dienststelle' }]));
}

export interface StartReferences {
  problems: FieldError[];
  /** The procedure's title when its start names something with a better one (the study's title). */
  title?: string;
}

/**
 * What a start form's schema cannot know: that the departments or the study it names exist. Checked
 * before the workflow starts, so a wrong id is a 400 naming it, not a procedure stuck on a failing activity.
 */
export async function checkStartReferences(db: Db, type: ProcedureTypeName, input: unknown): Promise<StartReferences> {
  if (type === 'department-consultation') {
    return { problems: await unknownDepartments(db, (input as { departmentIds?: string[] }).departmentIds, 'input.departmentIds') };
  }
  if (type === 'study-evaluation') {
    const { studyId } = input as { studyId: string };
    const [study] = await db.select({ title: studies.title }).from(studies).where(eq(studies.id, studyId));
    if (!study) return { problems: [{ path: 'input.studyId', message: 'unbekannte Studie' }] };
    return { problems: [], title: `Studie auswerten: ${study.title}` };
  }
  return { problems: [] };
}

/** The same for a task's form: departments chosen in a task are asked later, so they must exist now. */
export async function checkTaskReferences(db: Db, formKind: FormKind, data: unknown): Promise<FieldError[]> {
  if (formKind === 'studie-zusammenfassen') {
    return unknownDepartments(db, (data as { departmentIds?: string[] }).departmentIds, 'data.departmentIds');
  }
  return [];
}
