import type { IndicatorDirection } from './schema';
import type { Change } from './shared';

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The change from an earlier value to the current one: absolute, in percent of the earlier value,
 * and whether that is an improvement given the indicator's direction.
 */
export function change(current: number | null, earlier: number | null, direction: IndicatorDirection): Change | null {
  if (current === null || earlier === null) return null;
  // Rounded so that 41.2 − 38.5 is 2.7, not 2.7000000000000028.
  const absolute = round(current - earlier, 6);
  const percent = earlier === 0 ? null : round((absolute / Math.abs(earlier)) * 100, 1);
  const better = direction === 'higher_better' ? absolute > 0 : absolute < 0;
  const trend = absolute === 0 ? 'unchanged' : better ? 'improving' : 'worsening';
  return { absolute, percent, trend };
}
