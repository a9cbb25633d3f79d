import type { ConsultationTiming } from '../workflows/consultation/shared';
import type { FundingTiming } from '../workflows/funding-call-review/shared';
import type { TaskTiming } from '../workflows/human-task/timing';
import type { MonitoringSettings } from '../workflows/integration-monitoring/shared';
import type { Config } from './config';

export function taskTiming(config: Config): TaskTiming {
  return { due: config.TASK_DUE, reminderAfter: config.TASK_REMINDER_AFTER, escalateAfter: config.TASK_ESCALATE_AFTER };
}

export function consultationTiming(config: Config): ConsultationTiming {
  return {
    deadline: config.CONSULTATION_DEADLINE,
    reminderAfter: config.CONSULTATION_REMINDER_AFTER,
    escalateAfter: config.CONSULTATION_ESCALATE_AFTER,
    grace: config.ANSWER_GRACE,
  };
}

export function fundingTiming(config: Config): FundingTiming {
  return { warnBefore: config.FUNDING_WARN_BEFORE, milestoneLead: config.FUNDING_MILESTONE_LEAD };
}

export function monitoringSettings(config: Config): MonitoringSettings {
  return { recipients: config.MONITORING_RECIPIENTS };
}
