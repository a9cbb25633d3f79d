import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { departments } from '../../db/schema';
import { change } from './compare';
import { shiftQuarter } from './quarter';
import { indicators, indicatorValues, type Disaggregation } from './schema';
import type { ComparisonRow, DepartmentPlan } from './shared';

// Reading indicators and their values: shared by the monitoring's activities, the report and the API.

const WHOLE: Disaggregation = { key: 'gesamt', label: 'gesamt' };

/** An indicator without breakdowns has one value: the whole. */
export function breakdowns(list: Disaggregation[]): Disaggregation[] {
  return list.length > 0 ? list : [WHOLE];
}

export function fieldKey(indicatorKey: string, disaggregation: string): string {
  return `${indicatorKey}__${disaggregation}`;
}

export async function activeIndicators(db: DbOrTx) {
  return db
    .select({ indicator: indicators, departmentName: departments.name })
    .from(indicators)
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .where(eq(indicators.active, true))
    .orderBy(asc(departments.name), asc(indicators.name));
}

/** Who is asked for what: the active indicators, grouped by their owning department. */
export async function monitoringPlan(db: DbOrTx): Promise<DepartmentPlan[]> {
  const plan = new Map<string, DepartmentPlan>();
  for (const { indicator: i, departmentName } of await activeIndicators(db)) {
    const dept = plan.get(i.departmentId) ?? { departmentId: i.departmentId, departmentName, fields: [] };
    plan.set(i.departmentId, dept);
    for (const d of breakdowns(i.disaggregations)) {
      dept.fields.push({
        field: fieldKey(i.key, d.key),
        indicatorId: i.id,
        indicatorKey: i.key,
        indicatorName: i.name,
        disaggregation: d.key,
        disaggregationLabel: d.label,
        unit: i.unit,
        plausibleMin: i.plausibleMin,
        plausibleMax: i.plausibleMax,
      });
    }
  }
  return [...plan.values()];
}

export type ValuePoint = typeof indicatorValues.$inferSelect;

/** Values of the given indicators in the given quarters, keyed "indicatorId|quarter|disaggregation". */
export async function valuesIn(db: DbOrTx, indicatorIds: string[], quarters: string[]): Promise<Map<string, ValuePoint>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(and(inArray(indicatorValues.indicatorId, indicatorIds), inArray(indicatorValues.quarter, quarters)));
  return new Map(rows.map((r) => [pointKey(r.indicatorId, r.quarter, r.disaggregation), r]));
}

export function pointKey(indicatorId: string, quarter: string, disaggregation: string): string {
  return `${indicatorId}|${quarter}|${disaggregation}`;
}

/** Every active indicator's breakdowns in the quarter, next to the previous quarter and the same quarter a year before. */
export async function compareWithEarlier(db: DbOrTx, quarter: string): Promise<ComparisonRow[]> {
  const active = await activeIndicators(db);
  const previousQ = shiftQuarter(quarter, -1);
  const lastYearQ = shiftQuarter(quarter, -4);
  const points = await valuesIn(db, active.map((a) => a.indicator.id), [quarter, previousQ, lastYearQ]);
  const at = (id: string, q: string, d: string) => points.get(pointKey(id, q, d));
  return active.flatMap(({ indicator: i, departmentName }) =>
    breakdowns(i.disaggregations).map((d) => {
      const now = at(i.id, quarter, d.key);
      const value = now?.value ?? null;
      const previous = at(i.id, previousQ, d.key)?.value ?? null;
      const lastYear = at(i.id, lastYearQ, d.key)?.value ?? null;
      return {
        indicatorId: i.id,
        indicatorKey: i.key,
        indicatorName: i.name,
        description: i.description,
        unit: i.unit,
        direction: i.direction,
        departmentName,
        disaggregation: d.key,
        disaggregationLabel: d.label,
        value,
        comment: now?.comment ?? null,
        source: now?.source ?? null,
        previous,
        lastYear,
        changePrevious: change(value, previous, i.direction),
        changeLastYear: change(value, lastYear, i.direction),
      };
    }),
  );
}
