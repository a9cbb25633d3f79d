import type { Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { Db } from '../db/client';
import { errorText } from '../outbox/queue';
import { INCIDENT_AFTER_ATTEMPTS, reportIncident, resolveIncident } from './record';

const keyOf = (workflowId: string, activityId: string) => `activity:${workflowId}:${activityId}`;

/**
 * Notes an activity that has failed three times in a row as a disturbance, and closes it when an
 * attempt succeeds: the worker sees every attempt, so no scan of all running procedures is needed.
 * Bookkeeping must never fail the activity itself.
 */
export function incidentInterceptors(db: Db, log: (msg: string) => void): ActivityInterceptorsFactory {
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        const { attempt, activityId, activityType, workflowExecution, isLocal } = ctx.info;
        if (!workflowExecution) return next(input);
        const key = keyOf(workflowExecution.workflowId, activityId);
        try {
          const result = await next(input);
          if (attempt > INCIDENT_AFTER_ATTEMPTS - 1) await resolveIncident(db, key).catch(() => undefined);
          return result;
        } catch (err) {
          if (attempt >= INCIDENT_AFTER_ATTEMPTS) {
            await reportIncident(db, {
              key,
              kind: 'activity',
              procedureId: workflowExecution.workflowId,
              subject: activityType,
              // The cause, not the wrapper: a database error's own words name the constraint (as Temporal's failure does, see watch.ts).
              error: errorText(err),
              attempts: attempt,
              target: { workflowId: workflowExecution.workflowId, runId: workflowExecution.runId, activityId, activityType, local: isLocal },
            }).catch((e: unknown) => log(`[incidents] could not record a failing ${activityType}: ${(e as Error).message}`));
          }
          throw err;
        }
      },
    },
  });
}
