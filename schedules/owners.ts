import type { SettingsSpec } from '../config/settings';
import { taskDigest } from '../activities/task-digest';
import type { ScheduleOwner } from '../workflows/module';
import { masterDataModules, procedureModules } from '../workflows/registry';

/** The engine's parts with schedules of their own, belonging to no procedure. */
export const engineParts = [taskDigest] as const;

/**
 * Everything that keeps Temporal Schedules: the procedure modules, then the engine's parts; and whose
 * settings the configuration reads, so the modules still without a procedure are among them.
 */
export const scheduleOwners: ScheduleOwner<SettingsSpec>[] = [
  ...(procedureModules as readonly ScheduleOwner<SettingsSpec>[]),
  ...(masterDataModules as readonly ScheduleOwner<SettingsSpec>[]),
  ...(engineParts as readonly ScheduleOwner<SettingsSpec>[]),
];

const byType = new Map(scheduleOwners.map((o) => [o.type, o]));

export function scheduleOwner(type: string): ScheduleOwner<SettingsSpec> | undefined {
  return byType.get(type);
}
