import { engineActivities, type ActivityDeps } from '../activities';
import { participantDirectory } from '../activities/participants';
import { knowledgeSources, letterWriters, participantSources, procedureModules, taskFormSchemas } from '../workflows/registry';

export type WorkerActivityDeps = Omit<ActivityDeps, 'taskForms' | 'knowledgeSources' | 'participants' | 'letters'>;

/** Every activity the worker registers: the engine's and each module's own. */
export function createActivities(deps: WorkerActivityDeps) {
  const full: ActivityDeps = {
    ...deps,
    taskForms: taskFormSchemas,
    knowledgeSources: Object.keys(knowledgeSources),
    participants: participantDirectory(participantSources),
    letters: letterWriters,
  };
  const own = procedureModules.map((m) => m.activities?.(full) ?? {});
  const activities: Record<string, unknown> = { ...engineActivities(full) };
  for (const table of own) {
    for (const [name, fn] of Object.entries(table)) {
      // Activities share one namespace on the task queue: two modules naming one alike would call the wrong one.
      if (name in activities) throw new Error(`activity ${name} is defined twice`);
      activities[name] = fn;
    }
  }
  return activities;
}
