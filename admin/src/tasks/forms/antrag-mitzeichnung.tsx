import { DraftFacts } from './DraftFacts';
import { taskForm as approval } from './freigabe';
import type { TaskFormDefinition } from './types';

export const taskForm: TaskFormDefinition = { kind: 'antrag-mitzeichnung', Context: DraftFacts, Inputs: approval.Inputs };
