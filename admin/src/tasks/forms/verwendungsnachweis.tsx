import type { TaskFormDefinition } from './types';
import { ReportContext, ReportInputs } from './zwischenbericht';

// The proof of use (Verwendungsnachweis) is reported with the same form as the interim report.
export const taskForm: TaskFormDefinition = { kind: 'verwendungsnachweis', Context: ReportContext, Inputs: ReportInputs };
