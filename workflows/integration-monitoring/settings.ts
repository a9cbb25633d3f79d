import { addressList, defineSettings, scheduleSpec, type SettingsOf } from '../../config/settings';

export const settings = defineSettings({
  /**
   * When the Temporal Schedule starts the monitoring of the quarter just ended: a cron expression
   * (Europe/Berlin; default 06:00 on the 5th day after a quarter) or an interval such as "90d".
   */
  schedule: { env: 'MONITORING_SCHEDULE', schema: scheduleSpec('0 6 5 1,4,7,10 *') },
  /** Who receives the approved report (PDF attached); none: published in the console only. */
  recipients: { env: 'MONITORING_RECIPIENTS', schema: addressList() },
});

export type MonitoringSettings = SettingsOf<typeof settings>;
