import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { procedures, users } from '../db/schema';

export interface OfficeContact {
  name: string;
  email: string | null;
}

const OFFICE: OfficeContact = { name: 'das Amt für Integration', email: null };

/** Whom a department should turn to about a request: the colleague who started the consultation. */
export async function contactFor(db: Db, consultationId: string): Promise<OfficeContact> {
  const [row] = await db
    .select({ name: users.name, email: users.email, active: users.active })
    .from(procedures)
    .innerJoin(users, eq(users.id, procedures.startedBy))
    .where(eq(procedures.id, consultationId));
  return row?.active ? { name: row.name, email: row.email } : OFFICE;
}

export function contactText(contact: OfficeContact): string {
  return contact.email ? `${contact.name} (${contact.email})` : contact.name;
}
