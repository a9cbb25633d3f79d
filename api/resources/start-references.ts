import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import type { ProcedureTypeName } from '../../workflows/registry';
import type { FieldError } from '../errors';

/**
 * What a start form's schema cannot know: that the departments it names exist. Checked before
 * the workflow starts, so a wrong id is a 400 naming it, not a procedure stuck on a failing activity.
 */
export async function checkStartReferences(db: Db, type: ProcedureTypeName, input: unknown): Promise<FieldError[]> {
  const ids = (input as { departmentIds?: string[] }).departmentIds;
  if (type !== 'department-consultation' || !ids?.length) return [];
  const known = new Set((await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids))).map((d) => d.id));
  return ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `input.departmentIds.${i}`, message: 'unbekannte Dienststelle' }]));
}
