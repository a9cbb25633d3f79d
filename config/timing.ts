import type { TaskTiming } from '../workflows/human-task/timing';
import type { Config } from './config';

export function taskTiming(config: Config): TaskTiming {
  return { due: config.TASK_DUE, reminderAfter: config.TASK_REMINDER_AFTER, escalateAfter: config.TASK_ESCALATE_AFTER };
}
