import type { z } from 'zod';
import { startForm as consultationStart } from './consultation/forms';
import { startForm as fundingReviewStart } from './funding-call-review/forms';
import { startForm as monitoringStart } from './integration-monitoring/forms';
import { quarterLabel } from './integration-monitoring/quarter';
import { startForm as studyEvaluationStart } from './study-evaluation/forms';
import { startForm as vorgangStart } from './vorgang-mit-freigabe/forms';

// Procedure types as the API knows them: no workflow code here, only names and start forms.

interface ProcedureType<S extends z.ZodType> {
  label: string;
  workflowType: string;
  startForm: S;
  /** Without a database; a start whose references name something better (a study's title) uses that. */
  titleOf(input: z.infer<S>): string;
  /**
   * One procedure per input (a quarter's monitoring): its id, the same for every start, so that a
   * second start is refused (409) and Temporal rejects a duplicate however it is started.
   */
  procedureIdOf?(input: z.infer<S>): string;
}

function procedureType<S extends z.ZodType>(t: ProcedureType<S>): ProcedureType<S> {
  return t;
}

export const procedureTypes = {
  'vorgang-mit-freigabe': procedureType({
    label: 'Vorgang mit Freigabe',
    workflowType: 'vorgangMitFreigabe',
    startForm: vorgangStart,
    titleOf: (input) => input.title,
  }),
  'department-consultation': procedureType({
    label: 'Fachdienststellen-Anfrage',
    workflowType: 'departmentConsultation',
    startForm: consultationStart,
    titleOf: (input) => input.subject,
  }),
  'funding-call-review': procedureType({
    label: 'Förderaufruf prüfen',
    workflowType: 'fundingCallReview',
    startForm: fundingReviewStart,
    // The API replaces it with the call's title before the row is written (references.ts).
    titleOf: (input) => `Förderaufruf ${input.fundingCallId}`,
  }),
  'study-evaluation': procedureType({
    label: 'Studie auswerten',
    workflowType: 'studyEvaluation',
    startForm: studyEvaluationStart,
    titleOf: (input) => `Studie ${input.studyId}`,
  }),
  'integration-monitoring': procedureType({
    label: 'Integrationsmonitoring',
    workflowType: 'integrationMonitoring',
    startForm: monitoringStart,
    titleOf: (input) => `Integrationsmonitoring ${quarterLabel(input.quarter)}`,
    procedureIdOf: (input) => `integration-monitoring-${input.quarter}`,
  }),
} as const;

export type ProcedureTypeName = keyof typeof procedureTypes;
export const procedureTypeNames = Object.keys(procedureTypes) as [ProcedureTypeName, ...ProcedureTypeName[]];
