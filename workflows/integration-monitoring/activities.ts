import { sql } from 'drizzle-orm';
import { recordStepEvent } from '../../activities/procedure-events';
import type { Db } from '../../db/client';
import { compareWithEarlier, monitoringPlan } from './indicator-data';
import { indicatorValues } from './schema';
import type { CollectedValue } from './shared';

export function monitoringActivities({ db }: { db: Db }) {
  return {
    planMonitoring: () => monitoringPlan(db),

    /** Upserts: a retry, or a clarification replacing a department's value, leaves one row per point. */
    async storeIndicatorValues(input: { quarter: string; procedureId: string; values: CollectedValue[] }): Promise<void> {
      if (input.values.length === 0) return;
      await db.transaction(async (tx) => {
        await tx
          .insert(indicatorValues)
          .values(input.values.map((v) => ({ ...v, quarter: input.quarter, procedureId: input.procedureId })))
          .onConflictDoUpdate({
            target: [indicatorValues.indicatorId, indicatorValues.quarter, indicatorValues.disaggregation],
            set: {
              value: sql`excluded.value`,
              comment: sql`excluded.comment`,
              source: sql`excluded.source`,
              procedureId: sql`excluded.procedure_id`,
              recordedAt: sql`now()`,
            },
          });
        const clarified = input.values.some((v) => v.source === 'clarification');
        await recordStepEvent(tx, {
          procedureId: input.procedureId,
          key: clarified ? 'werte:geklaert' : 'werte:gespeichert',
          kind: 'step',
          label: clarified ? `${input.values.length} Werte geklärt` : `${input.values.length} Werte der Dienststellen übernommen`,
        });
      });
    },

    compareQuarter: ({ quarter }: { quarter: string }) => compareWithEarlier(db, quarter),
  };
}
