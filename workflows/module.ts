import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import type { z } from 'zod';
import type { FieldError } from '../api/errors';
import type { Api } from '../api/route';
import type { SettingsOf, SettingsSpec } from '../config/settings';
import type { Db, DbOrTx } from '../db/client';
import type { LetterWriters } from './engine/consultation/letters';
import type { ParticipantSources } from './engine/consultation/participants';
import type { FormTable } from './engine/human-task';
import type { StepMap } from './step-map';

// The contract of a procedure module: what its index.ts exports, and all the engine, the API, the
// worker and the schedules know of it. Types only: the workflow bundle never loads this file.

/** What a start form's schema cannot know: that the records it names exist, and a better title. */
export interface StartCheck {
  problems: FieldError[];
  title?: string;
}

export interface StartRequest {
  type: string;
  input: unknown;
  /** Null when the system starts it (a schedule, a feed import). */
  startedBy: string | null;
  /** The caller's idempotency key (a double click is one start). */
  requestKey?: string;
  /** A title that the start check would otherwise look up. */
  title?: string;
}

export interface StartResult {
  id: string;
  /** False when this start (same key, or the same fixed id) had happened before. */
  created: boolean;
}

/** The one start service (activities/start-procedure.ts), as a module's job or route sees it. */
export interface ProcedureStarter {
  start(request: StartRequest): Promise<StartResult>;
  /** Inside the caller's transaction (the imported call and its review's start are one fact). */
  startIn(tx: DbOrTx, request: StartRequest): Promise<StartResult>;
}

/** A Temporal Schedule a module keeps: created or updated at every API start, steered by admins. */
export interface ModuleSchedule {
  id: string;
  label: string;
  /** The module's job (in `jobs`) the schedule runs. */
  job: string;
  /** A cron expression (Europe/Berlin) or a clock duration ("6h"). */
  when: string;
  /** Set when configuration leaves it nothing to do: then it stays paused, saying why. */
  idleNote?: string;
}

export interface JobContext<S> {
  db: Db;
  settings: S;
  starter: ProcedureStarter;
  /** The base of links in mails (PUBLIC_URL). */
  publicUrl: string;
  /** When the schedule fired (the workflow's start), e.g. to tell which quarter just ended. */
  firedAt: Date;
  /**
   * A part of the job that fails while the rest goes on (one broken feed among several): a
   * disturbance the admins see, retried by running the schedule again; `recovered` closes it.
   */
  disturbed(subject: string, error: string): Promise<void>;
  recovered(subject: string): Promise<void>;
  log: (msg: string, detail?: Record<string, unknown>) => void;
}

export interface ModuleActivityDeps {
  db: Db;
  publicUrl: string;
  chromiumPath: string;
  starter: ProcedureStarter;
}

export interface ModuleRouteDeps<S> {
  db: Db;
  temporal: Client;
  settings: S;
  starter: ProcedureStarter;
}

/**
 * Pages people reach without a login (the link that withdraws a consent, a public request form):
 * mounted at `path` before the session, behind the public pages' rate limit, their failures shown as
 * a page, never as JSON.
 */
export interface PublicPages {
  /** "/einwilligung": the start of every link to them. */
  path: string;
  /** `starter`: a public request form starts its procedure (without a person: startedBy null). */
  router(deps: { db: Db; starter: ProcedureStarter }): Router;
}

/**
 * What keeps Temporal Schedules and runs their jobs: every procedure module, and the engine's own
 * parts that belong to no procedure (the daily task digest, schedules/owners.ts).
 */
export interface ScheduleOwner<S extends SettingsSpec = SettingsSpec> {
  /** A procedure's type, or the engine part's name: its settings and jobs are found by it. */
  type: string;
  settings?: S;
  schedules?(settings: SettingsOf<S>): ModuleSchedule[];
  jobs?: Record<string, (ctx: JobContext<SettingsOf<S>>) => Promise<unknown>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- activities are any function of serialisable data
type ActivityTable = Record<string, (input: any) => Promise<unknown>>;

export interface ProcedureModule<I = never, S extends SettingsSpec = SettingsSpec, F extends FormTable = FormTable> {
  /** The API's name of the procedure, and its folder: `workflows/<type>/`. */
  type: string;
  /** German, as lists and mails name it. */
  label: string;
  /** The exported workflow function's name (in the module's workflow.ts, or the engine's). */
  workflowType: string;
  startForm: z.ZodType<I>;
  /** Its steps as a graph (steps.ts): drawn by the console, each procedure's position marked on it. */
  steps: StepMap;
  /** Form kind → schema of every task the workflow opens; kinds are unique across all modules. */
  taskForms: F;
  settings?: S;
  /** Without a database; a start check's title (the study's own) wins. */
  titleOf(input: I): string;
  /**
   * Its title when another procedure runs it as a part, from the parent's title, so that the parts
   * of several parents can be told apart in lists ("Anfrage zu: Förderaufruf ESF Plus 2027").
   * Without it, the title the parent gives its step.
   */
  childTitleOf?(parentTitle: string): string;
  /**
   * One procedure per input (a quarter's monitoring): its id, the same for every start, so that a
   * second start is refused (409) and Temporal rejects a duplicate however it is started.
   */
  procedureIdOf?(input: I): string;
  checkStart?(db: DbOrTx, input: I): Promise<StartCheck>;
  /** What checkStart refuses beyond the form, in words for the API document (one clause, no ";"). */
  startRule?: string;
  activities?(deps: ModuleActivityDeps): ActivityTable;
  routes?(api: Api, deps: ModuleRouteDeps<SettingsOf<S>>): void;
  schedules?(settings: SettingsOf<S>): ModuleSchedule[];
  jobs?: Record<string, (ctx: JobContext<SettingsOf<S>>) => Promise<unknown>>;
  /** Kinds of knowledge-base entries the procedure archives, with their German name. */
  knowledgeSources?: Record<string, string>;
  /** Demo data (DEMO_DATA=true), after the departments and users exist; idempotent. */
  seed?(db: Db): Promise<void>;
  /** Whom else than departments a consultation can ask, by kind ("provider"): the module's master data. */
  participants?: ParticipantSources;
  /** Writers of its consultations' requests, by a key unique across modules (engine/consultation/letters.ts). */
  letters?: LetterWriters;
  publicPages?: PublicPages[];
}

/**
 * A module of master data without a procedure of its own (a register others' procedures use, or one
 * whose procedure is still to come): the API mounts its routes and pages and the seed writes its
 * data, but nothing can be started, listed or drawn as its procedure.
 */
export type MasterDataModule<S extends SettingsSpec = SettingsSpec> = Pick<
  ProcedureModule<never, S>,
  'type' | 'label' | 'settings' | 'routes' | 'seed' | 'participants' | 'publicPages'
>;

export function defineMasterData<S extends SettingsSpec = Record<string, never>>(module: MasterDataModule<S>): MasterDataModule<S> {
  return module;
}

/** Checks a module's definition against the contract while keeping its own input and settings types. */
export function defineProcedure<I, F extends FormTable, S extends SettingsSpec = Record<string, never>>(
  module: ProcedureModule<I, S, F>,
): ProcedureModule<I, S, F> {
  return module;
}
