import ms from 'ms';
import { z } from 'zod';

/**
 * A waiting time as the office speaks of it: "5bd" is five business days (weekends and
 * NRW holidays skipped); anything `ms` understands ("2s", "10m", "3d") is wall-clock time,
 * which is what tests use to stand in for days.
 */
export type Duration = { businessDays: number } | { ms: number };

const BUSINESS_DAYS = /^(\d+)\s*bd$/i;

export function parseDuration(text: string): Duration | undefined {
  const bd = BUSINESS_DAYS.exec(text.trim());
  if (bd) return { businessDays: Number(bd[1]) };
  const value = ms(text.trim() as ms.StringValue);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? { ms: value } : undefined;
}

export const durationSchema = z
  .string()
  .refine((v) => parseDuration(v) !== undefined, {
    message: 'expected a duration such as "5bd" (business days), "2s", "10m" or "3d"',
  });
