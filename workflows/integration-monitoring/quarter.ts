// Quarters as the monitoring names them ('2026-Q3'). Pure functions: the workflow uses them too.

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

function parts(quarter: string): { year: number; q: number } {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

function fromIndex(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

function indexOf(quarter: string): number {
  const { year, q } = parts(quarter);
  return year * 4 + q - 1;
}

/** The quarter `n` quarters later (negative: earlier). */
export function shiftQuarter(quarter: string, n: number): string {
  return fromIndex(indexOf(quarter) + n);
}

/** The quarter a moment falls in (UTC; the schedule runs days after a quarter's end, so the zone never matters). */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** The last complete quarter before a moment: what a run started then reports on. */
export function quarterEndedBefore(at: Date): string {
  return shiftQuarter(quarterOf(at), -1);
}

/** The first moment after the quarter (UTC). */
export function quarterEnd(quarter: string): Date {
  const next = parts(shiftQuarter(quarter, 1));
  return new Date(Date.UTC(next.year, (next.q - 1) * 3, 1));
}

/** '3. Quartal 2026' */
export function quarterLabel(quarter: string): string {
  const { year, q } = parts(quarter);
  return `${q}. Quartal ${year}`;
}

/** 'Q3/2026', for chart axes. */
export function quarterShort(quarter: string): string {
  const { year, q } = parts(quarter);
  return `Q${q}/${year}`;
}

/** `count` quarters ending with `last`, oldest first. */
export function quartersUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(last, i - count + 1));
}
