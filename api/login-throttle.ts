// Failed logins counted per account, beside the limiter per address: guessing one person's password
// from many addresses locks that account for a while, and nobody else's. Kept in the API process's
// memory (like the address limiter): a restart forgets it, and each API process counts on its own.

interface Attempts {
  failures: number;
  firstAt: number;
  lockedUntil?: number;
}

const MAX_TRACKED = 10_000;

export class LoginThrottle {
  private readonly attempts = new Map<string, Attempts>();

  constructor(
    private readonly limit: number,
    private readonly lockMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Until when the account is locked (ms since the epoch), or undefined while it may try. */
  lockedUntil(account: string): number | undefined {
    const entry = this.attempts.get(account.toLowerCase());
    if (!entry?.lockedUntil) return undefined;
    if (entry.lockedUntil > this.now()) return entry.lockedUntil;
    this.attempts.delete(account.toLowerCase());
    return undefined;
  }

  /** Counts a failed login; says when this very failure locked the account. */
  failed(account: string): { lockedNow: boolean; until?: number } {
    const key = account.toLowerCase();
    const now = this.now();
    let entry = this.attempts.get(key);
    // The count starts again once a lock's length has passed since the first failure of a series.
    if (!entry || now - entry.firstAt > this.lockMs) entry = { failures: 0, firstAt: now };
    entry.failures += 1;
    if (entry.failures >= this.limit) entry.lockedUntil = now + this.lockMs;
    this.attempts.delete(key);
    this.attempts.set(key, entry);
    this.forgetOldest();
    return entry.lockedUntil ? { lockedNow: true, until: entry.lockedUntil } : { lockedNow: false };
  }

  succeeded(account: string): void {
    this.attempts.delete(account.toLowerCase());
  }

  /**
   * Bounded memory against a flood of made-up accounts: the longest untouched entries go first, a
   * lock that still holds last (so that flooding cannot unlock the account someone is guessing).
   */
  private forgetOldest(): void {
    const now = this.now();
    for (const [key, entry] of this.attempts) {
      if (this.attempts.size <= MAX_TRACKED) return;
      if (!entry.lockedUntil || entry.lockedUntil <= now) this.attempts.delete(key);
    }
    while (this.attempts.size > MAX_TRACKED) {
      const oldest = this.attempts.keys().next().value;
      if (oldest === undefined) return;
      this.attempts.delete(oldest);
    }
  }
}
