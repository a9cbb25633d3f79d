import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { consultDepartments } from '../engine/consultation/consult';
import type { RequestOutcome } from '../engine/consultation/contract';
import { runProcedure, type ProcedureArgs, type ProcedureResult } from '../engine/frame';
import { humanTasks } from '../engine/human-task';
import { languageOf } from '../organisations/languages';
import type { CampaignActivities, FlyerWords } from './activities';
import { taskForms, type CampaignStart } from './forms';
import { CAMPAIGN_LETTER } from './letter-key';
import { reportBackOf } from './report-back';
import type { CampaignSettings } from './settings';
import { LETTER_DE, letterKey, reportForm, reportQuestion, textKey, titleKey, translationFields, translationQuestion } from './texts';

const { printFlyers, reachableOrganisations, campaignReport } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { task } = humanTasks(taskForms);

export type CampaignArgs = ProcedureArgs<CampaignStart, CampaignSettings>;

const TRANSLATOR = 'translator';
const ORGANISATION = 'organisation';

type Wanted = CampaignStart['translations'][number];

/** A translation as the translator gave it: all three texts, or nothing. */
function givenIn(outcome: RequestOutcome | undefined, language: string): Omit<FlyerWords, 'language'> | undefined {
  if (outcome?.status !== 'answered') return undefined;
  const data = (outcome.answerData ?? {}) as Record<string, unknown>;
  const [title, text, letter] = [titleKey, textKey, letterKey].map((k) => data[k(language)]);
  return typeof title === 'string' && typeof text === 'string' && typeof letter === 'string' && title && text && letter ? { title, text, letter } : undefined;
}

/**
 * Informationskampagne: a department's information in German → one translation request per
 * language to its translator on the answer page → a second reader approves each translation or
 * sends it back for another round → a flyer per language → a mail to each consenting contact of
 * the chosen organisations in the contact's language with the flyer and the link to report back →
 * the campaign's reach per language, community and district, its gaps, and the office's assessment.
 */
export async function informationCampaign(args: CampaignArgs): Promise<ProcedureResult> {
  return runProcedure('information-campaign', args, async () => {
    const { input, settings, timing } = args;
    const procedureId = workflowInfo().workflowId;
    const approved = new Map<string, FlyerWords>();
    let open: Wanted[] = input.translations;
    let notes: { language: string; note: string }[] = [];
    let checks = 0;

    for (let round = 1; open.length > 0 && round <= settings.translationRounds; round++) {
      const translators = [...new Set(open.map((t) => t.translatorId))];
      const asked = await consultDepartments({
        key: `uebersetzung-${round}`,
        title: round === 1 ? 'Übersetzungen anfragen' : `Übersetzungen anfragen (Runde ${round})`,
        input: {
          subject: `Übersetzung: ${input.title}`,
          question: translationQuestion(input, notes),
          departmentIds: [],
          participants: translators.map((id) => ({ kind: TRANSLATOR, id })),
          answerForm: [],
          answerForms: Object.fromEntries(translators.map((id) => [id, open.filter((t) => t.translatorId === id).flatMap((t) => translationFields(t.language))])),
          deadline: settings.translationDeadline,
          consolidate: false,
        },
        consolidatorId: args.startedBy,
        timings: { timing, consultation: { ...args.consultation, escalateAfter: settings.translationDeadline } },
      });
      const byTranslator = new Map(asked.outcomes.map((o) => [o.departmentId, o]));
      const given = open.flatMap((t) => {
        const words = givenIn(byTranslator.get(t.translatorId), t.language);
        return words ? [{ ...t, ...words, translator: byTranslator.get(t.translatorId)?.departmentName ?? '' }] : [];
      });
      // The second reader: the one who started the campaign, or the staff group for a campaign the system started.
      const verdicts = await Promise.all(
        given.map((g) =>
          task({
            key: `pruefen-${++checks}`,
            title: `Übersetzung ${languageOf(g.language).into} prüfen`,
            formKind: 'uebersetzung-pruefen',
            assigneeId: args.startedBy ?? undefined,
            candidateRole: args.startedBy ? undefined : 'staff',
            context: {
              language: g.language,
              round,
              translator: g.translator,
              source: { title: input.title, text: input.text, letter: LETTER_DE },
              translation: { title: g.title, text: g.text, letter: g.letter },
            },
            timing,
          }),
        ),
      );
      notes = [];
      open = [];
      given.forEach((g, i) => {
        const verdict = verdicts[i]?.data;
        if (verdict?.decision === 'approve') approved.set(g.language, { language: g.language, title: g.title, text: g.text, letter: g.letter });
        else {
          open.push({ language: g.language, translatorId: g.translatorId });
          notes.push({ language: g.language, note: verdict?.comment ?? '' });
        }
      });
    }

    const flyers: FlyerWords[] = [{ language: 'de', title: input.title, text: input.text, letter: LETTER_DE }, ...approved.values()];
    await printFlyers({ procedureId, departmentId: input.departmentId, flyers });

    const { reachable } = await reachableOrganisations({ organisationIds: input.organisationIds });
    const reports =
      reachable.length === 0
        ? []
        : (
            await consultDepartments({
              key: 'rueckmeldung',
              title: 'Versand und Rückmeldungen der Organisationen',
              input: {
                subject: input.title,
                question: reportQuestion(input.title),
                departmentIds: [],
                participants: reachable.map((id) => ({ kind: ORGANISATION, id })),
                answerForm: reportForm,
                deadline: input.reportDeadline ?? settings.reportDeadline,
                consolidate: false,
                letter: CAMPAIGN_LETTER,
              },
              consolidatorId: args.startedBy,
              timings: { timing, consultation: { ...args.consultation, reminderAfter: settings.remindAfter } },
            })
          ).outcomes.map((o) => reportBackOf(o.departmentId, o.status, o.answerData));

    const reach = await campaignReport({
      procedureId,
      organisationIds: input.organisationIds,
      languages: ['de', ...input.translations.map((t) => t.language)],
      communities: input.communities ?? [],
      districtIds: input.districtIds ?? [],
      reports,
    });
    await task({
      key: 'auswerten',
      title: 'Kampagne auswerten',
      formKind: 'kampagne-auswerten',
      assigneeId: args.startedBy ?? undefined,
      candidateRole: args.startedBy ? undefined : 'staff',
      context: { title: input.title, reach },
      timing,
    });
    const t = reach.totals;
    if (t.organisationsMailed === 0) return { outcome: 'Keine Organisation erreichbar: niemand hat in Mails zu Kampagnen eingewilligt' };
    return {
      outcome:
        `Abgeschlossen: ${count(t.contacts, 'Ansprechperson', 'Ansprechpersonen')} in ${count(reach.byLanguage.filter((l) => (l.contacts ?? 0) > 0).length, 'Sprache', 'Sprachen')} angeschrieben, ` +
        `${t.organisationsReported} von ${count(t.organisationsMailed, 'Organisation', 'Organisationen')} haben berichtet, ${count(t.reached, 'Person', 'Personen')} erreicht`,
    };
  });
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;
