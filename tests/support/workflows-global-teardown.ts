import fs from 'node:fs';
import path from 'node:path';

export default async function workflowsGlobalTeardown(): Promise<void> {
  const file = process.env.AMTSFLOW_TEST_WORKFLOW_BUNDLE;
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
