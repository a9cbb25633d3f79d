import type { Request } from 'express';
import { z } from 'zod';
import { HttpError, zodFields } from './errors';

const idempotencyKey = z.string().min(1).max(200).regex(/^[\w.:-]+$/, 'nur Buchstaben, Ziffern, . : _ -');

/**
 * The request's Idempotency-Key, if it sent one: the same key again (a double click, a retry after
 * a lost answer) is the same request, done once. A malformed key is a 400 naming the header.
 */
export function idempotencyKeyOf(req: Request): string | undefined {
  const header = req.get('idempotency-key');
  if (header === undefined) return undefined;
  const checked = idempotencyKey.safeParse(header);
  if (!checked.success) throw HttpError.badRequest('Ungültiger Idempotency-Key', zodFields(checked.error, 'header.idempotency-key'));
  return checked.data;
}
