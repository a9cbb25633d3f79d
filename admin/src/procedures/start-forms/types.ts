import type { ComponentType } from 'react';
import type { ProcedureTypeName } from '../../common/procedureTypes';

/** A procedure type's start form in the console; its schema is the API's (workflows/registry.ts). */
export interface StartFormDefinition {
  type: ProcedureTypeName;
  Inputs: ComponentType;
  defaults?: Record<string, unknown>;
}
