import { fakeEngine, type FakeEngine } from '../../tests/support/engine-fakes';
import { completeTask, ended, procedureArgs, procedureSuite, refusal, sendCompletion, type Procedures } from '../../tests/support/workflow-procedures';
import { taskFailures } from '../engine/contract';
import type { programmeActivities } from './activities';
import { taskForms } from './forms';
import type { ProgrammeYear } from './programme';
import { compileSections, sectionsHtml, type ProgrammeFigures } from './sections';
import type { ProgrammeSettings } from './settings';
import { measureProgramme } from './workflow';

// Maßnahmenprogramm of one year, the workflow alone: the figures compiled once and carried through
// assessment, approval and report; four-eyes against who assessed and who started; a year without measures.

const suite = procedureSuite();

const settings: ProgrammeSettings = { recipients: ['integrationsrat@stadt.example'], crowdedFrom: 2 };

// Two Stadtbezirke, three measures: the sections' real arithmetic on a registry small enough to read.
const registry: ProgrammeYear = {
  year: 2025,
  bezirke: [
    { id: 'innenstadt', name: 'Innenstadt' },
    { id: 'kalk', name: 'Kalk' },
  ],
  measures: [
    { id: 'm1', title: 'Sprachcafé', providerName: 'Träger A', fieldOfAction: 'sprache-bildung', bezirkIds: ['innenstadt'], participantsPerYear: 20, fundingLines: [{ funderLevel: 'kommune', programme: 'Integrationsbudget', amountPerYear: 5000 }] },
    { id: 'm2', title: 'Deutsch im Quartier', providerName: 'Träger B', fieldOfAction: 'sprache-bildung', bezirkIds: ['innenstadt', 'kalk'], participantsPerYear: 30, fundingLines: [{ funderLevel: 'land', programme: 'KOMM-AN NRW', amountPerYear: 8000 }] },
    { id: 'm3', title: 'Gesundheitslotsen', providerName: 'Träger C', fieldOfAction: 'gesundheit', bezirkIds: ['kalk'], participantsPerYear: null, fundingLines: [] },
  ],
  coordinations: [
    { decidedOn: '2025-05-06', decision: 'cooperate', measureTitle: 'Sprachcafé', otherTitle: 'Deutsch im Quartier', reason: 'Gleiches Angebot', agreement: 'Gemeinsame Anmeldung', followUpDone: true, coordinated: true },
    { decidedOn: '2025-07-01', decision: 'unchanged', measureTitle: 'Sprachcafé', otherTitle: 'Gesundheitslotsen', reason: 'Verschiedene Angebote', agreement: '', followUpDone: null, coordinated: false },
  ],
};

type ProgrammeActivities = ReturnType<typeof programmeActivities>;

function programmeFake(figures: Promise<ProgrammeFigures>): ProgrammeActivities {
  return {
    compileProgramme: () => figures,
    renderProgrammeReport: async ({ figures: f }) => ({ reportId: `bericht-${f.year}` }),
    printProgrammeReport: async () => ({ size: 52_000 }),
    publishProgrammeReport: async ({ recipients }) => ({ mailedTo: recipients.length }),
  };
}

const compiled = () => compileSections({ db: undefined as never, registry, settings });

async function start(fake: FakeEngine, p: Procedures, startedBy: string | null) {
  return p.start(measureProgramme, procedureArgs({ year: 2025 }, { settings, startedBy }));
}

describe('the Maßnahmenprogramm', () => {
  it('carries the compiled figures through assessment and approval into the report, and sends a rejected assessment back', async () => {
    const figures = await compiled();
    // The sections' rules on the small registry: a measure in two Stadtbezirke counts in each, in the total once.
    expect(figures.matrix.rows.find((r) => r.fieldOfAction === 'sprache-bildung')).toMatchObject({
      cells: [{ measures: 2, participants: 50 }, { measures: 1, participants: 30 }],
      total: { measures: 2, participants: 50 },
    });
    expect(figures.matrix.crowded).toEqual([{ label: 'Sprache und Bildung', bezirk: 'Innenstadt', measures: [{ title: 'Sprachcafé', providerName: 'Träger A' }, { title: 'Deutsch im Quartier', providerName: 'Träger B' }] }]);
    expect(figures.matrix.gaps).toBe(9 * 2 - 3);
    expect(figures.funding).toMatchObject({ all: 13_000, withoutFunding: 1 });
    // The year's coordinations: those decided and approved listed, those not needed counted.
    expect(figures.coordinations).toMatchObject({ coordinated: [{ decision: 'cooperate', followUpDone: true }], notNeeded: 1 });
    const section = sectionsHtml(figures);
    expect(section).toContain('<td>06.05.2025</td><td>„Sprachcafé“ und „Deutsch im Quartier“</td><td>Die Träger arbeiten zusammen<br>Gemeinsame Anmeldung</td><td>umgesetzt</td>');
    expect(section).toContain('Eine weitere Überschneidung wurde geprüft und brauchte keine Abstimmung.');

    const fake = fakeEngine(taskForms, programmeFake(Promise.resolve(figures)));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(fake, p, 'david');
      const assessment = await fake.openTask(handle.workflowId, 'kommentar-1');
      expect(assessment).toMatchObject({ title: 'Maßnahmenprogramm 2025 einschätzen', assigneeId: 'david', context: { year: 2025, figures, feedback: null } });
      expect(fake.callsOf('compileProgramme')[0]?.input).toEqual({ procedureId: handle.workflowId, year: 2025, settings });

      await completeTask(fake, handle, { taskKey: 'kommentar-1', data: { summary: 'Zu wenig in Kalk.' }, actorId: 'david' });
      const approval = await fake.openTask(handle.workflowId, 'freigabe-1');
      expect(approval).toMatchObject({ candidateRole: 'manager', excludedUserIds: ['david'], context: { comment: { summary: 'Zu wenig in Kalk.' }, commentedBy: 'david' } });

      await completeTask(fake, handle, { taskKey: 'freigabe-1', data: { decision: 'reject', comment: 'Bitte die Lücken in Kalk benennen.' }, actorId: 'carla' });
      const second = await fake.openTask(handle.workflowId, 'kommentar-2');
      expect(second).toMatchObject({ title: 'Einschätzung überarbeiten (Runde 2)', context: { feedback: 'Bitte die Lücken in Kalk benennen.', previous: { summary: 'Zu wenig in Kalk.' } } });
      await completeTask(fake, handle, { taskKey: 'kommentar-2', data: { summary: 'In Kalk fehlt Beratung.' }, actorId: 'david' });
      await completeTask(fake, handle, { taskKey: 'freigabe-2', data: { decision: 'approve' }, actorId: 'carla' });

      expect(await ended(handle)).toEqual({ outcome: 'Bericht 2025 veröffentlicht und an 1 Empfänger versandt' });
      expect(fake.names().filter((n) => /ProgrammeReport$/.test(n))).toEqual(['renderProgrammeReport', 'printProgrammeReport', 'publishProgrammeReport']);
      expect(fake.callsOf('compileProgramme')).toHaveLength(1);
      expect(fake.callsOf('renderProgrammeReport')[0]?.input).toEqual({ procedureId: handle.workflowId, figures, summary: 'In Kalk fehlt Beratung.', commentedBy: 'david', approvedBy: 'carla' });
      expect(fake.callsOf('publishProgrammeReport')[0]?.input).toEqual({ reportId: 'bericht-2025', recipients: settings.recipients });
    });
  });

  it('lets neither who started it nor who assessed it approve', async () => {
    const fake = fakeEngine(taskForms, programmeFake(compiled()));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(fake, p, 'david');
      await completeTask(fake, handle, { taskKey: 'kommentar-1', data: { summary: 'Ein ausgewogenes Jahr.' }, actorId: 'anna' });
      const approval = await fake.openTask(handle.workflowId, 'freigabe-1');
      expect(approval.excludedUserIds).toEqual(['david', 'anna']);
      for (const actorId of ['david', 'anna']) {
        expect(await refusal(sendCompletion(handle, approval.taskId, { taskKey: 'freigabe-1', data: { decision: 'approve' }, actorId }))).toMatchObject({ type: taskFailures.fourEyes });
      }
      await completeTask(fake, handle, { taskKey: 'freigabe-1', data: { decision: 'approve' }, actorId: 'carla' });
      expect((await ended(handle)).outcome).toBe('Bericht 2025 veröffentlicht und an 1 Empfänger versandt');
    });
  });

  it('gives a run the system started to the staff group, and ends a year without measures at once', async () => {
    const empty = compileSections({ db: undefined as never, registry: { ...registry, measures: [] }, settings });
    const fake = fakeEngine(taskForms, programmeFake(empty));
    await suite.run(fake.activities, async (p) => {
      const handle = await start(fake, p, null);
      expect(await ended(handle)).toEqual({ outcome: 'Keine Maßnahmen im Jahr 2025' });
      expect(fake.tasks).toEqual([]);
      expect(fake.names().filter((n) => /ProgrammeReport$/.test(n))).toEqual([]);
    });
    const staffRun = fakeEngine(taskForms, programmeFake(compiled()));
    await suite.run(staffRun.activities, async (p) => {
      const handle = await start(staffRun, p, null);
      const assessment = await staffRun.openTask(handle.workflowId, 'kommentar-1');
      expect(assessment).toMatchObject({ candidateRole: 'staff' });
      expect(assessment.assigneeId).toBeUndefined();
    });
  });
});
