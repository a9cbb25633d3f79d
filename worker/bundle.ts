import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { procedureModules } from '../workflows/registry';

const WORKFLOWS_DIR = path.join(__dirname, '..', 'workflows');

/**
 * The workflow code the worker runs: the engine's own workflows and each registered module's
 * workflow.ts, nothing else — the bundler never sees a module's API, activities or console.
 */
export function workflowFiles(): string[] {
  const modules = procedureModules
    .map((m) => path.join(WORKFLOWS_DIR, m.type, 'workflow.ts'))
    .filter((file) => fs.existsSync(file));
  return [path.join(WORKFLOWS_DIR, 'engine', 'workflows.ts'), ...modules];
}

/**
 * Writes the bundle's entry: a file that re-exports every workflow file, derived from the registry.
 * It lives under node_modules so that the bundler resolves the SDK's modules from it as from the project.
 */
export function writeWorkflowEntry(): string {
  const cache = path.join(__dirname, '..', 'node_modules', '.cache', 'amtsflow-workflows');
  fs.mkdirSync(cache, { recursive: true });
  // The real path: webpack resolves through symbolic links (a node_modules linked from elsewhere).
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(cache), 'entry-'));
  const entry = path.join(dir, 'workflows.ts');
  const lines = workflowFiles().map((file) => `export * from ${JSON.stringify(file.replace(/\.ts$/, ''))};`);
  fs.writeFileSync(entry, `${lines.join('\n')}\n`);
  return entry;
}

/** Webpack-bundles the procedures once; workers in the same process can share the result. */
export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  const entry = writeWorkflowEntry();
  try {
    return await bundleWorkflowCode({
      workflowsPath: entry,
      logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
    });
  } finally {
    fs.rmSync(path.dirname(entry), { recursive: true, force: true });
  }
}
