import { inArray } from 'drizzle-orm';
import { defineProcedure } from '../module';
import { coordinationActivities } from './activities';
import { measureRegistryRoutes } from './api';
import { startForm, taskForms } from './forms';
import { PROVIDER_KIND, providerSource } from './participants';
import { measures } from './schema';
import { seedMeasureRegistry } from './seed';
import { settings } from './settings';
import { steps } from './steps';

/** One coordination per pair of measures, whichever of the two it is started for. */
export const coordinationProcedureId = (a: string, b: string) => `measure-coordination-${[a, b].sort().join("-")}`;

/**
 * Maßnahme abstimmen: the registry of the Interkulturelles Maßnahmenprogramm (districts, providers,
 * measures) with its duplicate check, and the procedure that coordinates an overlap of two measures
 * with their providers and the responsible department.
 */
export default defineProcedure({
  type: 'measure-coordination',
  label: 'Maßnahme abstimmen',
  workflowType: 'measureCoordination',
  startForm,
  steps,
  taskForms,
  settings,
  // The start check replaces it with the measures' titles before the row is written.
  titleOf: () => 'Maßnahmen abstimmen',
  procedureIdOf: (input) => coordinationProcedureId(input.measureId, input.otherMeasureId),
  startRule: 'measureId und otherMeasureId nennen zwei vorhandene Maßnahmen, die noch nicht abgestimmt wurden',
  async checkStart(db, input) {
    const found = await db.select({ id: measures.id, title: measures.title }).from(measures).where(inArray(measures.id, [input.measureId, input.otherMeasureId]));
    const title = (id: string) => found.find((m) => m.id === id)?.title;
    const problems = [
      ...(title(input.measureId) ? [] : [{ path: 'input.measureId', message: 'unbekannte Maßnahme' }]),
      ...(title(input.otherMeasureId) ? [] : [{ path: 'input.otherMeasureId', message: 'unbekannte Maßnahme' }]),
    ];
    return { problems, title: `Abstimmung: ${title(input.measureId) ?? ''} und ${title(input.otherMeasureId) ?? ''}` };
  },
  activities: (deps) => coordinationActivities(deps),
  routes: (api, { db, settings, starter }) => measureRegistryRoutes(api, db, settings, starter),
  seed: (db) => seedMeasureRegistry(db),
  participants: { [PROVIDER_KIND]: providerSource },
});
