import type { z } from 'zod';
import type { ComponentType } from 'react';
import { isProcedureConsole, type ConsoleModule, type ConsolePart, type StartFormDefinition, type TaskFormDefinition } from './types';

// Every module's console part (workflows/<type>/console/index.ts), found by the bundler; those of
// modules still without a procedure bring pages and words only.
const found = import.meta.glob<{ consoleModule: ConsoleModule | ConsolePart }>('../../../workflows/*/console/index.ts', { eager: true });

const consoleParts: (ConsoleModule | ConsolePart)[] = Object.values(found).map((m) => m.consoleModule);
export const consoleModules: ConsoleModule[] = consoleParts.filter(isProcedureConsole);

const taskForms = new Map<string, { definition: TaskFormDefinition; schema: z.ZodType }>();
for (const m of consoleModules) {
  for (const [kind, definition] of Object.entries(m.taskForms)) {
    const schema = m.taskSchemas[kind];
    if (schema) taskForms.set(kind, { definition, schema });
  }
}

/** The form of a task kind, with the schema the API checks it against; undefined for a kind no module knows. */
export function taskFormFor(kind: string): { definition: TaskFormDefinition; schema: z.ZodType } | undefined {
  return taskForms.get(kind);
}

export function startFormFor(type: string): { definition: StartFormDefinition; schema: z.ZodType } | undefined {
  const m = consoleModules.find((c) => c.type === type);
  return m ? { definition: m.startForm, schema: m.startSchema } : undefined;
}

export const procedureTypeIds: string[] = consoleModules.map((m) => m.type);

export const moduleResources = consoleParts.flatMap((m) => m.resources ?? []);

export const moduleMessages = (locale: 'de' | 'en') => consoleParts.map((m) => m.messages[locale]);

/** Kinds of knowledge-base entries: those the modules name in their words (app.knowledge_source). */
export const knowledgeSourceTypes: string[] = consoleModules.flatMap((m) =>
  Object.keys(((m.messages.de.app as Record<string, unknown> | undefined)?.knowledge_source as Record<string, string> | undefined) ?? {}),
);

/** What the modules add to a record page of `resource` (an organisation's cases and campaigns), in the modules' order. */
export function recordSectionsOf(resource: string): ComponentType<{ id: string }>[] {
  return consoleParts.flatMap((m) => m.recordSections?.[resource] ?? []);
}
