import { fakeEngine } from '../../tests/support/engine-fakes';
import { completeTask, DAY, ended, procedureArgs, procedureSuite } from '../../tests/support/workflow-procedures';
import { answerReceivedSignal } from '../engine/consultation/contract';
import type { CampaignActivities, FlyerWords } from './activities';
import { taskForms, type CampaignStart } from './forms';
import type { ReportBack } from './reach';
import type { CampaignSettings } from './settings';
import { informationCampaign } from './workflow';

// The Informationskampagne, the workflow alone: both consultations run as its real children; the
// translations' second reader sends one back, a translator who never answers leaves German.

const suite = procedureSuite();
const settings: CampaignSettings = { translationDeadline: '5d', translationRounds: 3, reportDeadline: '20d', remindAfter: '10d' };
const gesundheitsamt = '0b6a3c5e-1f2d-4a7b-8c9d-000000000009';
const ayse = '7a000000-0000-4000-8000-000000000001';
const karim = '7a000000-0000-4000-8000-000000000002';
const yeniUmut = '6b000000-0000-4000-8000-000000000001';
const alNur = '6b000000-0000-4000-8000-000000000002';

const input = (translations: CampaignStart['translations']): CampaignStart => ({
  departmentId: gesundheitsamt,
  title: 'Grippeschutzimpfung',
  text: 'Die Grippeschutzimpfung ist für Menschen über 60 Jahre kostenlos.',
  translations,
  organisationIds: [yeniUmut, alNur],
});

function campaignFake(reachable: string[]) {
  const printed: FlyerWords[][] = [];
  const reported: ReportBack[][] = [];
  const fake: CampaignActivities = {
    async printFlyers({ flyers }) {
      printed.push(flyers);
      return { printed: flyers.map((f) => f.language) };
    },
    async reachableOrganisations({ organisationIds }) {
      return { reachable: organisationIds.filter((id) => reachable.includes(id)), unreachable: organisationIds.filter((id) => !reachable.includes(id)) };
    },
    async campaignReport({ reports }) {
      reported.push(reports);
      const answered = reports.filter((r) => r.answered);
      return {
        totals: { contacts: 3, organisationsMailed: reports.length, organisationsReported: answered.length, reached: answered.reduce((n, r) => n + (r.reached ?? 0), 0) },
        byLanguage: [{ name: 'Deutsch', organisations: 1, reported: 1, reached: 0, contacts: 1 }, { name: 'Türkisch', organisations: 1, reported: 1, reached: 0, contacts: 2 }],
        byCommunity: [],
        byDistrict: [],
        organisations: [],
        gaps: { notMailed: [], notReported: [], untranslated: [], communities: [], districts: [] },
      };
    },
  };
  return { fake, printed, reported };
}

const translated = (language: string, title: string) => ({ [`titel_${language}`]: title, [`text_${language}`]: `${title}: Metin`, [`anschreiben_${language}`]: 'Merhaba' });

describe('Informationskampagne', () => {
  it('asks each translator for their language, sends one translation back for a second round, prints the approved ones and lets the organisations report', async () => {
    const campaign = campaignFake([yeniUmut, alNur]);
    const fake = fakeEngine(taskForms, campaign.fake);
    await suite.run(fake.activities, async (p) => {
      const handle = await p.start(informationCampaign, procedureArgs(input([{ language: 'tr', translatorId: ayse }, { language: 'ar', translatorId: karim }]), { settings }));
      const first = p.client.workflow.getHandle(`${handle.workflowId}.uebersetzung-1`);
      const asked = await fake.openedRequests(first.workflowId, 2);
      const [opened] = fake.callsOf('openRequests');
      const forms = (opened?.input as { answerForms: Record<string, { key: string; lang?: string; dir?: string }[]> }).answerForms;
      expect(forms[ayse]?.map((f) => [f.key, f.lang, f.dir])).toEqual([['titel_tr', 'tr', 'ltr'], ['text_tr', 'tr', 'ltr'], ['anschreiben_tr', 'tr', 'ltr']]);
      expect(forms[karim]?.map((f) => f.dir)).toEqual(['rtl', 'rtl', 'rtl']);

      for (const [who, data] of [[ayse, translated('tr', 'Grip aşısı')], [karim, translated('ar', 'لقاح الإنفلونزا')]] as const) {
        const r = asked.find((x) => x.departmentId === who);
        fake.answer(r?.requestId as string, { data });
        await first.signal(answerReceivedSignal, { requestId: r?.requestId as string, channel: 'page' });
      }

      // One check per language, in parallel; the Arabic one goes back with a note.
      const tr = await fake.openTask(handle.workflowId, 'pruefen-1');
      const ar = await fake.openTask(handle.workflowId, 'pruefen-2');
      expect([tr.title, ar.title]).toEqual(['Übersetzung ins Türkische prüfen', 'Übersetzung ins Arabische prüfen']);
      expect(ar.context).toMatchObject({ language: 'ar', translation: { title: 'لقاح الإنفلونزا' } });
      await completeTask(fake, handle, { taskKey: 'pruefen-1', data: { decision: 'approve' }, actorId: 'anna' });
      await completeTask(fake, handle, { taskKey: 'pruefen-2', data: { decision: 'reject', comment: 'Bitte „kostenlos“ deutlicher übersetzen.' }, actorId: 'anna' });

      const second = p.client.workflow.getHandle(`${handle.workflowId}.uebersetzung-2`);
      const again = await fake.openedRequests(second.workflowId, 1);
      expect(again.map((r) => r.departmentId)).toEqual([karim]);
      const round2 = fake.callsOf('openRequests')[1]?.input as { question: string; answerForms: Record<string, unknown[]> };
      expect(round2.question).toContain('Zu Ihrer letzten Übersetzung ins Arabische merkt die Prüfung an: Bitte „kostenlos“ deutlicher übersetzen.');
      expect(Object.keys(round2.answerForms)).toEqual([karim]);
      fake.answer(again[0]?.requestId as string, { data: translated('ar', 'لقاح الإنفلونزا مجاني') });
      await second.signal(answerReceivedSignal, { requestId: again[0]?.requestId as string, channel: 'page' });
      await fake.openTask(handle.workflowId, 'pruefen-3');
      await completeTask(fake, handle, { taskKey: 'pruefen-3', data: { decision: 'approve' }, actorId: 'anna' });

      // The flyers: German first, then the approved translations, the Arabic one of the second round.
      const report = p.client.workflow.getHandle(`${handle.workflowId}.rueckmeldung`);
      const orgs = await fake.openedRequests(report.workflowId, 2);
      expect(campaign.printed[0]?.map((f) => [f.language, f.title])).toEqual([['de', 'Grippeschutzimpfung'], ['tr', 'Grip aşısı'], ['ar', 'لقاح الإنفلونزا مجاني']]);
      const back = fake.callsOf('openRequests')[2]?.input as { letter?: string; participants: { kind: string }[] };
      expect(back).toMatchObject({ letter: 'information-campaign', participants: [{ kind: 'organisation' }, { kind: 'organisation' }] });

      const yeni = orgs.find((r) => r.departmentId === yeniUmut);
      fake.answer(yeni?.requestId as string, { data: { erreicht: 40, anlass: 'Frauenfrühstück' } });
      await report.signal(answerReceivedSignal, { requestId: yeni?.requestId as string, channel: 'page' });
      // Al-Nur never reports: the report comes at the deadline (20 days, skipped) with it unanswered.
      await suite.env.sleep(21 * DAY);
      const evaluation = await fake.openTask(handle.workflowId, 'auswerten');
      expect(evaluation.assigneeId).toBe('anna');
      expect(campaign.reported[0]).toEqual([
        { organisationId: yeniUmut, answered: true, reached: 40, occasion: 'Frauenfrühstück' },
        { organisationId: alNur, answered: false, reached: null, occasion: null },
      ]);
      await completeTask(fake, handle, { taskKey: 'auswerten', data: { summary: 'Gut angenommen.', followUp: 'Al-Nur anrufen' }, actorId: 'anna' });
      expect(await ended(handle)).toEqual({ outcome: 'Abgeschlossen: 3 Ansprechpersonen in 2 Sprachen angeschrieben, 1 von 2 Organisationen haben berichtet, 40 Personen erreicht' });
    });
  });

  it('goes on in German where a translator never answers, and asks no organisation when all consents are gone', async () => {
    const campaign = campaignFake([]);
    const fake = fakeEngine(taskForms, campaign.fake);
    await suite.run(fake.activities, async (p) => {
      const handle = await p.start(informationCampaign, procedureArgs(input([{ language: 'tr', translatorId: ayse }]), { settings }));
      await fake.openedRequests(`${handle.workflowId}.uebersetzung-1`, 1);
      await suite.env.sleep(6 * DAY);
      const evaluation = await fake.openTask(handle.workflowId, 'auswerten');
      expect(evaluation).toBeDefined();
      expect(campaign.printed[0]?.map((f) => f.language)).toEqual(['de']);
      expect(fake.task(handle.workflowId, 'pruefen-1')).toBeUndefined();
      expect(fake.callsOf('openRequests')).toHaveLength(1);
      await completeTask(fake, handle, { taskKey: 'auswerten', data: { summary: 'Niemand erreichbar.' }, actorId: 'anna' });
      expect((await ended(handle)).outcome).toMatch(/^Keine Organisation erreichbar/);
    });
  });
});
