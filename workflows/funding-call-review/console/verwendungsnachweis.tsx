import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import { ReportContext, ReportInputs } from './zwischenbericht';

// The proof of use (Verwendungsnachweis) is reported with the same form as the interim report.
export const taskForm: TaskFormDefinition = { Context: ReportContext, Inputs: ReportInputs };
