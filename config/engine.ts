import type { ConsultationTiming, TaskTiming } from '../workflows/engine/timing';
import type { Config } from './config';

/** The engine's waiting times and each module's settings: what every procedure is started with. */
export interface EngineSettings {
  timing: TaskTiming;
  consultation: ConsultationTiming;
  settingsOf(type: string): unknown;
  /** "16:00" (Berlin): a deadline counted in days ends at the office day's end, never at the clock time of its start. */
  officeDayEnd: string;
}

export function engineSettings(config: Config): EngineSettings {
  return {
    timing: { due: config.TASK_DUE, reminderAfter: config.TASK_REMINDER_AFTER, escalateAfter: config.TASK_ESCALATE_AFTER },
    consultation: {
      deadline: config.CONSULTATION_DEADLINE,
      reminderAfter: config.CONSULTATION_REMINDER_AFTER,
      escalateAfter: config.CONSULTATION_ESCALATE_AFTER,
      grace: config.ANSWER_GRACE,
    },
    settingsOf: (type) => config.procedures[type],
    officeDayEnd: config.OFFICE_DAY_END,
  };
}
