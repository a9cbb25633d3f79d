import type { ComponentType } from 'react';
import type { ResourceProps } from 'react-admin';
import type { z } from 'zod';
import type { Task } from '../tasks/taskApi';

// What a procedure module's console/index.ts exports: the shell finds it (modules/index.ts) and
// wires its start form, task forms, pages and words; adding a procedure adds no line in admin/src.

/** One task form kind in the console: its inputs and, where it helps, how its context reads. */
export interface TaskFormDefinition {
  Inputs: ComponentType<{ task: Task }>;
  Context?: ComponentType<{ task: Task }>;
  defaults?: (task: Task) => Record<string, unknown>;
  /** What the inputs hold → the schema's shape, before validation (default: empty values dropped). */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
}

/** A procedure type's start form in the console; its schema is the module's (forms.ts), as the API's. */
export interface StartFormDefinition {
  Inputs: ComponentType;
  defaults?: Record<string, unknown>;
  /** What the inputs hold → the schema's shape, before validation (default: empty values dropped). */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
}

type Catalog = Record<string, unknown>;

/**
 * The console part of a module whose procedure is still to come (workflows/module.ts,
 * MasterDataModule): its pages and words, and no start or task forms.
 */
export interface ConsolePart {
  /** The module's folder name. */
  type: string;
  /** The module's own pages (its master data), as react-admin resources. */
  resources?: (ResourceProps & { name: string })[];
  /** Its words in both languages. */
  messages: { de: Catalog; en: Catalog };
  recordSections?: RecordSections;
}

/**
 * Sections a module adds to another module's record page, by that page's resource: the advice cases
 * and campaigns of an organisation on the organisation's page. The page shows them without knowing them.
 */
export type RecordSections = Record<string, ComponentType<{ id: string }>[]>;

export interface ConsoleModule<F extends Record<string, z.ZodType> = Record<string, z.ZodType>> {
  /** The procedure type (the module's folder name). */
  type: string;
  /** The module's forms.ts: the console checks what people type with the API's own schemas. */
  startSchema: z.ZodType;
  taskSchemas: F;
  startForm: StartFormDefinition;
  /** A form for every task form kind of the module: one missing is a type error. */
  taskForms: { [K in keyof F]: TaskFormDefinition };
  /** The module's own pages (its master data), as react-admin resources. */
  resources?: (ResourceProps & { name: string })[];
  /** Its words in both languages; `app.procedure_types.<type>` names the procedure. */
  messages: { de: Catalog; en: Catalog };
  recordSections?: RecordSections;
}

export function defineConsoleModule<F extends Record<string, z.ZodType>>(module: ConsoleModule<F>): ConsoleModule<F> {
  return module;
}

export function defineConsolePart(part: ConsolePart): ConsolePart {
  return part;
}

export function isProcedureConsole(m: ConsoleModule | ConsolePart): m is ConsoleModule {
  return 'startForm' in m;
}
