import { createHash, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { HttpError, zodFields } from '../api/errors';
import { startCommandDispatcher, type CommandDelivery, type CommandDispatcher } from '../commands/dispatcher';
import { enqueueCommand } from '../commands/outbox';
import type { EngineSettings } from '../config/engine';
import { writeAudit } from '../db/audit';
import type { Db, DbOrTx } from '../db/client';
import { procedures } from '../db/schema';
import type { ProcedureArgs } from '../workflows/engine/frame';
import type { ConsultationTiming, TaskTiming } from '../workflows/engine/timing';
import type { ProcedureStarter, StartRequest, StartResult } from '../workflows/module';
import { procedureModule } from '../workflows/registry';

export interface ProcedureRow {
  id: string;
  type: string;
  title: string;
  input: unknown;
  startedBy: string | null;
  parentId?: string;
}

/**
 * The procedure's row and its "started" entry: written here for every start, by the API, a
 * schedule, a feed import, or a child registering itself. False when the row existed (a retry).
 */
export async function writeProcedureRow(tx: DbOrTx, row: ProcedureRow, by: string): Promise<boolean> {
  const [created] = await tx
    .insert(procedures)
    .values({ id: row.id, type: row.type, title: row.title, input: row.input, startedBy: row.startedBy, parentId: row.parentId ?? null })
    .onConflictDoNothing({ target: procedures.id })
    .returning({ id: procedures.id });
  if (!created) return false;
  await writeAudit(tx, {
    actorId: row.startedBy,
    action: 'procedure.started',
    entityType: 'procedure',
    entityId: row.id,
    procedureId: row.id,
    detail: { type: row.type, by, ...(row.parentId ? { parentId: row.parentId } : {}) },
    key: `procedure:${row.id}:started`,
  });
  return true;
}

export interface StarterDeps {
  db: Db;
  taskQueue: string;
  timing: TaskTiming;
  consultation: ConsultationTiming;
  /** The module's settings as configured in this process. */
  settingsOf(type: string): unknown;
  /** Delivers the start now where the engine is reachable; otherwise the command dispatchers do. */
  deliverNow: CommandDelivery['deliverNow'];
}

/**
 * The one way a procedure starts: its start form and start check, its id, its row and audit entry,
 * and its start command in one transaction; delivered to Temporal at once or, if the engine is away,
 * as soon as it is back. Refusals are HttpErrors naming the field (400) or the conflict (409).
 */
export function procedureStarter(deps: StarterDeps): ProcedureStarter {
  async function startIn(tx: DbOrTx, request: StartRequest, afterCommit?: (commandId: string | undefined) => void): Promise<StartResult> {
    const module = procedureModule(request.type);
    if (!module) throw HttpError.badRequest('Unbekannte Vorgangsart', [{ path: 'type', message: 'unbekannte Vorgangsart' }]);
    const parsed = module.startForm.safeParse(request.input);
    if (!parsed.success) throw HttpError.badRequest('Ungültige Startdaten', zodFields(parsed.error, 'input'));
    const input = parsed.data;
    const checked = (await module.checkStart?.(tx, input)) ?? { problems: [] };
    if (checked.problems.length > 0) throw HttpError.badRequest('Ungültige Startdaten', checked.problems);
    const fixedId = module.procedureIdOf?.(input);
    const suffix = request.requestKey
      ? createHash('sha256').update(`${request.startedBy ?? 'system'}:${request.requestKey}`).digest('hex').slice(0, 32)
      : randomUUID();
    const id = fixedId ?? `${module.type}-${suffix}`;
    const created = await writeProcedureRow(
      tx,
      { id, type: module.type, title: request.title ?? checked.title ?? module.titleOf(input), input, startedBy: request.startedBy },
      request.startedBy ? 'person' : 'system',
    );
    if (!created) {
      if (fixedId) throw HttpError.conflict('Dieser Vorgang existiert bereits; ein zweiter Lauf wird nicht gestartet');
      return { id, created: false };
    }
    const args: ProcedureArgs<unknown, unknown> = {
      input,
      startedBy: request.startedBy,
      timing: deps.timing,
      consultation: deps.consultation,
      settings: deps.settingsOf(module.type) ?? {},
    };
    const commandId = await enqueueCommand(tx, `start:${id}`, {
      kind: 'start',
      workflowId: id,
      payload: { workflowType: module.workflowType, taskQueue: deps.taskQueue, args: [args] },
    });
    afterCommit?.(commandId);
    return { id, created: true };
  }

  return {
    // In someone else's transaction: its commit makes the start happen (the dispatchers deliver it).
    startIn: (tx, request) => startIn(tx, request),
    async start(request) {
      let commandId: string | undefined;
      const result = await deps.db.transaction((tx) => startIn(tx, request, (id) => (commandId = id)));
      // Briefly: the row is the start, and an engine that is away must not hold up the answer (201 either way).
      await deps.deliverNow([commandId]);
      return result;
    },
  };
}

export interface ProcedureServicesOptions {
  db: Db;
  databaseUrl: string;
  temporal: Client;
  taskQueue: string;
  engine: EngineSettings;
  commandsPollMs: number;
  log: (msg: string) => void;
}

/**
 * What every API and worker process runs: the delivery of the workflow commands (starts, answers,
 * cancellations owed to a workflow) and the start service that writes them.
 */
export function startProcedureServices(options: ProcedureServicesOptions): { starter: ProcedureStarter; commands: CommandDispatcher } {
  const commands = startCommandDispatcher({
    db: options.db,
    databaseUrl: options.databaseUrl,
    temporal: options.temporal,
    pollMs: options.commandsPollMs,
    log: options.log,
  });
  const starter = procedureStarter({ db: options.db, taskQueue: options.taskQueue, ...options.engine, deliverNow: commands.deliverNow });
  return { starter, commands };
}
