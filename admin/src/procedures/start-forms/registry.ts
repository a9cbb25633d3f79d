import type { StartFormDefinition } from './types';

// Each file beside this one that exports `startForm` is a procedure type's start form.
const modules = import.meta.glob<{ startForm?: StartFormDefinition }>('./*.tsx', { eager: true });

export const startForms: Record<string, StartFormDefinition> = Object.fromEntries(
  Object.values(modules)
    .map((m) => m.startForm)
    .filter((f): f is StartFormDefinition => !!f)
    .map((f) => [f.type, f]),
);
