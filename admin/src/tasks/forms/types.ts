import type { ComponentType } from 'react';
import type { Task } from '../taskApi';

/** One task form kind in the console: its inputs and, where it helps, how its context reads. */
export interface TaskFormDefinition {
  kind: string;
  Inputs: ComponentType<{ task: Task }>;
  Context?: ComponentType<{ task: Task }>;
  defaults?: (task: Task) => Record<string, unknown>;
  /** What the inputs hold → the schema's shape, before validation (default: empty values dropped). */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
}
