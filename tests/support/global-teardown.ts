import fs from 'node:fs';
import { recordHistories } from './record-histories';
import { describeLeaks, findLeaks, stackSecrets, TEST_LOG_DIR, type Secret } from './log-secrets';
import { STACK_FILE, testStack } from './stack-env';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.amtsflowStack;
  if (!stack) return;
  // Only `npm run histories` sets it: the tests themselves never rewrite the recorded histories.
  const record = process.env.RECORD_HISTORIES;
  if (record === 'add' || record === 'replace') await recordHistories(testStack(), record, (msg) => process.stdout.write(`${msg}\n`));
  // Read while the stack's database still runs; the logs are searched once every process has ended.
  let secrets: Secret[] = [];
  let unread: unknown;
  try {
    secrets = await stackSecrets(testStack());
  } catch (err) {
    unread = err;
  }
  const code = await stack.process.stop('SIGTERM', 60_000);
  if (code !== 0) process.stderr.write(`[test] the stack exited with ${code}:\n${stack.process.output().slice(-3000)}\n`);
  const leaks = findLeaks(TEST_LOG_DIR, secrets);
  fs.rmSync(stack.dataDir, { recursive: true, force: true });
  fs.rmSync(STACK_FILE, { force: true });
  if (unread) throw new Error(`[test] could not read the stack's secrets to check the logs: ${String(unread)}`);
  if (leaks.length > 0) {
    process.exitCode = 1;
    throw new Error(`[test] secrets in the logs of this run (files in ${TEST_LOG_DIR}):\n${describeLeaks(leaks)}`);
  }
  fs.rmSync(TEST_LOG_DIR, { recursive: true, force: true });
  process.stdout.write(`[test] no secret in the logs of the run (${secrets.length} values checked)\n`);
}
