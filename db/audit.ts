import { auditLog } from './schema';
import type { DbOrTx } from './client';

export interface AuditEntry {
  actorId?: string | null;
  onBehalfOfId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  procedureId?: string | null;
  detail?: Record<string, unknown>;
  /** Makes the entry once-only for a retried activity. */
  key?: string;
}

/** The one way anything writes the audit log. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db
    .insert(auditLog)
    .values({
      actorId: entry.actorId ?? null,
      onBehalfOfId: entry.onBehalfOfId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      procedureId: entry.procedureId ?? null,
      detail: entry.detail ?? null,
      key: entry.key ?? null,
    })
    .onConflictDoNothing({ target: auditLog.key });
}
