import fs from 'node:fs';
import { recordHistories } from './record-histories';
import { STACK_FILE, testStack } from './stack-env';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.amtsflowStack;
  if (!stack) return;
  // Only `npm run histories` sets it: the tests themselves never rewrite the recorded histories.
  const record = process.env.RECORD_HISTORIES;
  if (record === 'add' || record === 'replace') await recordHistories(testStack(), record, (msg) => process.stdout.write(`${msg}\n`));
  const code = await stack.process.stop('SIGTERM', 60_000);
  if (code !== 0) process.stderr.write(`[test] the stack exited with ${code}:\n${stack.process.output().slice(-3000)}\n`);
  fs.rmSync(stack.dataDir, { recursive: true, force: true });
  fs.rmSync(STACK_FILE, { force: true });
}
