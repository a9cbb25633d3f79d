import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { FundingFeed } from '../../activities/funding-feeds';
import type { ProcedureArgs } from '../human-task/run-procedure';
import type { fundingCallReview } from './workflow';

const { importFundingFeeds } = proxyActivities<Activities>({
  // A slow funder's server must not hold the scan for long; the next run tries again.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export interface FeedScanArgs {
  feeds: FundingFeed[];
  timings: Pick<ProcedureArgs<unknown>, 'timing' | 'consultation' | 'funding'>;
}

/** Run by a Temporal Schedule: imports new funding calls and starts a review for each. */
export async function fundingFeedScan(args: FeedScanArgs): Promise<{ started: number; failedFeeds: string[] }> {
  const { toStart, failed } = await importFundingFeeds({ feeds: args.feeds });
  let started = 0;
  for (const call of toStart) {
    try {
      // Abandoned by the scan when it ends: the review lives on for months, the scan for seconds.
      await startChild<typeof fundingCallReview>('fundingCallReview', {
        workflowId: call.procedureId,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [{ input: { fundingCallId: call.fundingCallId }, startedBy: null, ...args.timings }],
      });
      started += 1;
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  return { started, failedFeeds: failed };
}
