import { childProcedure } from '../children';
import type { ProcedureArgs } from '../frame';
import { CONSULTATION_WORKFLOW } from './contract';
import type { ConsultationInput } from './forms';
import type { ConsultationResult } from './workflow';

export interface ConsultSpec {
  /** Unique within the parent; names the child workflow, so a replay finds the same child. */
  key: string;
  /** The parent's step while the departments answer, and the child's title in lists. */
  title: string;
  input: ConsultationInput;
  /** Who consolidates the answers at the end; null: the staff group (a procedure the system started). */
  consolidatorId: string | null;
  /** The calling procedure's args: the consultation runs on the same waiting times. */
  timings: Pick<ProcedureArgs<unknown, unknown>, 'timing' | 'consultation'>;
}

/**
 * Asks the departments as a child procedure of the calling one and waits for the consolidated
 * answers. A cancelled parent cancels the child, which closes its requests.
 */
export function consultDepartments(spec: ConsultSpec): Promise<ConsultationResult> {
  return childProcedure<ConsultationInput, ConsultationResult>({
    key: spec.key,
    title: spec.title,
    workflowType: CONSULTATION_WORKFLOW,
    args: {
      input: spec.input,
      startedBy: spec.consolidatorId,
      timing: spec.timings.timing,
      consultation: spec.timings.consultation,
      settings: {},
    },
  });
}
