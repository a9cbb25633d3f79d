import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { answerToken } from '../../answers/tokens';
import { deriveSecret } from '../../config/config';
import { ADMIN_PASSWORD, DEMO_PASSWORD, TEST_LOG_DIR, type TestStack } from './stack-env';

// No secret, hash, token or password in any log line of the run: the values the run knows are looked
// for in the output of every process it started (tests/support/spawn.ts writes them to TEST_LOG_DIR).

export interface Secret {
  /** What it is, said in a failure without the value itself. */
  name: string;
  value: string;
}

export interface Leak {
  file: string;
  line: number;
  secret: string;
}

/** Passwords the test files type (beside the stack's own), wrong ones included: a failed login must not log them either. */
export const TEST_PASSWORDS = [ADMIN_PASSWORD, DEMO_PASSWORD, 'Sperr-Probe-falsch-1', 'Neues-Konto-Passwort-7'];

const ARGON2 = /\$argon2(?:id|i|d)\$v=\d+\$/;

/** Every line of the files in `dir` that holds one of the secrets or anything shaped like an argon2 hash. */
export function findLeaks(dir: string, secrets: Secret[]): Leak[] {
  if (!fs.existsSync(dir)) return [];
  const leaks: Leak[] = [];
  // Short values would match by chance; every real secret here is long.
  const checked = secrets.filter((s) => s.value.length >= 8);
  for (const name of fs.readdirSync(dir)) {
    const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (ARGON2.test(text)) leaks.push({ file: name, line: i + 1, secret: 'an argon2 hash' });
      for (const s of checked) if (text.includes(s.value)) leaks.push({ file: name, line: i + 1, secret: s.name });
    });
  }
  return leaks;
}

/** The secrets of the running test stack: passwords, their hashes, the session secret, every answer token and its hash. */
export async function stackSecrets(stack: TestStack): Promise<Secret[]> {
  const secrets: Secret[] = TEST_PASSWORDS.map((value, i) => ({ name: `test password #${i + 1}`, value }));
  const sessionSecret = fs.readFileSync(path.join(stack.dataDir, 'session-secret'), 'utf8').trim();
  secrets.push({ name: 'the session secret', value: sessionSecret });
  const tokenSecret = deriveSecret(sessionSecret, 'answer-tokens');
  secrets.push({ name: 'the answer-token secret', value: tokenSecret });
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    const users = await client.query<{ email: string; password_hash: string }>('select email, password_hash from users');
    for (const u of users.rows) secrets.push({ name: `the password hash of ${u.email}`, value: u.password_hash });
    const requests = await client.query<{ id: string; token_hash: string }>('select id, token_hash from consultation_requests');
    for (const r of requests.rows) {
      const token = answerToken(tokenSecret, r.id);
      secrets.push({ name: `the answer token of request ${r.id}`, value: token });
      secrets.push({ name: `the token hash of request ${r.id}`, value: r.token_hash });
    }
    const sessions = await client.query<{ sid: string }>('select sid from sessions');
    for (const s of sessions.rows) secrets.push({ name: 'a session id', value: s.sid });
  } finally {
    await client.end();
  }
  return secrets;
}

export function describeLeaks(leaks: Leak[]): string {
  return leaks.map((l) => `  ${l.file}:${l.line}: ${l.secret}`).join('\n');
}

export { TEST_LOG_DIR };
