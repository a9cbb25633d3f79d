import { eq, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/client';
import { enqueueMail } from '../../mail/outbox';
import type { CoordinationDecision } from './forms';
import { providerSource } from './participants';
import { districts, measureCoordinations, measures, providers } from './schema';
import { decisionMail, type MeasureView } from './texts';

export interface CoordinationFacts {
  procedureId: string;
  measureId: string;
  otherMeasureId: string;
}

export interface RecordDecisionInput extends CoordinationFacts {
  decision: CoordinationDecision;
  /** For "adjust" and "end": which of the two. */
  concerns?: 'first' | 'second';
  reason: string;
  agreement?: string;
  decidedBy: string;
  approvedBy: string | null;
  /** Tell the providers (an approved decision); a "no coordination needed" is only recorded. */
  notify: boolean;
}

/** The overlap's measures, and whether their providers can be asked by mail at all. */
export interface Overlap {
  measures: [MeasureView, MeasureView];
  /** The providers that have a mail address (a contact's or their own), each once. */
  reachableProviderIds: string[];
}

export function coordinationActivities({ db }: { db: Db }) {
  async function load(ids: string[]): Promise<MeasureView[]> {
    const rows = await db
      .select({
        id: measures.id,
        title: measures.title,
        description: measures.description,
        providerId: measures.providerId,
        providerName: providers.name,
        fieldOfAction: measures.fieldOfAction,
        targetGroups: measures.targetGroups,
        startsOn: measures.startsOn,
        endsOn: measures.endsOn,
        participantsPerYear: measures.participantsPerYear,
        // Its Stadtbezirke and Stadtteile by name, as the overlap task and the question show them.
        districts: sql<string[]>`coalesce((select array_agg(d.name order by d.name) from ${districts} d where d.id = any(${measures.districtIds})), '{}')`,
      })
      .from(measures)
      .innerJoin(providers, eq(providers.id, measures.providerId))
      .where(inArray(measures.id, ids));
    return ids.flatMap((id) => rows.filter((r) => r.id === id));
  }

  return {
    /** Null when a measure was deleted since the start: its delete cancels the coordination, which may not have arrived yet. */
    async loadOverlap(input: CoordinationFacts): Promise<Overlap | null> {
      const found = await load([input.measureId, input.otherMeasureId]);
      if (found.length !== 2) return null;
      const providerIds = [...new Set(found.map((m) => m.providerId))];
      const reachable = await providerSource.load(db, providerIds);
      return {
        measures: found as [MeasureView, MeasureView],
        reachableProviderIds: providerIds.filter((id) => reachable.some((r) => r.id === id)),
      };
    },

    /** The decision on both measures, and (approved) the mail to their providers: one fact, so a retry sends nothing twice. */
    async recordDecision(input: RecordDecisionInput): Promise<void> {
      const found = await load([input.measureId, input.otherMeasureId]);
      const concerned = input.concerns === 'first' ? found[0] : input.concerns === 'second' ? found[1] : undefined;
      await db.transaction(async (tx) => {
        const row = {
          measureId: input.measureId,
          otherMeasureId: input.otherMeasureId,
          decision: input.decision,
          concernsMeasureId: concerned?.id ?? null,
          reason: input.reason,
          agreement: input.agreement ?? '',
          decidedBy: input.decidedBy,
          approvedBy: input.approvedBy,
          decidedAt: new Date(),
        };
        await tx
          .insert(measureCoordinations)
          .values({ procedureId: input.procedureId, ...row })
          .onConflictDoUpdate({ target: measureCoordinations.procedureId, set: row });
        await writeAudit(tx, {
          actorId: input.approvedBy ?? input.decidedBy,
          action: 'measure.coordinated',
          entityType: 'procedure',
          entityId: input.procedureId,
          procedureId: input.procedureId,
          key: `coordination:${input.procedureId}:decision`,
          detail: { decision: input.decision, measureIds: [input.measureId, input.otherMeasureId] },
        });
        if (!input.notify || found.length !== 2) return;
        const mail = decisionMail({
          measures: found as [MeasureView, MeasureView],
          decision: input.decision,
          concerned,
          reason: input.reason,
          agreement: input.agreement ?? '',
        });
        for (const provider of await providerSource.load(tx, [...new Set(found.map((m) => m.providerId))])) {
          await enqueueMail(tx, {
            idempotencyKey: `coordination:${input.procedureId}:decision:${provider.id}`,
            to: provider.to,
            ...mail,
            procedureId: input.procedureId,
          });
        }
      });
    },

    async recordFollowUp(input: { procedureId: string; done: boolean; note: string }): Promise<void> {
      await db
        .update(measureCoordinations)
        .set({ followUpDone: input.done, followUpNote: input.note, followedUpAt: new Date() })
        .where(eq(measureCoordinations.procedureId, input.procedureId));
    },
  };
}
