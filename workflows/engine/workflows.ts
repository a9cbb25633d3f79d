// The engine's own workflows, bundled beside every module's workflow.ts (worker/bundle.ts).
export { departmentConsultation } from './consultation/workflow';
export { scheduledJob } from './scheduled-job';
