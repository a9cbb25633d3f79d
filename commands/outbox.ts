import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { workflowCommands } from '../db/schema';

/** The pg_notify channel the command dispatchers LISTEN on. */
export const COMMANDS_CHANNEL = 'workflow_commands';

export type WorkflowCommand =
  | {
      kind: 'start';
      workflowId: string;
      payload: { workflowType: string; taskQueue: string; args: unknown[] };
    }
  | { kind: 'signal'; workflowId: string; payload: { signal: string; args: unknown[] } }
  | { kind: 'cancel'; workflowId: string; payload: { reason: string; by: string } };

/**
 * Writes what a workflow must learn, in the caller's transaction: it exists exactly when the fact
 * it reports does. One row per key (a retried write adds nothing); returns the row's id, to deliver at once.
 */
export async function enqueueCommand(db: DbOrTx, key: string, command: WorkflowCommand): Promise<string | undefined> {
  const [row] = await db
    .insert(workflowCommands)
    .values({ key, kind: command.kind, workflowId: command.workflowId, payload: command.payload })
    .onConflictDoNothing({ target: workflowCommands.key })
    .returning({ id: workflowCommands.id });
  if (row) await db.execute(sql`select pg_notify(${COMMANDS_CHANNEL}, ${row.id})`);
  return row?.id;
}
