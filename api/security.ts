import type { RequestHandler } from 'express';
import rateLimit from 'express-rate-limit';
import { HttpError } from './errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return 'invalid';
  }
}

/**
 * CSRF guard for cookie-authenticated writes, beside SameSite cookies: a browser names the
 * page a request comes from (Origin, else Referer, and Sec-Fetch-Site); another site's page may not write.
 * Clients that are not browsers send none of these and carry no ambient cookie risk.
 */
export function sameOriginWrites(allowedHosts: () => string[]): RequestHandler {
  return (req, _res, next) => {
    if (!UNSAFE.has(req.method)) return next();
    const fetchSite = req.get('sec-fetch-site');
    const origin = hostOf(req.get('origin') ?? req.get('referer'));
    const allowed = new Set([req.get('host'), ...allowedHosts()]);
    if (fetchSite === 'cross-site' || (origin !== undefined && !allowed.has(origin))) {
      return next(new HttpError(403, 'csrf', 'Anfrage von einer fremden Seite abgelehnt'));
    }
    next();
  };
}

export function limiter(limitPerMinute: number, message: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', message)),
  });
}
