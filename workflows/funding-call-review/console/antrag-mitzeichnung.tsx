import { DraftFacts } from './DraftFacts';
import { ApprovalInputs } from '../../../admin/src/common/ApprovalInputs';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

export const taskForm: TaskFormDefinition = { Context: DraftFacts, Inputs: ApprovalInputs };
