import type { z } from 'zod';
import type { SettingsSpec } from '../config/settings';
import associationAdvice from './association-advice';
import departmentConsultation from './department-consultation';
import fundingCallReview from './funding-call-review';
import informationCampaign from './information-campaign';
import integrationMonitoring from './integration-monitoring';
import measureCoordination from './measure-coordination';
import measureSurvey from './measure-survey';
import type { LetterWriters } from './engine/consultation/letters';
import { DEPARTMENT_KIND, type ParticipantSources } from './engine/consultation/participants';
import measureProgramme from './measure-programme';
import organisations from './organisations';
import type { FormTable } from './engine/human-task';
import type { MasterDataModule, ProcedureModule } from './module';
import studyEvaluation from './study-evaluation';
import vorgangMitFreigabe from './vorgang-mit-freigabe';

// The one list of procedure modules. Adding a procedure: its folder, and one line here.
export const procedureModules = [
  vorgangMitFreigabe,
  departmentConsultation,
  fundingCallReview,
  studyEvaluation,
  integrationMonitoring,
  measureCoordination,
  measureProgramme,
  measureSurvey,
  informationCampaign,
  associationAdvice,
] as const;

/** Modules keeping master data before their procedure exists (module.ts, MasterDataModule). */
export const masterDataModules = [organisations] as const;

/** Every module, procedure or not: whose routes the API mounts, whose settings are read, whose demo data the seed writes. */
export const allModules: readonly MasterDataModule<SettingsSpec>[] = [
  ...(procedureModules as readonly MasterDataModule<SettingsSpec>[]),
  ...(masterDataModules as readonly MasterDataModule<SettingsSpec>[]),
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module keeps its own input type
export type AnyProcedureModule = ProcedureModule<any, SettingsSpec, FormTable>;

const byType = new Map<string, AnyProcedureModule>(procedureModules.map((m) => [m.type, m as AnyProcedureModule]));

export const procedureTypeNames = procedureModules.map((m) => m.type) as [string, ...string[]];

export function procedureModule(type: string): AnyProcedureModule | undefined {
  return byType.get(type);
}

type TaskFormsOf<M> = M extends { taskForms: infer F } ? F : never;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every task form kind of every procedure: the table the API checks a completion against. */
export type AllTaskForms = UnionToIntersection<TaskFormsOf<(typeof procedureModules)[number]>>;
export type FormKind = keyof AllTaskForms & string;

export const taskFormSchemas: Record<string, z.ZodType> = Object.fromEntries(
  procedureModules.flatMap((m) => Object.entries(m.taskForms as Record<string, z.ZodType>)),
);

export function isFormKind(kind: string): kind is FormKind {
  return Object.prototype.hasOwnProperty.call(taskFormSchemas, kind);
}

/** A form kind named by two modules would make a task's form ambiguous: refused at load. */
const kinds = procedureModules.flatMap((m) => Object.keys(m.taskForms));
const twice = kinds.filter((k, i) => kinds.indexOf(k) !== i);
if (twice.length > 0) throw new Error(`task form kinds defined twice: ${twice.join(', ')}`);

/** Every module's external participants by kind (a measure's providers), beside the departments. */
export const participantSources: ParticipantSources = Object.assign({}, ...allModules.map((m) => m.participants ?? {}));
const participantKinds = allModules.flatMap((m) => Object.keys(m.participants ?? {}));
if (new Set(participantKinds).size !== participantKinds.length || participantKinds.includes(DEPARTMENT_KIND)) {
  throw new Error(`participant kinds defined twice: ${participantKinds.join(', ')}`);
}

/** Every module's writers of consultation requests (a campaign's mail per contact), by key. */
export const letterWriters: LetterWriters = Object.assign({}, ...procedureModules.map((m) => m.letters ?? {}));
const letterKeys = procedureModules.flatMap((m) => Object.keys(m.letters ?? {}));
if (new Set(letterKeys).size !== letterKeys.length) throw new Error(`letter writers defined twice: ${letterKeys.join(', ')}`);

/** Kinds of knowledge-base entries, with their German names, from every module. */
export const knowledgeSources: Record<string, string> = Object.assign({}, ...procedureModules.map((m) => m.knowledgeSources ?? {}));
