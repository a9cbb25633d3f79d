import type { FieldError } from './errors';

// PostgreSQL stores no NUL character: not in text ("invalid byte sequence for encoding UTF8: 0x00"),
// not in jsonb ("\u0000 cannot be converted to text"). Valid JSON and valid zod strings may hold
// one, so every request is checked for it once, and the field that has it is named.

export const NUL_MESSAGE = 'enthält ein unsichtbares Steuerzeichen (Nullzeichen), das nicht gespeichert werden kann';

const MAX_DEPTH = 50;

/** The paths (below `prefix`) of every string or object key in `value` that holds a NUL character. */
export function unstorableText(value: unknown, prefix: string): FieldError[] {
  const found: FieldError[] = [];
  const visit = (v: unknown, path: string, depth: number) => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found.push({ path, message: NUL_MESSAGE });
      return;
    }
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${path}.${i}`, depth + 1));
      return;
    }
    // Plain data only: a Date or a Buffer (an upload) is not text PostgreSQL would refuse.
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return;
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
      const child = `${path}.${key.split('\u0000').join('\\u0000')}`;
      if (key.includes('\u0000')) found.push({ path: child, message: `Feldname ${NUL_MESSAGE}` });
      visit(item, child, depth + 1);
    }
  };
  visit(value, prefix, 0);
  return found;
}
