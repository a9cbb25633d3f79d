import { z } from 'zod';
import { field, writtenText, type OwnWords } from '../../forms/field';
import { says, type Words } from '../../forms/words';
import { approvalForm } from '../engine/approval-form';

// Förderaufruf prüfen: shared by the API (validation, OpenAPI), the workflow (update validator) and the console.

export const startForm = z.strictObject({
  fundingCallId: field({ de: 'Förderaufruf', en: 'Funding call' }, z.uuid(), {
    de: 'Bitte wählen Sie einen Förderaufruf aus der Liste.',
    en: 'Please choose a funding call from the list.',
  }),
});
export type FundingReviewStart = z.infer<typeof startForm>;

/** A text of at least three characters: what to say when it is missing, and when it is shorter. */
const reason = (label: Words, missing: Words, tooShort: Words) => writtenText(label, { min: 3, max: 5000 }, { missing, tooShort });
const because = reason(
  { de: 'Begründung', en: 'Reason' },
  { de: 'Bitte geben Sie eine Begründung an.', en: 'Please give a reason.' },
  { de: 'Bitte geben Sie eine Begründung mit mindestens 3 Zeichen an.', en: 'Please give a reason of at least 3 characters.' },
);
const departmentIds = (label: Words) =>
  field(
    label,
    z
      .array(z.uuid())
      .max(40, says('Bitte wählen Sie höchstens 40 Dienststellen.', 'Please choose at most 40 departments.'))
      .refine((ids) => new Set(ids).size === ids.length, says('Bitte wählen Sie jede Dienststelle nur einmal.', 'Please choose each department only once.')),
  );
/** A calendar date or a moment, as the console's date inputs and the tests send them. */
const moment = (label: Words, own?: OwnWords) => field(label, z.iso.datetime({ offset: true }).or(z.iso.date()), own);
const euros = (label: Words) =>
  field(
    label,
    z
      .number()
      .min(0, says('Bitte geben Sie einen Betrag ab 0 Euro ein.', 'Please enter an amount of 0 euros or more.'))
      .max(1e12, says('Bitte geben Sie einen Betrag bis zu einer Billion Euro ein.', 'Please enter an amount of up to a trillion euros.')),
    { invalid: { de: `Bitte geben Sie bei „${label.de}“ einen Betrag in Euro ein, zum Beispiel 12500.`, en: `Please enter an amount in euros for “${label.en}”, for example 12500.` } },
  );

export const triageForm = z
  .strictObject({
    relevant: field({ de: 'Relevanz des Aufrufs', en: 'Relevance of the call' }, z.boolean(), {
      de: 'Bitte geben Sie an, ob der Aufruf für die Stadt relevant ist.',
      en: 'Please say whether the call is relevant for the city.',
    }),
    reason: because,
    /** The departments asked about usefulness, feasibility and co-financing. */
    departmentIds: departmentIds({ de: 'Anzufragende Dienststellen', en: 'Departments to ask' }).default([]),
    /** What the office wants to know beyond the standard questions. */
    question: field({ de: 'Zusätzliche Frage an die Dienststellen', en: 'Additional question to the departments' }, z.string().trim().max(5000).optional()),
    /** Sets the deadline when the call (e.g. from a feed) did not name one. */
    submissionDeadline: moment({ de: 'Einreichungsfrist', en: 'Submission deadline' }).optional(),
  })
  .refine((v) => !v.relevant || v.departmentIds.length > 0, {
    path: ['departmentIds'],
    ...says('Für einen relevanten Aufruf fragen Sie bitte mindestens eine Dienststelle an.', 'For a relevant call, please ask at least one department.'),
  });

export const decisionForm = z
  .strictObject({
    decision: field({ de: 'Entscheidung', en: 'Decision' }, z.enum(['apply', 'dont-apply']), {
      de: 'Bitte wählen Sie, ob ein Antrag gestellt wird.',
      en: 'Please choose whether to apply.',
    }),
    reason: because,
    leadDepartmentId: field({ de: 'Federführende Dienststelle', en: 'Lead department' }, z.uuid().optional()),
    /** The city's own share in euros. */
    ownShare: euros({ de: 'Eigenanteil der Stadt (EUR)', en: "City's own share (EUR)" }).optional(),
  })
  .refine((v) => v.decision === 'dont-apply' || v.leadDepartmentId !== undefined, {
    path: ['leadDepartmentId'],
    ...says('Für einen Antrag geben Sie bitte die federführende Dienststelle an.', 'For an application, please name the lead department.'),
  })
  .refine((v) => v.decision === 'dont-apply' || v.ownShare !== undefined, {
    path: ['ownShare'],
    ...says('Für einen Antrag geben Sie bitte den Eigenanteil der Stadt an.', "For an application, please give the city's own share."),
  });

export const draftForm = z.strictObject({
  summary: reason(
    { de: 'Zusammenfassung des Antrags', en: 'Summary of the application' },
    { de: 'Bitte fassen Sie den Antrag zusammen.', en: 'Please summarise the application.' },
    { de: 'Bitte fassen Sie den Antrag in mindestens 3 Zeichen zusammen.', en: 'Please summarise the application in at least 3 characters.' },
  ),
  // A link staff open from the console: a web address, never "javascript:…" or a file path.
  documentLink: field({ de: 'Link zum Antragsdokument', en: 'Link to the application document' }, z.url({ protocol: /^https?$/ }).max(2000).optional()),
});

const submittedOn = () =>
  moment({ de: 'Eingereicht am', en: 'Submitted on' }, { missing: { de: 'Bitte geben Sie an, wann eingereicht wurde.', en: 'Please give the date of submission.' } });

export const submissionForm = z.strictObject({
  submittedOn: submittedOn(),
  reference: field({ de: 'Aktenzeichen des Fördergebers', en: "Funder's reference" }, z.string().trim().max(200).optional()),
});

export const awardForm = z
  .strictObject({
    result: field({ de: 'Bescheid des Fördergebers', en: "Funder's decision" }, z.enum(['granted', 'rejected']), {
      de: 'Bitte wählen Sie, ob bewilligt oder abgelehnt wurde.',
      en: 'Please choose whether the grant was awarded or refused.',
    }),
    amount: euros({ de: 'Bewilligter Betrag (EUR)', en: 'Amount granted (EUR)' }).optional(),
    letterDate: moment({ de: 'Datum des Bescheids', en: 'Date of the letter' }),
    note: field({ de: 'Anmerkung', en: 'Note' }, z.string().trim().max(5000).optional()),
    /** The funder's dates for the interim report and the proof of use (Verwendungsnachweis). */
    interimReportDue: moment({ de: 'Zwischenbericht fällig am', en: 'Interim report due' }).optional(),
    proofOfUseDue: moment({ de: 'Verwendungsnachweis fällig am', en: 'Proof of use due' }).optional(),
  })
  .refine((v) => v.result === 'rejected' || v.amount !== undefined, {
    path: ['amount'],
    ...says('Für eine Bewilligung geben Sie bitte den bewilligten Betrag an.', 'For a grant, please give the amount granted.'),
  })
  .refine((v) => v.result === 'rejected' || v.proofOfUseDue !== undefined, {
    path: ['proofOfUseDue'],
    ...says('Für eine Bewilligung geben Sie bitte an, wann der Verwendungsnachweis fällig ist.', 'For a grant, please give the date the proof of use is due.'),
  })
  .refine((v) => !v.interimReportDue || !v.proofOfUseDue || v.interimReportDue <= v.proofOfUseDue, {
    path: ['interimReportDue'],
    ...says('Der Zwischenbericht muss vor dem Verwendungsnachweis fällig sein.', 'The interim report must be due before the proof of use.'),
  });

export const reportForm = z.strictObject({
  summary: reason(
    { de: 'Inhalt des Berichts', en: 'Content of the report' },
    { de: 'Bitte geben Sie den Inhalt des Berichts an.', en: 'Please give the content of the report.' },
    { de: 'Bitte geben Sie den Inhalt des Berichts mit mindestens 3 Zeichen an.', en: 'Please give the content of the report in at least 3 characters.' },
  ),
  spent: euros({ de: 'Verausgabt (EUR)', en: 'Spent (EUR)' }).optional(),
  submittedOn: submittedOn(),
});

export const taskForms = {
  'foerderaufruf-triage': triageForm,
  'foerderaufruf-entscheidung': decisionForm,
  'foerderaufruf-freigabe': approvalForm,
  'antrag-entwurf': draftForm,
  'antrag-mitzeichnung': approvalForm,
  'antrag-einreichung': submissionForm,
  foerderentscheid: awardForm,
  zwischenbericht: reportForm,
  verwendungsnachweis: reportForm,
} as const;
