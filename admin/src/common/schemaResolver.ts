import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * react-admin's inputs hold null or '' for "left empty"; the shared schemas (the API's own)
 * mean "absent" by an optional key. So empty values are dropped before the schema sees them,
 * and what the schema returns is what gets submitted.
 */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => [k, withoutEmpty(v)]),
    );
  }
  return value;
}

/**
 * Validates a form in the browser with the very zod schema the API validates it with; `prepare`
 * turns what the inputs hold into the schema's shape first (e.g. a "not available" box into null).
 */
export function schemaResolver(schema: z.ZodType, prepare?: (values: FieldValues) => FieldValues): Resolver<FieldValues> {
  const resolve = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
  return (values, context, options) => resolve((prepare ?? withoutEmpty)(values) as FieldValues, context, options);
}

/** A random key without crypto.randomUUID, which plain-HTTP office installations do not have. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
