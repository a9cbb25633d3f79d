import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { incidents, type IncidentKind } from '../db/schema';

/** After this many failed attempts in a row a failure is a disturbance (Störung), not a hiccup. */
export const INCIDENT_AFTER_ATTEMPTS = 3;

/** The outbox key of the mail that tells the admins of a lasting incident (incidents/watch.ts), once per incident. */
export const incidentNoticeKey = (incidentId: string) => `incident:${incidentId}:notify`;
export const isIncidentNotice = (idempotencyKey: string) => /^incident:[^:]+:notify$/.test(idempotencyKey);

export interface IncidentReport {
  key: string;
  kind: IncidentKind;
  procedureId?: string | null;
  subject: string;
  error: string;
  attempts: number;
  /** What a retry needs: an activity's workflow and id, a mail's id, a schedule's id. */
  target?: Record<string, unknown>;
}

/** Opens the incident, or updates the open one of the same key (its attempts, its last error). */
export async function reportIncident(db: DbOrTx, report: IncidentReport): Promise<void> {
  await db
    .insert(incidents)
    .values({
      key: report.key,
      kind: report.kind,
      procedureId: report.procedureId ?? null,
      subject: report.subject,
      error: report.error.slice(0, 4000),
      attempts: report.attempts,
      target: report.target ?? {},
    })
    .onConflictDoUpdate({
      target: incidents.key,
      targetWhere: sql`${incidents.resolvedAt} is null`,
      set: { error: sql`excluded.error`, attempts: sql`excluded.attempts`, lastSeenAt: sql`now()` },
    });
}

/** It works again: the open incident of the key (if any) is closed. */
export async function resolveIncident(db: DbOrTx, key: string): Promise<void> {
  await db.update(incidents).set({ resolvedAt: sql`now()` }).where(and(eq(incidents.key, key), isNull(incidents.resolvedAt)));
}
