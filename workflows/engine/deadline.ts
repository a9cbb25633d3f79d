import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

export interface DeadlineSpec {
  /** Epoch ms; the work is cancelled (its open tasks leave the inboxes) when it has not finished by then. */
  deadlineAt: number;
  /** An optional warning some time before the deadline, while the work is still open. */
  warnAt?: number;
  onWarn?: () => Promise<void>;
}

export type DeadlineResult<T> = { done: true; value: T } | { done: false };

/**
 * Runs work that must finish before a deadline (an application before a funder's closing date).
 * A cancellation of the procedure itself still propagates; only the deadline's own cancellation
 * turns into `{ done: false }`.
 */
export async function beforeDeadline<T>(spec: DeadlineSpec, work: () => Promise<T>): Promise<DeadlineResult<T>> {
  if (spec.deadlineAt <= Date.now()) return { done: false };
  const workScope = new CancellationScope();
  const timers = new CancellationScope();
  let expired = false;
  const ignoreCancel = (err: unknown) => {
    if (!isCancellation(err)) throw err;
  };
  void timers
    .run(async () => {
      await sleep(spec.deadlineAt - Date.now());
      expired = true;
      workScope.cancel();
    })
    .catch(ignoreCancel);
  const { warnAt, onWarn } = spec;
  if (warnAt !== undefined && onWarn && warnAt < spec.deadlineAt) {
    void timers
      .run(async () => {
        if (warnAt > Date.now()) await sleep(warnAt - Date.now());
        await onWarn();
      })
      .catch(ignoreCancel);
  }
  try {
    const value = await workScope.run(work);
    return { done: true, value };
  } catch (err) {
    if (expired && isCancellation(err)) return { done: false };
    throw err;
  } finally {
    timers.cancel();
  }
}
