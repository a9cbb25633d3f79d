import ms from 'ms';
import type { Config } from '../config/config';
import { consultationTiming, fundingTiming, monitoringSettings, taskTiming } from '../config/timing';
import type { FeedScanArgs } from '../workflows/funding-call-review/feed-scan';
import type { MonitoringScheduleArgs } from '../workflows/integration-monitoring/schedule';

/** A schedule the system itself keeps: created or updated at every start, from configuration. */
export interface SystemSchedule {
  id: string;
  label: string;
  workflowType: string;
  args: unknown[];
  /** When it runs: every so many milliseconds, or at the times of a cron expression (Europe/Berlin). */
  everyMs?: number;
  cron?: string;
  /** Set when configuration leaves it nothing to do: then it stays paused, saying why. */
  idleNote?: string;
}

/** "0 6 5 1,4,7,10 *" is a cron expression; "90d" or "2s" an interval. */
function when(spec: string): Pick<SystemSchedule, 'everyMs' | 'cron'> {
  return spec.includes(' ') ? { cron: spec } : { everyMs: ms(spec as ms.StringValue) };
}

export function systemSchedules(config: Config): SystemSchedule[] {
  const scan: FeedScanArgs = {
    feeds: config.FUNDING_FEEDS,
    timings: { timing: taskTiming(config), consultation: consultationTiming(config), funding: fundingTiming(config) },
  };
  const monitoring: MonitoringScheduleArgs = {
    timing: taskTiming(config),
    consultation: consultationTiming(config),
    monitoring: monitoringSettings(config),
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
    {
      id: 'amtsflow-integration-monitoring',
      label: 'Integrationsmonitoring des abgelaufenen Quartals starten',
      workflowType: 'integrationMonitoringSchedule',
      args: [monitoring],
      ...when(config.MONITORING_SCHEDULE),
    },
  ];
}
