import ms from 'ms';
import type { Config } from '../config/config';
import { consultationTiming, fundingTiming, taskTiming } from '../config/timing';
import type { FeedScanArgs } from '../workflows/funding-call-review/feed-scan';

/** A schedule the system itself keeps: created or updated at every start, from configuration. */
export interface SystemSchedule {
  id: string;
  label: string;
  workflowType: string;
  args: unknown[];
  everyMs: number;
  /** Set when configuration leaves it nothing to do: then it stays paused, saying why. */
  idleNote?: string;
}

export function systemSchedules(config: Config): SystemSchedule[] {
  const scan: FeedScanArgs = {
    feeds: config.FUNDING_FEEDS,
    timings: { timing: taskTiming(config), consultation: consultationTiming(config), funding: fundingTiming(config) },
  };
  return [
    {
      id: 'amtsflow-funding-feed-scan',
      label: 'Förderaufrufe aus Feeds einlesen',
      workflowType: 'fundingFeedScan',
      args: [scan],
      everyMs: ms(config.FUNDING_SCAN_EVERY as ms.StringValue),
      idleNote: config.FUNDING_FEEDS.length === 0 ? 'Keine Feeds konfiguriert (FUNDING_FEEDS)' : undefined,
    },
  ];
}
