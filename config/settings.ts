import { z } from 'zod';
import { durationSchema } from '../calendar/duration';

// A procedure module's settings: each one read from its own environment variable, with its default.
// The module's settings.ts declares them; config/config.ts reads them for every module in the registry.

export interface SettingSpec<T = unknown> {
  /** The environment variable, e.g. FUNDING_WARN_BEFORE; listed in the README's configuration table. */
  env: string;
  /** Parses the variable's text (undefined when unset); its default is the setting's default. */
  schema: z.ZodType<T, string | undefined>;
}

export type SettingsSpec = Record<string, SettingSpec>;
export type SettingsOf<S extends SettingsSpec> = { [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never };

export function defineSettings<S extends SettingsSpec>(spec: S): S {
  return spec;
}

/** A setting's problems, named by its variable, as the configuration's error lists them. */
export function readSettings<S extends SettingsSpec>(spec: S, env: NodeJS.ProcessEnv): { value?: SettingsOf<S>; issues: string[] } {
  const value: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const [key, setting] of Object.entries(spec)) {
    const parsed = setting.schema.safeParse(env[setting.env] === '' ? undefined : env[setting.env]);
    if (parsed.success) value[key] = parsed.data;
    else issues.push(...parsed.error.issues.map((i) => `  ${setting.env}: ${i.message}`));
  }
  return issues.length > 0 ? { issues } : { value: value as SettingsOf<S>, issues };
}

/** A waiting time ("10bd", "2s"). */
export const duration = (fallback: string) => durationSchema.default(fallback);

/** A clock duration, for schedules: business days make no sense for "every 6 hours". */
export const clockDuration = (fallback: string) =>
  durationSchema.refine((v) => !/bd$/i.test(v), 'a clock duration such as "6h"').default(fallback);

/** A five-field cron expression ("0 6 5 1,4,7,10 *") or a clock duration ("90d", "2s"). */
export const scheduleSpec = (fallback: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => /^\S+( \S+){4}$/.test(v) || (durationSchema.safeParse(v).success && !/bd$/i.test(v)),
      'a cron expression (5 fields) or a clock duration such as "90d"',
    )
    .default(fallback);

/** Addresses separated by commas or spaces. */
export const addressList = () =>
  z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,;]+/).filter((a) => a !== ''))
    .pipe(z.array(z.email('not a mail address')));
