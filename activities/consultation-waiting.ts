import { and, eq, like, sql } from 'drizzle-orm';
import { germanDateTime } from '../calendar/german-date';
import type { DbOrTx } from '../db/client';
import { consultationRequests, procedures } from '../db/schema';

const WAITING = 'Warten auf Antworten';

/** Departments are "Dienststellen"; asked together with others (providers), all are "Stellen". */
export function askedNoun(count: number, onlyDepartments: boolean): string {
  const singular = onlyDepartments ? 'Dienststelle' : 'Stelle';
  return count === 1 ? singular : `${singular}n`;
}

/** The consultation's current step while it waits: how many have answered, and until when. */
export function waitingLabel(asked: number, answered: number, deadlineAt: Date, onlyDepartments = true): string {
  const who =
    answered === 0
      ? `${asked} ${askedNoun(asked, onlyDepartments)}`
      : `${answered} von ${asked} ${askedNoun(2, onlyDepartments)} haben geantwortet`;
  return `${WAITING} (${who}, Frist ${germanDateTime(deadlineAt)})`;
}

/**
 * After an answer, in its transaction: "Aktueller Schritt" counts it at once, not only when the
 * workflow moves on. Only while the consultation still waits; a late answer after the
 * consolidation began leaves that step as it is.
 */
export async function refreshWaitingStep(db: DbOrTx, consultationId: string): Promise<void> {
  // Two answers at once: the second waits for the first's commit and then counts both.
  await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, consultationId)).for('update');
  const [tally] = await db
    .select({
      asked: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${consultationRequests.status} = 'answered'))::int`,
      others: sql<number>`(count(*) filter (where ${consultationRequests.departmentId} is null))::int`,
      deadlineAt: sql<Date>`max(${consultationRequests.deadlineAt})`.mapWith(consultationRequests.deadlineAt),
    })
    .from(consultationRequests)
    .where(eq(consultationRequests.consultationId, consultationId));
  if (!tally || tally.asked === 0) return;
  await db
    .update(procedures)
    .set({ currentStep: waitingLabel(tally.asked, tally.answered, tally.deadlineAt, tally.others === 0) })
    .where(and(eq(procedures.id, consultationId), eq(procedures.status, 'running'), like(procedures.currentStep, `${WAITING} (%`)));
}
