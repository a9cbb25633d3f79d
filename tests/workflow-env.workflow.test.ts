import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  answerUpdate,
  answerWithReminder,
  type ReminderActivities,
  type ReminderInput,
} from './fixtures/reminder-workflow';
import { devServerEnv, runWithWorker, timeSkippingEnv } from './support/workflow-env';

// The workflow test environments themselves, on a test-only workflow with days-long deadlines.
// No embedded stack: this file belongs to jest's "workflows" project.

const workflowsPath = require.resolve('./fixtures/reminder-workflow');
const DAY = 24 * 60 * 60 * 1000;

function recordingActivities() {
  const calls: { name: keyof ReminderActivities; requestId: string }[] = [];
  const activities: ReminderActivities = {
    async sendReminder({ requestId }) {
      calls.push({ name: 'sendReminder', requestId });
    },
    async escalate({ requestId }) {
      calls.push({ name: 'escalate', requestId });
    },
  };
  return { calls, activities };
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the time-skipping environment', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a three-day reminder and a five-day escalation in seconds', async () => {
    const { calls, activities } = recordingActivities();
    const input: ReminderInput = { requestId: 'anfrage-1', remindAfter: '3 days', answerWithin: '5 days' };
    const serverTimeBefore = await env.currentTimeMs();
    const wallStart = Date.now();

    const result = await runWithWorker(env, { workflowsPath, activities }, ({ client, taskQueue }) =>
      client.workflow.execute(answerWithReminder, { taskQueue, workflowId: `reminder-${Date.now()}`, args: [input] }),
    );

    expect(Date.now() - wallStart).toBeLessThan(60_000);
    expect(result.outcome).toBe('escalated');
    expect(result.remindedAt - result.startedAt).toBeGreaterThanOrEqual(3 * DAY);
    expect(result.endedAt - result.remindedAt).toBeGreaterThanOrEqual(5 * DAY);
    expect((await env.currentTimeMs()) - serverTimeBefore).toBeGreaterThanOrEqual(8 * DAY);
    expect(calls).toEqual([
      { name: 'sendReminder', requestId: 'anfrage-1' },
      { name: 'escalate', requestId: 'anfrage-1' },
    ]);
  });

  it('takes an answer by update four days in, after the reminder, and does not escalate', async () => {
    const { calls, activities } = recordingActivities();
    const input: ReminderInput = { requestId: 'anfrage-2', remindAfter: '3 days', answerWithin: '5 days' };

    const result = await runWithWorker(env, { workflowsPath, activities }, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(answerWithReminder, {
        taskQueue,
        workflowId: `reminder-${Date.now()}`,
        args: [input],
      });
      // Nothing awaits the result yet, so time stands still until the test moves it.
      await env.sleep('4 days');
      await until('the reminder', () => calls.length === 1);
      // The validator's refusal arrives as the cause of a WorkflowUpdateFailedError.
      await expect(handle.executeUpdate(answerUpdate, { args: ['  '] })).rejects.toMatchObject({
        cause: { message: 'An answer must not be empty.' },
      });
      expect(await handle.executeUpdate(answerUpdate, { args: ['Stellungnahme folgt'] })).toBe('received anfrage-2');
      return handle.result();
    });

    expect(result).toMatchObject({ outcome: 'answered', answer: 'Stellungnahme folgt' });
    expect(result.endedAt - result.startedAt).toBeGreaterThanOrEqual(4 * DAY);
    expect(result.endedAt - result.startedAt).toBeLessThan(8 * DAY);
    expect(calls).toEqual([{ name: 'sendReminder', requestId: 'anfrage-2' }]);
  });
});

describe('the dev server environment', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await devServerEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs the same workflow in real time, with a reminder after a second and an answer by update', async () => {
    expect(env.supportsTimeSkipping).toBe(false);
    const { calls, activities } = recordingActivities();
    const input: ReminderInput = { requestId: 'anfrage-3', remindAfter: '1 second', answerWithin: '1 minute' };

    const result = await runWithWorker(env, { workflowsPath, activities }, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(answerWithReminder, {
        taskQueue,
        workflowId: `reminder-${Date.now()}`,
        args: [input],
      });
      await until('the reminder', () => calls.length === 1);
      await handle.executeUpdate(answerUpdate, { args: ['Keine Einwände'] });
      return handle.result();
    });

    expect(result).toMatchObject({ outcome: 'answered', answer: 'Keine Einwände' });
    expect(result.remindedAt - result.startedAt).toBeGreaterThanOrEqual(1000);
    expect(calls).toEqual([{ name: 'sendReminder', requestId: 'anfrage-3' }]);
  });
});
