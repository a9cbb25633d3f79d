import { z } from 'zod';
import { approvalForm } from '../engine/approval-form';

// Förderaufruf prüfen: shared by the API (validation, OpenAPI), the workflow (update validator) and the console.

export const startForm = z.strictObject({
  fundingCallId: z.uuid('keine gültige ID eines Förderaufrufs'),
});
export type FundingReviewStart = z.infer<typeof startForm>;

const reason = (what: string) => z.string().trim().min(3, `Bitte ${what} angeben (mindestens 3 Zeichen)`).max(5000);
const departmentIds = z
  .array(z.uuid('keine gültige Dienststellen-ID'))
  .max(40)
  .refine((ids) => new Set(ids).size === ids.length, 'jede Dienststelle nur einmal');
/** A calendar date or a moment, as the console's date inputs and the tests send them. */
const moment = z.iso.datetime({ offset: true }).or(z.iso.date());
const euros = z.number({ error: 'ein Betrag in Euro' }).min(0, 'nicht negativ').max(1e12);

export const triageForm = z
  .strictObject({
    relevant: z.boolean({ error: 'Bitte angeben, ob der Aufruf relevant ist' }),
    reason: reason('eine Begründung'),
    /** The departments asked about usefulness, feasibility and co-financing. */
    departmentIds: departmentIds.default([]),
    /** What the office wants to know beyond the standard questions. */
    question: z.string().trim().max(5000).optional(),
    /** Sets the deadline when the call (e.g. from a feed) did not name one. */
    submissionDeadline: moment.optional(),
  })
  .refine((v) => !v.relevant || v.departmentIds.length > 0, {
    path: ['departmentIds'],
    message: 'Für einen relevanten Aufruf mindestens eine Dienststelle anfragen',
  });

export const decisionForm = z
  .strictObject({
    decision: z.enum(['apply', 'dont-apply'], { error: 'Antrag stellen oder nicht?' }),
    reason: reason('eine Begründung'),
    leadDepartmentId: z.uuid('keine gültige Dienststellen-ID').optional(),
    /** The city's own share in euros. */
    ownShare: euros.optional(),
  })
  .refine((v) => v.decision === 'dont-apply' || v.leadDepartmentId !== undefined, {
    path: ['leadDepartmentId'],
    message: 'Für einen Antrag die federführende Dienststelle angeben',
  })
  .refine((v) => v.decision === 'dont-apply' || v.ownShare !== undefined, {
    path: ['ownShare'],
    message: 'Für einen Antrag den Eigenanteil angeben',
  });

export const draftForm = z.strictObject({
  summary: reason('eine Zusammenfassung des Antrags'),
  documentLink: z.url('keine gültige Adresse').optional(),
});

export const submissionForm = z.strictObject({
  submittedOn: moment,
  reference: z.string().trim().max(200).optional(),
});

export const awardForm = z
  .strictObject({
    result: z.enum(['granted', 'rejected'], { error: 'bewilligt oder abgelehnt?' }),
    amount: euros.optional(),
    letterDate: moment,
    note: z.string().trim().max(5000).optional(),
    /** The funder's dates for the interim report and the proof of use (Verwendungsnachweis). */
    interimReportDue: moment.optional(),
    proofOfUseDue: moment.optional(),
  })
  .refine((v) => v.result === 'rejected' || v.amount !== undefined, {
    path: ['amount'],
    message: 'Für eine Bewilligung den bewilligten Betrag angeben',
  })
  .refine((v) => v.result === 'rejected' || v.proofOfUseDue !== undefined, {
    path: ['proofOfUseDue'],
    message: 'Für eine Bewilligung das Datum des Verwendungsnachweises angeben',
  })
  .refine((v) => !v.interimReportDue || !v.proofOfUseDue || v.interimReportDue <= v.proofOfUseDue, {
    path: ['interimReportDue'],
    message: 'Der Zwischenbericht liegt vor dem Verwendungsnachweis',
  });

export const reportForm = z.strictObject({
  summary: reason('den Inhalt des Berichts'),
  spent: euros.optional(),
  submittedOn: moment,
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
