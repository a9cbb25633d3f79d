import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../db/audit';
import type { Db } from '../db/client';
import { indicatorValues, procedures } from '../db/schema';
import { compareWithEarlier, monitoringPlan } from '../monitoring/indicator-data';
import { quarterLabel } from '../workflows/integration-monitoring/quarter';
import type { CollectedValue } from '../workflows/integration-monitoring/shared';
import { recordStepEvent } from './procedure-events';

export const monitoringProcedureId = (quarter: string) => `integration-monitoring-${quarter}`;
export const monitoringTitle = (quarter: string) => `Integrationsmonitoring ${quarterLabel(quarter)}`;

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

    /**
     * The scheduled run's claim on a quarter: its procedure row. Start it when the row is new, or
     * when an earlier claim's start never happened (a crash between the two).
     */
    async claimMonitoringQuarter({ quarter }: { quarter: string }): Promise<{ procedureId: string; start: boolean }> {
      const procedureId = monitoringProcedureId(quarter);
      const [created] = await db
        .insert(procedures)
        .values({ id: procedureId, type: 'integration-monitoring', title: monitoringTitle(quarter), input: { quarter }, startedBy: null })
        .onConflictDoNothing()
        .returning({ id: procedures.id });
      if (created) {
        await writeAudit(db, {
          action: 'procedure.started',
          entityType: 'procedure',
          entityId: procedureId,
          procedureId,
          detail: { type: 'integration-monitoring', by: 'schedule' },
          key: `procedure:${procedureId}:started`,
        });
        return { procedureId, start: true };
      }
      const [row] = await db.select({ status: procedures.status, currentStep: procedures.currentStep }).from(procedures).where(eq(procedures.id, procedureId));
      return { procedureId, start: row?.status === 'running' && row.currentStep === null };
    },
  };
}
