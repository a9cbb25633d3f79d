import { and, asc, eq, isNull, lte, gte, or } from 'drizzle-orm';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { providerSource } from '../measure-coordination/participants';
import { measures, providers } from '../measure-coordination/schema';
import type { SurveyedProvider } from './texts';

/** A correction staff took: the participants reported, and whether the measure still runs. */
export interface Correction {
  measureId: string;
  participants: number | null;
  running: boolean | null;
}

export function surveyActivities({ db }: { db: Db }) {
  return {
    /**
     * The providers with a measure running in the year, each with those measures; a provider without
     * any mail address cannot be asked and is listed apart, for staff to reach another way.
     */
    async planSurvey({ year }: { year: number }): Promise<{ providers: SurveyedProvider[]; unreachable: { id: string; name: string }[] }> {
      const rows = await db
        .select({
          providerId: providers.id,
          providerName: providers.name,
          id: measures.id,
          title: measures.title,
          participantsPerYear: measures.participantsPerYear,
          endsOn: measures.endsOn,
        })
        .from(measures)
        .innerJoin(providers, eq(providers.id, measures.providerId))
        .where(and(lte(measures.startsOn, `${year}-12-31`), or(isNull(measures.endsOn), gte(measures.endsOn, `${year}-01-01`))))
        .orderBy(asc(providers.name), asc(measures.title));
      const byProvider = new Map<string, SurveyedProvider>();
      for (const r of rows) {
        const p = byProvider.get(r.providerId) ?? { id: r.providerId, name: r.providerName, measures: [] };
        p.measures.push({ id: r.id, title: r.title, participantsPerYear: r.participantsPerYear, endsOn: r.endsOn });
        byProvider.set(r.providerId, p);
      }
      const all = [...byProvider.values()];
      const reachable = new Set((await providerSource.load(db, all.map((p) => p.id))).map((a) => a.id));
      return {
        providers: all.filter((p) => reachable.has(p.id)),
        unreachable: all.filter((p) => !reachable.has(p.id)).map(({ id, name }) => ({ id, name })),
      };
    },

    /** The corrections staff took, into the registry: the participants of the year, and the end of a measure that stopped. */
    async applySurvey({ procedureId, year, corrections, by }: { procedureId: string; year: number; corrections: Correction[]; by: string }) {
      const yearEnd = `${year}-12-31`;
      await db.transaction(async (tx) => {
        for (const c of corrections) {
          const [current] = await tx.select({ endsOn: measures.endsOn }).from(measures).where(eq(measures.id, c.measureId));
          if (!current) continue;
          const ends = c.running === false && (current.endsOn === null || current.endsOn > yearEnd);
          await tx
            .update(measures)
            .set({
              ...(c.participants !== null ? { participantsPerYear: c.participants } : {}),
              ...(ends ? { endsOn: yearEnd } : {}),
              updatedAt: new Date(),
            })
            .where(eq(measures.id, c.measureId));
          await writeAudit(tx, {
            actorId: by,
            action: 'measures.survey-corrected',
            entityType: 'measures',
            entityId: c.measureId,
            procedureId,
            key: `survey:${procedureId}:${c.measureId}`,
            detail: { year, participants: c.participants, ended: ends },
          });
        }
      });
    },
  };
}
