import type { TaskFormDefinition } from './types';

// Each file beside this one that exports `taskForm` is a form kind; adding a kind is adding a file.
const modules = import.meta.glob<{ taskForm?: TaskFormDefinition }>('./*.tsx', { eager: true });

export const taskForms: Record<string, TaskFormDefinition> = Object.fromEntries(
  Object.values(modules)
    .map((m) => m.taskForm)
    .filter((f): f is TaskFormDefinition => !!f)
    .map((f) => [f.kind, f]),
);
