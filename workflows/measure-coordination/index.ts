import { defineMasterData } from '../module';
import { measureRegistryRoutes } from './api';
import { PROVIDER_KIND, providerSource } from './participants';
import { seedMeasureRegistry } from './seed';
import { settings } from './settings';

/**
 * Maßnahme abstimmen: the registry of the Interkulturelles Maßnahmenprogramm (districts, providers,
 * measures) with its duplicate check. The procedure that coordinates an overlap is still to come;
 * until then the module keeps the registry only (module.ts, MasterDataModule).
 */
export default defineMasterData({
  type: 'measure-coordination',
  label: 'Maßnahme abstimmen',
  settings,
  routes: (api, { db, settings }) => measureRegistryRoutes(api, db, settings),
  seed: (db) => seedMeasureRegistry(db),
  participants: { [PROVIDER_KIND]: providerSource },
});
