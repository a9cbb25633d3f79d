import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginThrottle } from '../api/login-throttle';
import { ApiClient, eventually, listQuery } from './support/client';
import { admin as adminOf } from './support/consultation';
import { spawnApi } from './support/extra-processes';
import { findLeaks, stackSecrets, TEST_LOG_DIR } from './support/log-secrets';
import { DEMO_PASSWORD, testStack } from './support/stack-env';

// Sign-in that holds: the client's address is the socket's unless a proxy of ours is configured,
// failed logins lock the account (and tell its owner), and nothing secret is ever logged.

const run = Date.now().toString(36);
const WRONG = 'Sperr-Probe-falsch-1';

async function login(baseUrl: string, email: string, password: string, forwardedFor?: string) {
  return new ApiClient(baseUrl).post('/api/auth/login', { email, password }, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});
}

describe('the client address behind a proxy', () => {
  it('ignores X-Forwarded-For by default: 30 wrong logins with rotating addresses from one socket meet the limit', async () => {
    // Another account each time, so that the lock per account plays no part.
    const api = await spawnApi({ LOGIN_RATE_LIMIT: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        statuses.push((await login(api.url, `niemand-${run}-${i}@amtsflow.localhost`, WRONG, `203.0.113.${i + 1}`)).status);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual(Array(25).fill(429));
    } finally {
      await api.stop();
    }
  });

  it('takes the address from X-Forwarded-For when the proxy is trusted (TRUST_PROXY=loopback)', async () => {
    const api = await spawnApi({ LOGIN_RATE_LIMIT: '5', TRUST_PROXY: 'loopback' });
    try {
      const rotating: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        rotating.push((await login(api.url, `niemand-${run}-p${i}@amtsflow.localhost`, WRONG, `203.0.113.${i + 1}`)).status);
      }
      expect(rotating).toEqual(Array(30).fill(401));
      // One client behind the proxy is still one client.
      const same: number[] = [];
      for (let i = 0; i < 6; i += 1) same.push((await login(api.url, `niemand-${run}-s${i}@amtsflow.localhost`, WRONG, '198.51.100.7')).status);
      expect(same).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await api.stop();
    }
  });
});

describe('the lock per account', () => {
  it('locks an account after failed logins from any address, mails its owner, spares others, and unlocks after a while', async () => {
    const admin = await adminOf();
    const email = `sperre-${run}@amtsflow.localhost`;
    const password = 'Neues-Konto-Passwort-7';
    const created = await admin.post('/api/users', { email, name: 'Sina Sperre', roles: ['staff'], password });
    expect(created.status).toBe(201);

    const api = await spawnApi({ LOGIN_ACCOUNT_LIMIT: '3', LOGIN_LOCK: '5s', TRUST_PROXY: 'loopback' });
    try {
      // Three guesses from three addresses: the third locks.
      expect((await login(api.url, email, WRONG, '203.0.113.10')).status).toBe(401);
      expect((await login(api.url, email, WRONG, '203.0.113.11')).status).toBe(401);
      const locked = await login(api.url, email.toUpperCase(), WRONG, '203.0.113.12');
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('account_locked');
      expect(locked.body.error.message).toMatch(
        /^Dieses Konto ist nach mehreren fehlgeschlagenen Anmeldungen vorübergehend gesperrt\. Bitte versuchen Sie es in einer Minute erneut\.$/,
      );
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

      // Locked means locked: the right password waits too.
      const meanwhile = await login(api.url, email, password, '203.0.113.13');
      expect(meanwhile.status).toBe(429);
      expect(meanwhile.body.error.code).toBe('account_locked');

      // A colleague at the same address is not locked out by it.
      expect((await login(api.url, 'anna.schmidt@amtsflow.localhost', DEMO_PASSWORD, '203.0.113.12')).status).toBe(200);

      // The owner hears of it by mail (through the outbox, sent by the stack's worker).
      const mail = await eventually(async () => {
        const mails = (await admin.get(`/api/mailbox?${listQuery({ q: 'vorübergehend gesperrt' }, [0, 199])}`)).body as {
          envelopeTo: string[];
          subject: string;
          text: string;
        }[];
        return mails.find((m) => m.envelopeTo.includes(email));
      }, 20_000, 'the mail about the lock');
      expect(mail.subject).toBe('Ihr Amtsflow-Konto ist vorübergehend gesperrt');
      expect(mail.text).toContain('Guten Tag Sina Sperre,');
      expect(mail.text).toContain('3-mal in kurzer Folge ein falsches Passwort');
      expect(mail.text).not.toContain(WRONG);

      // After the lock's time the account signs in as usual.
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      expect((await login(api.url, email, password, '203.0.113.14')).status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('locks an unknown address just the same, so a lock tells nobody whether an account exists', async () => {
    const api = await spawnApi({ LOGIN_ACCOUNT_LIMIT: '2', LOGIN_LOCK: '1m' });
    try {
      const email = `gibt-es-nicht-${run}@amtsflow.localhost`;
      expect((await login(api.url, email, WRONG)).status).toBe(401);
      const locked = await login(api.url, email, WRONG);
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('account_locked');
    } finally {
      await api.stop();
    }
  });
});

describe('the throttle’s memory', () => {
  it('starts a new count once a lock’s length has passed, and keeps a lock through a flood of made-up accounts', () => {
    let now = 0;
    const throttle = new LoginThrottle(3, 1000, () => now);
    throttle.failed('a@x.de');
    throttle.failed('a@x.de');
    now = 1500; // the two failures are older than the lock's length: a new series begins
    expect(throttle.failed('A@x.de').lockedNow).toBe(false);
    throttle.failed('a@x.de');
    expect(throttle.failed('a@x.de')).toEqual({ lockedNow: true, until: 2500 });
    for (let i = 0; i < 10_050; i += 1) throttle.failed(`flood-${i}@x.de`);
    expect(throttle.lockedUntil('a@x.de')).toBe(2500);
    now = 2500;
    expect(throttle.lockedUntil('a@x.de')).toBeUndefined();
  });
});

describe('secrets and logs', () => {
  it('finds a secret in a log file (the check below can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-leak-'));
    try {
      fs.writeFileSync(path.join(dir, 'api-1.log'), 'ok\nparams: x@y.z,$argon2id$v=19$m=65536,t=3,p=4$abc$def\nfine\n');
      fs.writeFileSync(path.join(dir, 'worker-2.log'), `token ${'A'.repeat(43)} in a line\n`);
      const leaks = findLeaks(dir, [{ name: 'a token', value: 'A'.repeat(43) }]);
      expect(leaks).toEqual([
        { file: 'api-1.log', line: 2, secret: 'an argon2 hash' },
        { file: 'worker-2.log', line: 1, secret: 'a token' },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has logged no password, hash, token or secret so far in any process of the run', async () => {
    const secrets = await stackSecrets(testStack());
    expect(secrets.length).toBeGreaterThan(5);
    expect(findLeaks(TEST_LOG_DIR, secrets)).toEqual([]);
  });
});
