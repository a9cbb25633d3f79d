import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError } from '@temporalio/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { workflowCommands } from '../db/schema';
import { errorText, startQueueDispatcher, type QueueDispatcher } from '../outbox/queue';
import { COMMANDS_CHANNEL, type WorkflowCommand } from './outbox';

type CommandRow = typeof workflowCommands.$inferSelect;

// A delivery is one gRPC call; a claim outlives it by far.
const LEASE_MS = 60_000;
const RETRY_BASE_MS = 500;
// Never given up: an answer must reach its procedure however long the engine is away.
const MAX_RETRY_DELAY_MS = 30_000;

const retryDelayMs = (attempts: number) => Math.min(RETRY_BASE_MS * 2 ** Math.min(Math.max(0, attempts - 1), 20), MAX_RETRY_DELAY_MS);

/** The workflow has ended: what it was owed no longer matters (an answer after the close is kept in the database). */
class Obsolete extends Error {}

async function deliverTo(temporal: Client, command: WorkflowCommand): Promise<void> {
  try {
    if (command.kind === 'start') {
      await temporal.workflow.start(command.payload.workflowType, {
        workflowId: command.workflowId,
        taskQueue: command.payload.taskQueue,
        args: command.payload.args,
        // A procedure's id is never reused: delivering a start again, even after the procedure ended, starts nothing.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      return;
    }
    const handle = temporal.workflow.getHandle(command.workflowId);
    if (command.kind === 'signal') {
      await handle.signal(command.payload.signal, ...command.payload.args);
      return;
    }
    await handle.signal('cancelReason', command.payload);
    await handle.cancel();
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return;
    if (err instanceof WorkflowNotFoundError || /workflow execution already completed/i.test(errorText(err))) throw new Obsolete(errorText(err));
    throw err;
  }
}

export interface CommandDelivery {
  /** Delivers these rows now, in this process (the writer's fast path); what fails stays for the dispatcher. */
  deliverNow(ids: (string | undefined)[]): Promise<void>;
}

/** Fast-path delivery without a loop: for a process that only writes commands. */
export function commandDelivery(db: Db, temporal: Client): CommandDelivery & {
  claim(where: ReturnType<typeof sql> | undefined): Promise<CommandRow | undefined>;
  deliver(row: CommandRow): Promise<void>;
  record(row: CommandRow, error: unknown): Promise<'done' | 'retry' | 'failed'>;
} {
  async function claim(only?: ReturnType<typeof sql>): Promise<CommandRow | undefined> {
    const due = sql`(select ${workflowCommands.id} from ${workflowCommands}
      where ${workflowCommands.status} in ('pending', 'retry', 'delivering') and ${workflowCommands.nextAttemptAt} <= now()
      ${only ? sql`and ${only}` : sql``}
      order by ${workflowCommands.createdAt}
      for update skip locked
      limit 1)`;
    const [row] = await db
      .update(workflowCommands)
      .set({ status: 'delivering', attempts: sql`${workflowCommands.attempts} + 1`, nextAttemptAt: sql`now() + ${LEASE_MS} * interval '1 millisecond'` })
      .where(eq(workflowCommands.id, due))
      .returning();
    return row;
  }

  const deliver = (row: CommandRow) => deliverTo(temporal, { kind: row.kind, workflowId: row.workflowId, payload: row.payload } as WorkflowCommand);

  async function record(row: CommandRow, error: unknown): Promise<'done' | 'retry' | 'failed'> {
    if (error === undefined || error instanceof Obsolete) {
      await db
        .update(workflowCommands)
        .set({ status: error ? 'obsolete' : 'delivered', deliveredAt: sql`now()`, lastError: error ? errorText(error) : null })
        .where(and(eq(workflowCommands.id, row.id), eq(workflowCommands.status, 'delivering')));
      return 'done';
    }
    await db
      .update(workflowCommands)
      .set({ status: 'retry', lastError: errorText(error), nextAttemptAt: sql`now() + ${retryDelayMs(row.attempts)} * interval '1 millisecond'` })
      .where(eq(workflowCommands.id, row.id));
    return 'retry';
  }

  return {
    claim,
    deliver,
    record,
    async deliverNow(ids) {
      const wanted = ids.filter((id): id is string => id !== undefined);
      if (wanted.length === 0) return;
      for (;;) {
        const row = await claim(inArray(workflowCommands.id, wanted));
        if (!row) return;
        let error: unknown;
        try {
          await deliver(row);
        } catch (err) {
          error = err;
        }
        // Not this process's worry any more: the dispatchers retry with backoff.
        if ((await record(row, error)) === 'retry') return;
      }
    },
  };
}

export interface CommandDispatcherOptions {
  db: Db;
  databaseUrl: string;
  temporal: Client;
  pollMs: number;
  log: (msg: string) => void;
}

/** Delivers the workflow commands of every process; any number of these run at once. */
export type CommandDispatcher = QueueDispatcher & CommandDelivery;

export function startCommandDispatcher(opts: CommandDispatcherOptions): CommandDispatcher {
  const delivery = commandDelivery(opts.db, opts.temporal);
  let outageLogged = false;
  const queue = startQueueDispatcher<CommandRow>({
    name: 'commands',
    channel: COMMANDS_CHANNEL,
    databaseUrl: opts.databaseUrl,
    pollMs: opts.pollMs,
    claimNext: () => delivery.claim(undefined),
    deliver: delivery.deliver,
    async record(row, error) {
      const outcome = await delivery.record(row, error);
      if (outcome === 'retry' && !outageLogged) {
        opts.log(`[commands] the Temporal server does not take the ${row.kind} for ${row.workflowId} (attempt ${row.attempts}); kept and retried: ${errorText(error)}`);
        outageLogged = true;
      }
      if (outcome === 'done') outageLogged = false;
      return outcome;
    },
    async nextDueInMs() {
      const result = await opts.db.execute<{ wait_ms: number | string | null }>(sql`
        select greatest(0, extract(epoch from (min(${workflowCommands.nextAttemptAt}) - now())) * 1000) as wait_ms
        from ${workflowCommands} where ${workflowCommands.status} in ('pending', 'retry', 'delivering')`);
      const raw = result.rows[0]?.wait_ms;
      return raw === null || raw === undefined ? null : Number(raw);
    },
    log: opts.log,
  });
  return { ...queue, deliverNow: delivery.deliverNow };
}
