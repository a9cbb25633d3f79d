import type { z } from 'zod';
import type { Db } from '../db/client';
import type { LetterWriters } from '../workflows/engine/consultation/letters';
import type { ProcedureStarter } from '../workflows/module';
import { consultationActivities } from './consultation';
import { jobActivities } from './jobs';
import { knowledgeActivities } from './knowledge';
import type { ParticipantDirectory } from './participants';
import { procedureActivities } from './procedures';
import { taskActivities } from './tasks';

export interface ActivityDeps {
  db: Db;
  publicUrl: string;
  inboundDomain: string;
  tokenSecret: string;
  /** The Chromium that prints reports to PDF. */
  chromiumPath: string;
  starter: ProcedureStarter;
  settingsOf(type: string): unknown;
  /** "16:00" (Berlin): when a deadline counted in days ends (OFFICE_DAY_END). */
  officeDayEnd: string;
  /** From the registry: every task form by kind, every knowledge-base kind. */
  taskForms: Record<string, z.ZodType>;
  knowledgeSources: string[];
  /** Who a consultation can ask: the departments and the modules' participant sources. */
  participants: ParticipantDirectory;
  /** From the registry: the modules' writers of consultation requests (workflows/engine/consultation/letters.ts). */
  letters: LetterWriters;
}

/** The engine's own activities (tasks, procedures, consultations, knowledge, scheduled jobs); workflows import only the type. */
export function engineActivities(deps: ActivityDeps) {
  return {
    ...taskActivities(deps),
    ...procedureActivities(deps),
    ...consultationActivities(deps),
    ...knowledgeActivities(deps),
    ...jobActivities(deps),
  };
}

export type EngineActivities = ReturnType<typeof engineActivities>;
