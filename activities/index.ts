import type { Db } from '../db/client';
import { consultationActivities } from './consultation';
import { fundingCallActivities } from './funding-calls';
import { fundingFeedActivities } from './funding-feeds';
import { procedureActivities } from './procedures';
import { taskActivities } from './tasks';

export interface ActivityDeps {
  db: Db;
  publicUrl: string;
  inboundDomain: string;
  tokenSecret: string;
}

/** Every activity the worker registers; workflows import only the type. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...taskActivities(deps),
    ...procedureActivities(deps),
    ...consultationActivities(deps),
    ...fundingCallActivities(deps),
    ...fundingFeedActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
