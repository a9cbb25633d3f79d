import fs from 'node:fs';
import path from 'node:path';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleWorkflows } from '../worker/bundle';
import { procedureModules } from '../workflows/registry';

// Running procedures outlive deploys: every history recorded from a real run (npm run histories)
// must replay against today's workflow code. A change to a command sequence without patched()
// fails here, naming the procedure, the history and the event.

const ROOT = path.resolve(__dirname, '..');

const recorded = procedureModules.flatMap((m) => {
  const dir = path.join(ROOT, 'workflows', m.type, 'histories');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ type: m.type, file: path.join(dir, f), name: `${m.type}/histories/${f}` }));
});

let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  bundle = await bundleWorkflows();
}, 120_000);

describe('recorded histories', () => {
  it('exist for every procedure type', () => {
    const types = new Set(recorded.map((r) => r.type));
    expect(procedureModules.map((m) => m.type).filter((t) => !types.has(t))).toEqual([]);
  });

  it.each(recorded.map((r) => [r.name, r] as const))('%s replays against today’s code', async (_name, r) => {
    // The history as the Temporal CLI exports it (the worker's replayer reads that form), and its workflow id.
    const { workflowId, history } = JSON.parse(fs.readFileSync(r.file, 'utf8')) as { workflowId: string; history: unknown };
    try {
      await Worker.runReplayHistory({ workflowBundle: bundle, replayName: r.name }, history, workflowId);
    } catch (err) {
      throw new Error(`${r.name} no longer replays: ${(err as Error).message}`, { cause: err });
    }
  });
});
