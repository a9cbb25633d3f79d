import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { procedure } from './procedure-state';

const { recordStep } = proxyActivities<EngineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' },
});

/**
 * Waits until a moment (a funder's reporting date): the step is recorded and shown as the
 * procedure's current one, and whoever's click led here gets their answer now, not at that moment.
 */
export async function waitUntil(spec: { key: string; label: string; until: number }): Promise<void> {
  if (spec.until <= Date.now()) return;
  await recordStep({ procedureId: workflowInfo().workflowId, key: spec.key, label: spec.label });
  procedure.reachedWaitPoint(spec.label, spec.key);
  await sleep(spec.until - Date.now());
}
