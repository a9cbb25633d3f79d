import { departments, fakeEngine, type FakeEngine, type FakeRequest } from '../../tests/support/engine-fakes';
import { completeTask, ended, procedureArgs, procedureSuite, refusal, sendCompletion, type Procedures } from '../../tests/support/workflow-procedures';
import { taskFailures } from '../engine/contract';
import { answerReceivedSignal } from '../engine/consultation/contract';
import { COMMENTS_KEY } from '../engine/consultation/forms';
import type { monitoringActivities } from './activities';
import { taskForms } from './forms';
import type { monitoringReportActivities } from './report-activities';
import type { MonitoringSettings } from './settings';
import type { ComparisonRow, DepartmentPlan, OpenField, PlannedField } from './shared';
import { integrationMonitoring } from './workflow';

// Integrationsmonitoring of one quarter, the workflow alone: the departments' values through the
// real consultation child, the clarification of what is missing or implausible, the report's way out.

const suite = procedureSuite();

const settings: MonitoringSettings = { schedule: '0 6 5 1,4,7,10 *', recipients: ['amtsleitung@stadt.example', 'integrationsrat@stadt.example'] };

function planned(indicatorKey: string, name: string, unit: string, plausibleMin: number, plausibleMax: number): PlannedField {
  return {
    field: `${indicatorKey}__gesamt`,
    indicatorId: `indikator-${indicatorKey}`,
    indicatorKey,
    indicatorName: name,
    disaggregation: 'gesamt',
    disaggregationLabel: 'gesamt',
    unit,
    plausibleMin,
    plausibleMax,
  };
}

const kitaQuote = planned('kita_quote', 'Kita-Besuchsquote', '%', 60, 100);
const beratungen = planned('beratungen', 'Beratungen', 'Anzahl', 0, 5000);
const plan: DepartmentPlan[] = [
  { departmentId: departments.jugendamt.id, departmentName: 'Jugendamt', fields: [kitaQuote] },
  { departmentId: departments.sozialamt.id, departmentName: 'Sozialamt', fields: [beratungen] },
];

const comparison: ComparisonRow[] = [
  {
    indicatorId: kitaQuote.indicatorId,
    indicatorKey: kitaQuote.indicatorKey,
    indicatorName: kitaQuote.indicatorName,
    description: 'Anteil der Kinder in Kitas',
    unit: '%',
    direction: 'higher_better',
    departmentName: 'Jugendamt',
    disaggregation: 'gesamt',
    disaggregationLabel: 'gesamt',
    value: 82,
    comment: null,
    source: 'department',
    previous: 80,
    lastYear: 78,
    changePrevious: { absolute: 2, percent: 2.5, trend: 'improving' },
    changeLastYear: { absolute: 4, percent: 5.1, trend: 'improving' },
  },
];

type MonitoringActivities = ReturnType<typeof monitoringActivities> & ReturnType<typeof monitoringReportActivities>;

function monitoringFake(): MonitoringActivities {
  return {
    planMonitoring: async () => plan,
    async storeIndicatorValues() {},
    compareQuarter: async () => comparison,
    renderMonitoringReport: async ({ quarter }) => ({ reportId: `bericht-${quarter}` }),
    printMonitoringReport: async () => ({ size: 48_000 }),
    publishMonitoringReport: async ({ recipients }) => ({ mailedTo: recipients.length }),
  };
}

async function start(fake: FakeEngine, p: Procedures) {
  const handle = await p.start(integrationMonitoring, procedureArgs({ quarter: '2026-Q3' }, { settings }));
  const consultation = p.client.workflow.getHandle(`${handle.workflowId}.werte`);
  const requests = await fake.openedRequests(consultation.workflowId, 2);
  const of = (departmentId: string) => requests.find((r) => r.departmentId === departmentId) as FakeRequest;
  const answer = async (departmentId: string, data: Record<string, unknown>) => {
    fake.answer(of(departmentId).requestId, { data });
    await consultation.signal(answerReceivedSignal, { requestId: of(departmentId).requestId, channel: 'page' });
  };
  return { handle, answer };
}

describe('the integration monitoring', () => {
  it('opens one clarification task for a missing and an out-of-range value, whose check refuses a missing or a foreign field', async () => {
    const fake = fakeEngine(taskForms, monitoringFake());
    await suite.run(fake.activities, async (p) => {
      const { handle, answer } = await start(fake, p);
      expect(fake.callsOf('openRequests')[0]?.input.answerForms?.[departments.jugendamt.id]).toEqual([
        expect.objectContaining({ key: kitaQuote.field, type: 'number', min: 0, max: 100, plausible: { min: 60, max: 100 } }),
      ]);
      // The Jugendamt reports an implausible value with its comment; the Sozialamt does not answer by the deadline.
      await answer(departments.jugendamt.id, { [kitaQuote.field]: 45, [COMMENTS_KEY]: { [kitaQuote.field]: 'Neue Zählweise' } });
      await suite.env.sleep('11 days');
      const clarification = await fake.openTask(handle.workflowId, 'klaerung');

      expect(fake.tasks.filter((t) => t.procedureId === handle.workflowId).map((t) => t.taskKey)).toEqual(['klaerung']);
      expect(clarification).toMatchObject({ title: 'Werte klären (2)', assigneeId: 'anna' });
      expect((clarification.context.open as OpenField[]).map((f) => [f.field, f.reason, f.reported, f.departmentComment])).toEqual([
        [kitaQuote.field, 'out_of_range', 45, 'Neue Zählweise'],
        [beratungen.field, 'missing', null, null],
      ]);
      expect(fake.callsOf('storeIndicatorValues')[0]?.input.values).toEqual([
        { indicatorId: kitaQuote.indicatorId, disaggregation: 'gesamt', value: 45, comment: 'Neue Zählweise', source: 'department' },
      ]);

      const send = (values: Record<string, unknown>) =>
        refusal(sendCompletion(handle, clarification.taskId, { taskKey: 'klaerung', data: { values }, actorId: 'anna' }));
      const settledKita = { value: 45, comment: 'Zählweise bestätigt' };
      expect(await send({ [kitaQuote.field]: settledKita })).toMatchObject({
        type: taskFailures.invalidData,
        details: [{ fields: [{ path: `data.values.${beratungen.field}`, message: 'Bitte klären Sie den Wert für „Beratungen – gesamt“.' }] }],
      });
      expect(await send({ [kitaQuote.field]: settledKita, [beratungen.field]: { value: null, comment: 'liegt nicht vor' }, fremd: { value: 1, comment: 'woher?' } })).toMatchObject({
        type: taskFailures.invalidData,
        details: [{ fields: [{ path: 'data.values.fremd', message: 'Dieser Wert ist in diesem Quartal nicht offen.' }] }],
      });

      await completeTask(fake, handle, {
        taskKey: 'klaerung',
        data: { values: { [kitaQuote.field]: settledKita, [beratungen.field]: { value: null, comment: 'Liegt nicht vor' } } },
        actorId: 'anna',
      });
      await fake.openTask(handle.workflowId, 'kommentar-1');
      expect(fake.callsOf('storeIndicatorValues')[1]?.input.values).toEqual([
        { indicatorId: kitaQuote.indicatorId, disaggregation: 'gesamt', value: 45, comment: 'Zählweise bestätigt', source: 'clarification' },
        { indicatorId: beratungen.indicatorId, disaggregation: 'gesamt', value: null, comment: 'Liegt nicht vor', source: 'clarification' },
      ]);
    });
  });

  it('renders, prints and publishes the approved report to the settings’ recipients', async () => {
    const fake = fakeEngine(taskForms, monitoringFake());
    await suite.run(fake.activities, async (p) => {
      const { handle, answer } = await start(fake, p);
      await answer(departments.jugendamt.id, { [kitaQuote.field]: 82 });
      await answer(departments.sozialamt.id, { [beratungen.field]: 1200 });

      // All values plausible: no clarification, straight to the comment (without per-indicator comments: the form's default).
      const comment = await fake.openTask(handle.workflowId, 'kommentar-1');
      expect(comment.context).toMatchObject({ label: '3. Quartal 2026', comparison });
      await completeTask(fake, handle, { taskKey: 'kommentar-1', data: { summary: 'Ein stabiles Quartal.' }, actorId: 'anna' });
      await completeTask(fake, handle, { taskKey: 'freigabe-1', data: { decision: 'approve' }, actorId: 'carla' });

      expect(await ended(handle)).toEqual({ outcome: 'Bericht 3. Quartal 2026 veröffentlicht und an 2 Empfänger versandt' });
      expect(fake.task(handle.workflowId, 'klaerung')).toBeUndefined();
      expect(fake.names().filter((n) => /MonitoringReport$/.test(n))).toEqual(['renderMonitoringReport', 'printMonitoringReport', 'publishMonitoringReport']);
      expect(fake.callsOf('renderMonitoringReport')[0]?.input).toEqual({
        procedureId: handle.workflowId,
        quarter: '2026-Q3',
        summary: 'Ein stabiles Quartal.',
        comments: {},
        commentedBy: 'anna',
        approvedBy: 'carla',
      });
      expect(fake.callsOf('printMonitoringReport')[0]?.input).toEqual({ reportId: 'bericht-2026-Q3' });
      expect(fake.callsOf('publishMonitoringReport')[0]?.input).toEqual({ reportId: 'bericht-2026-Q3', recipients: settings.recipients });
    });
  });
});
