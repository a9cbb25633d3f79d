import type { Client } from '@temporalio/client';
import { isGrpcServiceError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError } from '@temporalio/common';
import { encodeToPayloads } from '@temporalio/common/lib/internal-non-workflow';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { workflowCommands } from '../db/schema';
import { errorText, pause, startQueueDispatcher, type QueueDispatcher } from '../outbox/queue';
import { engineAnswers, engineUnreachable } from './engine-connection';
import { COMMANDS_CHANNEL, type WorkflowCommand } from './outbox';

type CommandRow = typeof workflowCommands.$inferSelect;

// A delivery is one or two gRPC calls; a claim outlives them by far.
const LEASE_MS = 60_000;
// Without a deadline the client retries a dead server for about 20 s per call.
const DELIVERY_DEADLINE_MS = 10_000;
const RETRY_BASE_MS = 500;
// Never given up: an answer must reach its procedure however long the engine is away.
const MAX_RETRY_DELAY_MS = 30_000;
// While the engine is away one cheap call a second tells when it is back; then everything kept goes out at once.
const PROBE_EVERY_MS = 1_000;
const PROBE_DEADLINE_MS = 1_500;
/** How long a writer waits for its own command by default before leaving it to the dispatchers. */
export const FAST_PATH_WAIT_MS = 1_000;
const NOT_FOUND = 5;
const SETTLED_POLL_MS = 25;

const retryDelayMs = (attempts: number) => Math.min(RETRY_BASE_MS * 2 ** Math.min(Math.max(0, attempts - 1), 20), MAX_RETRY_DELAY_MS);

/** The workflow has ended: what it was owed no longer matters (an answer after the close is kept in the database). */
class Obsolete extends Error {}

function workflowGone(err: unknown): boolean {
  if (err instanceof WorkflowNotFoundError) return true;
  // NOT_FOUND also names a namespace a restarted dev server has not registered yet: that one is retried.
  if (isGrpcServiceError(err) && err.code === NOT_FOUND) return !/namespace/i.test(err.details ?? err.message);
  return /workflow execution already completed/i.test(errorText(err));
}

/**
 * One command to Temporal. Signals and cancellations carry the command's id as their request id,
 * so the server takes a delivery that is repeated (its answer lost, the lease run out) only once.
 */
async function deliverTo(temporal: Client, id: string, command: WorkflowCommand): Promise<void> {
  const { namespace, identity, loadedDataConverter } = temporal.options;
  const workflowExecution = { workflowId: command.workflowId };
  const signal = async (signalName: string, args: unknown[]) => {
    await temporal.workflowService.signalWorkflowExecution({
      namespace,
      identity,
      workflowExecution,
      signalName,
      requestId: id,
      input: { payloads: await encodeToPayloads(loadedDataConverter, ...args) },
    });
  };
  try {
    await temporal.connection.withDeadline(Date.now() + DELIVERY_DEADLINE_MS, async () => {
      if (command.kind === 'start') {
        await temporal.workflow.start(command.payload.workflowType, {
          workflowId: command.workflowId,
          taskQueue: command.payload.taskQueue,
          args: command.payload.args,
          // A procedure's id is never reused: delivering a start again, even after the procedure ended, starts nothing.
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } else if (command.kind === 'signal') {
        await signal(command.payload.signal, command.payload.args);
      } else {
        await signal('cancelReason', [command.payload]);
        await temporal.workflowService.requestCancelWorkflowExecution({ namespace, identity, workflowExecution, requestId: id });
      }
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return;
    if (workflowGone(err)) throw new Obsolete(errorText(err));
    throw err;
  }
}

export interface CommandDelivery {
  /**
   * Delivers these rows now, in this process (the writer's fast path), waiting at most `waitMs`
   * (default FAST_PATH_WAIT_MS); true when all of them have reached Temporal (or their workflow
   * had ended). What is not delivered by then stays for the dispatchers; while the engine is
   * known to be away this returns false at once.
   */
  deliverNow(ids: (string | undefined)[], waitMs?: number): Promise<boolean>;
}

interface DeliveryOptions {
  /** Called when the engine answers again after an outage, once the kept commands are due. */
  onEngineBack?: (kept: number) => void;
  log?: (msg: string) => void;
}

/** Claiming, delivering and recording commands, and knowing whether the engine is away: for the dispatcher and the fast path. */
export function commandDelivery(db: Db, temporal: Client, options: DeliveryOptions = {}) {
  const log = options.log ?? (() => undefined);
  let engineAway = false;
  let probe: NodeJS.Timeout | undefined;
  let stopped = false;

  async function probeOnce(): Promise<void> {
    probe = undefined;
    if (stopped || !engineAway) return;
    if (!(await engineAnswers(temporal, PROBE_DEADLINE_MS))) {
      if (!stopped) probe = setTimeout(() => void probeOnce(), PROBE_EVERY_MS);
      return;
    }
    engineAway = false;
    // What waited out the outage is due now, not at the end of its backoff.
    const kept = await db
      .update(workflowCommands)
      .set({ nextAttemptAt: sql`least(${workflowCommands.nextAttemptAt}, now())` })
      .where(eq(workflowCommands.status, 'retry'))
      .returning({ id: workflowCommands.id })
      .catch((err: unknown) => {
        log(`[commands] could not hasten the kept commands: ${errorText(err)}`);
        return [];
      });
    options.onEngineBack?.(kept.length);
  }

  function markEngineAway(): void {
    if (engineAway || stopped) return;
    engineAway = true;
    probe = setTimeout(() => void probeOnce(), PROBE_EVERY_MS);
    probe.unref();
  }

  async function claim(only?: ReturnType<typeof sql>): Promise<CommandRow | undefined> {
    // In order per workflow: a cancel must not overtake the start it cancels, nor an answer the start of its consultation.
    const due = sql`(select c.id from ${workflowCommands} c
      where c.status in ('pending', 'retry', 'delivering') and c.next_attempt_at <= now()
      ${only ? sql`and ${only}` : sql``}
      and not exists (select 1 from ${workflowCommands} e
        where e.workflow_id = c.workflow_id and e.status in ('pending', 'retry', 'delivering')
        and (e.created_at, e.id) < (c.created_at, c.id))
      order by c.created_at
      for update of c skip locked
      limit 1)`;
    const [row] = await db
      .update(workflowCommands)
      .set({ status: 'delivering', attempts: sql`${workflowCommands.attempts} + 1`, nextAttemptAt: sql`now() + ${LEASE_MS} * interval '1 millisecond'` })
      .where(eq(workflowCommands.id, due))
      .returning();
    return row;
  }

  const deliver = (row: CommandRow) =>
    deliverTo(temporal, row.id, { kind: row.kind, workflowId: row.workflowId, payload: row.payload } as WorkflowCommand);

  async function record(row: CommandRow, error: unknown): Promise<'done' | 'retry' | 'failed'> {
    if (error === undefined || error instanceof Obsolete) {
      await db
        .update(workflowCommands)
        .set({ status: error ? 'obsolete' : 'delivered', deliveredAt: sql`now()`, lastError: error ? errorText(error) : null })
        .where(and(eq(workflowCommands.id, row.id), eq(workflowCommands.status, 'delivering')));
      return 'done';
    }
    if (engineUnreachable(error)) markEngineAway();
    await db
      .update(workflowCommands)
      .set({ status: 'retry', lastError: errorText(error), nextAttemptAt: sql`now() + ${retryDelayMs(row.attempts)} * interval '1 millisecond'` })
      .where(eq(workflowCommands.id, row.id));
    return 'retry';
  }

  async function deliverAll(wanted: string[], until: number): Promise<boolean> {
    for (;;) {
      const row = await claim(inArray(sql`c.id`, wanted));
      if (!row) break;
      let error: unknown;
      try {
        await deliver(row);
      } catch (err) {
        error = err;
      }
      // Not this process's worry any more: the dispatchers retry with backoff.
      if ((await record(row, error)) === 'retry') return false;
    }
    // What we could not claim a dispatcher has (woken by the same commit's NOTIFY), or an earlier
    // command of its workflow goes first: its outcome is waited for as long as the writer waits.
    for (;;) {
      const rows = await db.select({ status: workflowCommands.status }).from(workflowCommands).where(inArray(workflowCommands.id, wanted));
      if (rows.every((r) => r.status === 'delivered' || r.status === 'obsolete')) return true;
      if (rows.some((r) => r.status === 'retry') || Date.now() + SETTLED_POLL_MS > until) return false;
      await pause(SETTLED_POLL_MS);
    }
  }

  return {
    claim,
    deliver,
    record,
    get engineAway() {
      return engineAway;
    },
    async deliverNow(ids: (string | undefined)[], waitMs = FAST_PATH_WAIT_MS): Promise<boolean> {
      const wanted = ids.filter((id): id is string => id !== undefined);
      if (wanted.length === 0) return true;
      if (engineAway) return false;
      const delivered = deliverAll(wanted, Date.now() + waitMs).catch((err: unknown) => {
        log(`[commands] delivering at once failed, the dispatchers take over: ${errorText(err)}`);
        return false;
      });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
      });
      try {
        return await Promise.race([delivered, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(probe);
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
  let outageLogged = false;
  const delivery = commandDelivery(opts.db, opts.temporal, {
    log: opts.log,
    onEngineBack(kept) {
      opts.log(`[commands] the Temporal server answers again; delivering ${kept} kept command(s) now`);
      queue.wake();
    },
  });
  const queue = startQueueDispatcher<CommandRow>({
    name: 'commands',
    channel: COMMANDS_CHANNEL,
    databaseUrl: opts.databaseUrl,
    pollMs: opts.pollMs,
    // While the engine is away, its probe is the only call; nothing is claimed to fail.
    claimNext: async () => (delivery.engineAway ? undefined : delivery.claim(undefined)),
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
  return {
    ...queue,
    deliverNow: delivery.deliverNow,
    async stop() {
      delivery.stop();
      await queue.stop();
    },
  };
}
