import { and, asc, eq, gte, isNull, lte, min, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { districts, measureCoordinations, measures, providers } from '../measure-coordination/schema';
import type { ProgrammeYear } from './programme';

// The measures registry as one year's report reads it.

/** The year of the earliest measure's start; null while the registry is empty. */
export async function firstMeasureYear(db: DbOrTx): Promise<number | null> {
  const [row] = await db.select({ first: min(measures.startsOn) }).from(measures);
  return row?.first ? Number(row.first.slice(0, 4)) : null;
}

/** The Stadtbezirke in their official order, and every measure whose period overlaps the year. */
export async function loadProgrammeYear(db: DbOrTx, year: number): Promise<ProgrammeYear> {
  const places = await db.select({ id: districts.id, name: districts.name, kind: districts.kind, number: districts.number, parentId: districts.parentId }).from(districts).orderBy(asc(districts.number), asc(districts.name));
  const bezirke = places.filter((d) => d.kind === 'stadtbezirk').map((d) => ({ id: d.id, name: d.name }));
  // A Stadtteil counts for its Stadtbezirk.
  const bezirkOf = new Map(places.map((d) => [d.id, d.parentId ?? d.id]));
  const rows = await db
    .select({
      id: measures.id,
      title: measures.title,
      providerName: providers.name,
      fieldOfAction: measures.fieldOfAction,
      districtIds: measures.districtIds,
      participantsPerYear: measures.participantsPerYear,
      fundingLines: measures.fundingLines,
    })
    .from(measures)
    .innerJoin(providers, eq(providers.id, measures.providerId))
    .where(and(lte(measures.startsOn, `${year}-12-31`), or(isNull(measures.endsOn), gte(measures.endsOn, `${year}-01-01`))))
    .orderBy(asc(measures.title), asc(measures.id));
  const other = alias(measures, 'other_measure');
  const decided = await db
    .select({
      decidedOn: sql<string>`to_char(${measureCoordinations.decidedAt} at time zone 'Europe/Berlin', 'YYYY-MM-DD')`,
      decision: measureCoordinations.decision,
      measureTitle: measures.title,
      otherTitle: other.title,
      reason: measureCoordinations.reason,
      agreement: measureCoordinations.agreement,
      followUpDone: measureCoordinations.followUpDone,
      approvedBy: measureCoordinations.approvedBy,
    })
    .from(measureCoordinations)
    .innerJoin(measures, eq(measures.id, measureCoordinations.measureId))
    .innerJoin(other, eq(other.id, measureCoordinations.otherMeasureId))
    .where(sql`extract(year from ${measureCoordinations.decidedAt} at time zone 'Europe/Berlin') = ${year}`)
    .orderBy(asc(measureCoordinations.decidedAt));
  return {
    year,
    bezirke,
    measures: rows.map(({ districtIds, ...m }) => ({ ...m, bezirkIds: [...new Set(districtIds.flatMap((id) => bezirkOf.get(id) ?? []))] })),
    coordinations: decided.map(({ approvedBy, ...c }) => ({ ...c, coordinated: approvedBy !== null })),
  };
}
