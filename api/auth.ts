import argon2 from 'argon2';
import connectPgSimple from 'connect-pg-simple';
import { eq, sql } from 'drizzle-orm';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { z } from 'zod';
import type { SignInSettings } from '../config/sign-in';
import type { Db } from '../db/client';
import { writeAudit } from '../db/audit';
import { taskMailChoices, users } from '../db/schema';
import { sendAccountLockedMail } from './account-lock-mail';
import { HttpError } from './errors';
import { LoginThrottle } from './login-throttle';
import type { Api } from './route';
import { limiter } from './security';

export const ARGON2_OPTIONS = { type: argon2.argon2id } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export function sessionMiddleware(db: Db, secret: string, secureCookie: boolean): RequestHandler {
  const PgStore = connectPgSimple(session);
  return session({
    name: 'amtsflow.sid',
    secret,
    // No touch per request: a session lives a working day from login, and reads stay reads.
    store: new PgStore({ pool: db.$client, tableName: 'sessions', pruneSessionInterval: 15 * 60, disableTouch: true }),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'strict', secure: secureCookie, maxAge: 10 * 60 * 60 * 1000 },
  });
}

export const loginBody = z.strictObject({
  email: z.email('keine gültige E-Mail-Adresse'),
  password: z.string().min(1, 'Passwort fehlt').max(1000),
});

export const meSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(['staff', 'manager', 'admin'])),
    substituteFor: z.array(z.string()),
    /** "each": a mail for each new task; "digest": one Tagesübersicht a morning instead. */
    taskMail: z.enum(taskMailChoices),
  })
  .meta({ id: 'Me' });

const preferencesBody = z.strictObject({ taskMail: z.enum(taskMailChoices, 'entweder „each“ (eine Mail je neue Aufgabe) oder „digest“ (eine Tagesübersicht)') });

function accountLocked(until: number): HttpError {
  const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
  return new HttpError(
    429,
    'account_locked',
    `Dieses Konto ist nach mehreren fehlgeschlagenen Anmeldungen vorübergehend gesperrt. Bitte versuchen Sie es in ${minutes === 1 ? 'einer Minute' : `${minutes} Minuten`} erneut.`,
  );
}

export function authRoutes(api: Api, db: Db, limits: { loginRateLimit: number; signIn: SignInSettings }) {
  // Verifying against a real hash when the account is unknown keeps the answer time the same.
  const unknownUserHash = hashPassword(`unknown-${Math.random()}`);
  api.router.use('/api/auth/login', limiter(limits.loginRateLimit, 'Zu viele Anmeldeversuche. Bitte warten Sie eine Minute.'));
  // Unknown addresses are counted too, so that a lock tells nobody whether an account exists.
  const throttle = new LoginThrottle(limits.signIn.accountLimit, limits.signIn.lockMs);

  api.route({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Anmelden (setzt das Sitzungs-Cookie)',
    tag: 'auth',
    access: 'public',
    rateLimited: true,
    body: loginBody,
    response: meSchema,
    async handler({ body, req, res }) {
      const refuse = (until: number) => {
        res.set('Retry-After', String(Math.max(1, Math.ceil((until - Date.now()) / 1000))));
        return accountLocked(until);
      };
      const lockedUntil = throttle.lockedUntil(body.email);
      if (lockedUntil) throw refuse(lockedUntil);
      const [user] = await db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = lower(${body.email})`);
      const ok = await argon2.verify(user?.passwordHash ?? (await unknownUserHash), body.password);
      if (!user || !ok || !user.active) {
        const { lockedNow, until } = throttle.failed(body.email);
        if (lockedNow && until) {
          if (user?.active) await sendAccountLockedMail(db, user, limits.signIn.accountLimit, until);
          throw refuse(until);
        }
        throw new HttpError(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch');
      }
      throttle.succeeded(body.email);
      await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
      req.session.userId = user.id;
      await new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
      return { id: user.id, email: user.email, name: user.name, roles: user.roles, substituteFor: [], taskMail: user.taskMail };
    },
  });

  api.route({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Abmelden',
    tag: 'auth',
    access: 'public',
    async handler({ req, res }) {
      await new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));
      res.clearCookie('amtsflow.sid');
      return undefined;
    },
  });

  api.route({
    method: 'get',
    path: '/api/auth/me',
    summary: 'Die angemeldete Person',
    tag: 'auth',
    access: 'user',
    response: meSchema,
    async handler({ user }) {
      return user;
    },
  });

  api.route({
    method: 'put',
    path: '/api/auth/me/preferences',
    summary: 'Eigene Einstellungen ändern: Aufgaben-Mails einzeln oder als Tagesübersicht',
    tag: 'auth',
    access: 'user',
    body: preferencesBody,
    response: meSchema,
    async handler({ body, user }) {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ taskMail: body.taskMail }).where(eq(users.id, user.id));
        await writeAudit(tx, { actorId: user.id, action: 'users.updated', entityType: 'users', entityId: user.id, detail: { fields: ['taskMail'] } });
      });
      return { ...user, taskMail: body.taskMail };
    },
  });
}
