import { HttpError, type AuthProvider } from 'react-admin';
import { apiFetch } from './dataProvider/http';
import { mayAccess, type Role } from './roles';

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  substituteFor: string[];
}

// One /me per page load (and after login), not one per permission check.
let me: Promise<Me | undefined> | undefined;

function loadMe(): Promise<Me | undefined> {
  me ??= apiFetch('/api/auth/me')
    .then(({ json }) => json as Me)
    .catch((err: unknown) => {
      me = undefined;
      if (err instanceof HttpError && err.status === 401) return undefined;
      throw err;
    });
  return me;
}

/** Asks for /me as soon as the console's script runs, before react-admin's first check needs it. */
export function preloadSession(): void {
  loadMe().catch(() => undefined);
}

// Message keys: the login page's notification translates them.
const loginMessages: Record<number, string> = {
  400: 'app.login.invalid_input',
  401: 'app.login.wrong_password',
  429: 'app.login.rate_limited',
  503: 'app.login.unavailable',
};
// A locked account is a 429 too, but one that lasts longer than a minute and is the account's, not the address's.
const loginCodeMessages: Record<string, string> = { account_locked: 'app.login.account_locked' };

/** The API's cookie session: login and logout there, roles from /api/auth/me. */
export const authProvider: AuthProvider = {
  async login({ username, email, password }: { username?: string; email?: string; password: string }) {
    try {
      const { json } = await apiFetch('/api/auth/login', { method: 'POST', body: { email: email ?? username, password } });
      me = Promise.resolve(json as Me);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 0;
      const code = err instanceof HttpError ? (err.body as { error?: { code?: string } } | undefined)?.error?.code : undefined;
      throw new Error((code && loginCodeMessages[code]) ?? loginMessages[status] ?? 'app.login.failed', { cause: err });
    }
  },
  async logout() {
    me = undefined;
    await apiFetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
  },
  async checkAuth() {
    if (!(await loadMe())) throw new Error('ra.auth.auth_check_error');
  },
  // Only a lost session logs out; a 403 is a refusal shown as such, not a reason to leave.
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      me = undefined;
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const user = await loadMe();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { ...user, fullName: user.name };
  },
  async getPermissions() {
    return (await loadMe())?.roles ?? [];
  },
  async canAccess({ resource, action }) {
    return mayAccess((await loadMe())?.roles ?? [], resource, action);
  },
};
