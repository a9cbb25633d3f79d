import type { RequestHandler } from 'express';
import rateLimit from 'express-rate-limit';
import { HttpError } from './errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid';
  }
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins the console is served from: the configured PUBLIC_URL's. A loopback PUBLIC_URL (the
 * embedded default, http://localhost:3000) is one machine under each of its loopback names, so
 * http://127.0.0.1:3000 is the same site; no other name is.
 */
export function allowedOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [url.origin];
  return LOOPBACK_HOSTS.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
}

/**
 * CSRF guard for cookie-authenticated writes, beside SameSite cookies: a browser names the page a
 * request comes from (Origin, else Referer, and Sec-Fetch-Site); a page of another origin than the
 * configured PUBLIC_URL's may not write. Not the request's Host: an attacker's page reached under a
 * name that points here (DNS rebinding) sends a Host and an Origin that agree.
 * Clients that are not browsers send none of these and carry no ambient cookie risk.
 */
export function sameOriginWrites(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, _res, next) => {
    if (!UNSAFE.has(req.method)) return next();
    const fetchSite = req.get('sec-fetch-site');
    const origin = originOf(req.get('origin') ?? req.get('referer'));
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
    // Without TRUST_PROXY a client's X-Forwarded-For is ignored on purpose, not a misconfiguration to warn of.
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', message)),
  });
}
