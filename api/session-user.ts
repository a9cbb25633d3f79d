import { and, eq } from 'drizzle-orm';
import type { Request } from 'express';
import type { Db } from '../db/client';
import { users, type Role } from '../db/schema';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Vertretung: absent colleagues whose tasks this user holds. */
  substituteFor: string[];
}

declare module 'express-session' {
  interface SessionData {
    userId?: string;
  }
}

export function sessionUserLoader(db: Db) {
  return async (req: Request): Promise<SessionUser | undefined> => {
    const userId = req.session?.userId;
    if (!userId) return undefined;
    const [user] = await db
      .select({ id: users.id, email: users.email, name: users.name, roles: users.roles, active: users.active })
      .from(users)
      .where(eq(users.id, userId));
    if (!user || !user.active) return undefined;
    const absentees = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.substituteId, user.id), eq(users.absent, true), eq(users.active, true)));
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      substituteFor: absentees.map((a) => a.id),
    };
  };
}
