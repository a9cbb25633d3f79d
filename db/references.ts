import { inArray } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FieldError } from '../api/errors';
import type { DbOrTx } from './client';
import { departments } from './schema';

// What a form's schema cannot know: that the records it names exist. Checked before a workflow
// hears of them, so a wrong id is a 400 naming it, not a procedure stuck on a failing activity.

/** Field errors for the ids in a list that name no row of `column`'s table; `path` is the list's path. */
export async function unknownIds(db: DbOrTx, column: AnyPgColumn, ids: string[] | undefined, path: string, message: string): Promise<FieldError[]> {
  if (!ids || ids.length === 0) return [];
  const known = new Set((await db.select({ id: column }).from(column.table).where(inArray(column, ids))).map((r) => r.id as string));
  return ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `${path}.${i}`, message }]));
}

/** Field errors for department ids that name no department; `path` is the list's path. */
export const unknownDepartments = (db: DbOrTx, ids: string[], path: string) => unknownIds(db, departments.id, ids, path, 'unbekannte Dienststelle');

/** A task form that names departments (triage, decision) is checked the same way before the update. */
export async function checkTaskReferences(db: DbOrTx, data: Record<string, unknown>): Promise<FieldError[]> {
  const listed = Array.isArray(data.departmentIds) ? (data.departmentIds as string[]) : [];
  const problems = await unknownDepartments(db, listed, 'data.departmentIds');
  if (typeof data.leadDepartmentId === 'string') {
    const lead = await unknownDepartments(db, [data.leadDepartmentId], 'data.leadDepartmentId');
    problems.push(...lead.map((p) => ({ ...p, path: 'data.leadDepartmentId' })));
  }
  return problems;
}
