import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

// The engine's floor: the least a Temporal workflow can do for one step — one update, one activity.

const { floorStep } = proxyActivities<{ floorStep(n: number): Promise<number> }>({ startToCloseTimeout: '10 seconds' });

export const stepUpdate = defineUpdate<number, [number]>('step');
export const doneSignal = defineSignal('done');

export async function floorWorkflow(): Promise<void> {
  let done = false;
  setHandler(stepUpdate, async (n) => floorStep(n));
  setHandler(doneSignal, () => {
    done = true;
  });
  await condition(() => done);
}
