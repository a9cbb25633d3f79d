import { startOnce } from '../../schedules/start-once';
import { defineProcedure } from '../module';
import { steps } from './steps';
import { monitoringActivities } from './activities';
import { monitoringRoutes } from './api';
import { startForm, taskForms } from './forms';
import { quarterEnd, quarterEndedBefore, quarterLabel } from './quarter';
import { monitoringReportActivities } from './report-activities';
import { seedMonitoring } from './seed';
import { settings } from './settings';

export const monitoringProcedureId = (quarter: string) => `integration-monitoring-${quarter}`;

/**
 * Integrationsmonitoring, one procedure per quarter: the departments report their indicators,
 * staff clarify and comment, a manager approves, the report (HTML, PDF) is published and mailed.
 */
export default defineProcedure({
  type: 'integration-monitoring',
  label: 'Integrationsmonitoring',
  workflowType: 'integrationMonitoring',
  startForm,
  steps,
  taskForms,
  settings,
  titleOf: (input) => `Integrationsmonitoring ${quarterLabel(input.quarter)}`,
  procedureIdOf: (input) => monitoringProcedureId(input.quarter),
  startRule: 'das Quartal ist bereits abgeschlossen',
  async checkStart(_db, input) {
    // Its values are final only once it has ended.
    if (quarterEnd(input.quarter).getTime() > Date.now()) return { problems: [{ path: 'input.quarter', message: 'Das Quartal ist noch nicht abgeschlossen' }] };
    return { problems: [] };
  },
  activities: (deps) => ({ ...monitoringActivities(deps), ...monitoringReportActivities(deps) }),
  routes: (api, { db }) => monitoringRoutes(api, db),
  schedules: (s) => [
    { id: 'amtsflow-integration-monitoring', label: 'Integrationsmonitoring des abgelaufenen Quartals starten', job: 'startQuarter', when: s.schedule },
  ],
  jobs: {
    /** The quarter that ended before the schedule fired; a second run in the same quarter starts nothing. */
    async startQuarter({ starter, firedAt }) {
      const quarter = quarterEndedBefore(firedAt);
      return { quarter, started: await startOnce(starter, { type: 'integration-monitoring', input: { quarter }, startedBy: null }) };
    },
  },
  seed: (db) => seedMonitoring(db),
});
