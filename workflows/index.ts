// The workflow bundle's entry: every procedure workflow the worker runs.
export { vorgangMitFreigabe } from './vorgang-mit-freigabe/workflow';
export { departmentConsultation } from './consultation/workflow';
export { fundingCallReview } from './funding-call-review/workflow';
export { fundingFeedScan } from './funding-call-review/feed-scan';
export { studyEvaluation } from './study-evaluation/workflow';
export { integrationMonitoring } from './integration-monitoring/workflow';
export { integrationMonitoringSchedule } from './integration-monitoring/schedule';
