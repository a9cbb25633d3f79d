import { ApplicationFailure, log } from '@temporalio/activity';
import type { Db } from '../db/client';
import type { ProcedureStarter } from '../workflows/module';
import { reportIncident, resolveIncident } from '../incidents/record';
import { scheduleOwner } from '../schedules/owners';

export interface JobActivityDeps {
  db: Db;
  publicUrl: string;
  starter: ProcedureStarter;
  settingsOf(type: string): unknown;
}

export function jobActivities({ db, publicUrl, starter, settingsOf }: JobActivityDeps) {
  return {
    /** A module's (or engine part's) scheduled job (workflows/engine/scheduled-job.ts), with its settings and the start service. */
    async runScheduledJob(input: { procedureType: string; job: string; scheduleId?: string; settings?: unknown; firedAt: number }): Promise<unknown> {
      const run = scheduleOwner(input.procedureType)?.jobs?.[input.job];
      const keyOf = (subject: string) => `job:${input.procedureType}:${input.job}:${subject}`;
      // A schedule left from a module or job that no longer exists: retrying cannot help.
      if (!run) throw ApplicationFailure.nonRetryable(`Kein Auftrag ${input.job} für ${input.procedureType}`, 'UnknownJob');
      return run({
        db,
        starter,
        publicUrl,
        settings: (input.settings ?? settingsOf(input.procedureType)) as never,
        firedAt: new Date(input.firedAt),
        log: (msg, detail) => log.info(msg, detail),
        disturbed: (subject, error) =>
          reportIncident(db, {
            key: keyOf(subject),
            kind: 'job',
            subject,
            error,
            attempts: 1,
            target: { scheduleId: input.scheduleId ?? null, procedureType: input.procedureType, job: input.job },
          }),
        recovered: (subject) => resolveIncident(db, keyOf(subject)),
      });
    },
  };
}
