import { z } from 'zod';
import { parseDuration } from '../calendar/duration';
import type { Config } from './config';

// How the API decides who is signing in from where, and how often they may get the password wrong.

/**
 * Express's "trust proxy": off unless configured, since X-Forwarded-For is whatever a client writes
 * unless a proxy of ours overwrites it. "loopback", "10.0.0.0/8, 192.168.1.5" (the proxies' addresses),
 * a number of hops, or "true" (every hop: only behind a proxy that strips what clients send).
 */
export const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((v): boolean | number | string => {
    if (['', 'false', '0', 'no', 'off'].includes(v.toLowerCase())) return false;
    if (v.toLowerCase() === 'true') return true;
    if (/^\d+$/.test(v)) return Number(v);
    return v;
  });

export interface SignInSettings {
  trustProxy: boolean | number | string;
  /** Failed logins of one account within `lockMs` that lock it. */
  accountLimit: number;
  lockMs: number;
}

export function signInSettings(config: Config): SignInSettings {
  const lock = parseDuration(config.LOGIN_LOCK);
  return {
    trustProxy: config.TRUST_PROXY,
    accountLimit: config.LOGIN_ACCOUNT_LIMIT,
    lockMs: lock && 'ms' in lock ? lock.ms : 15 * 60_000,
  };
}
