import { and, eq, sql } from 'drizzle-orm';
import type { Request } from 'express';
import type { Db } from '../db/client';
import { users, type Role, type TaskMailChoice } from '../db/schema';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Vertretung: absent colleagues whose tasks this user holds. */
  substituteFor: string[];
  /** A mail for each new task, or the daily digest. */
  taskMail: TaskMailChoice;
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
    // One round trip: the person and the absent colleagues they stand in for.
    const [user] = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        roles: users.roles,
        taskMail: users.taskMail,
        // Spelled out: inside the subquery drizzle would leave "id" unqualified.
        substituteFor: sql<string[]>`array(select a.id from users a where a.substitute_id = users.id and a.absent and a.active)`,
      })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)));
    return user;
  };
}
