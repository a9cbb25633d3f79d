import type { Db } from '../db/client';
import { consultationActivities } from './consultation';
import { fundingCallActivities } from './funding-calls';
import { fundingFeedActivities } from './funding-feeds';
import { knowledgeActivities } from './knowledge';
import { monitoringActivities } from './monitoring';
import { monitoringReportActivities } from './monitoring-report';
import { procedureActivities } from './procedures';
import { studyActivities } from './studies';
import { taskActivities } from './tasks';

export interface ActivityDeps {
  db: Db;
  publicUrl: string;
  inboundDomain: string;
  tokenSecret: string;
  /** The Chromium that prints reports to PDF. */
  chromiumPath: string;
}

/** Every activity the worker registers; workflows import only the type. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...taskActivities(deps),
    ...procedureActivities(deps),
    ...consultationActivities(deps),
    ...fundingCallActivities(deps),
    ...fundingFeedActivities(deps),
    ...knowledgeActivities(deps),
    ...studyActivities(deps),
    ...monitoringActivities(deps),
    ...monitoringReportActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
