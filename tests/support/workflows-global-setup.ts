import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflows } from '../../worker/bundle';

/**
 * The workflows project's setup: the worker's workflow bundle, built once per run (webpack takes
 * seconds) for every workflow test file (tests/support/workflow-procedures.ts reads it).
 */
export default async function workflowsGlobalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-workflow-bundle-'));
  const file = path.join(dir, 'workflows.js');
  fs.writeFileSync(file, (await bundleWorkflows()).code);
  process.env.AMTSFLOW_TEST_WORKFLOW_BUNDLE = file;
}
