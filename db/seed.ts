import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../api/auth';
import type { Db } from './client';
import { departments, users, type Role } from './schema';
import { cityDepartments } from './seed-departments';
import { allModules } from '../workflows/registry';

export const DEMO_PASSWORD = 'Amtsflow-Demo-2026';

const demoUsers: { email: string; name: string; roles: Role[] }[] = [
  { email: 'anna.schmidt@amtsflow.localhost', name: 'Anna Schmidt', roles: ['staff'] },
  { email: 'ben.yilmaz@amtsflow.localhost', name: 'Ben Yılmaz', roles: ['staff'] },
  { email: 'carla.nowak@amtsflow.localhost', name: 'Carla Nowak', roles: ['manager'] },
  { email: 'david.mensah@amtsflow.localhost', name: 'David Mensah', roles: ['manager', 'staff'] },
];

function slug(code: string): string {
  return code.toLowerCase();
}

export interface SeedResult {
  /** Set only when the admin account was created just now with a generated password. */
  generatedAdminPassword?: string;
}

/** Idempotent: a second start adds nothing and changes no password. */
export async function seed(
  db: Db,
  options: { adminEmail: string; adminPassword?: string; demoData: boolean },
): Promise<SeedResult> {
  const result: SeedResult = {};
  const [existingAdmin] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${options.adminEmail})`);
  if (!existingAdmin) {
    // An administrator, not a clerk or a manager: the groups' tasks and their mails are theirs who hold those roles.
    const password = options.adminPassword ?? randomBytes(12).toString('base64url');
    await db
      .insert(users)
      .values({ email: options.adminEmail, name: 'Administration', roles: ['admin'], passwordHash: await hashPassword(password) })
      .onConflictDoNothing();
    if (!options.adminPassword) result.generatedAdminPassword = password;
  }
  if (!options.demoData) return result;

  await db
    .insert(departments)
    .values(
      cityDepartments.map((d) => ({
        code: d.code,
        name: d.name,
        grammaticalGender: d.grammaticalGender,
        nameAccusative: d.nameAccusative,
        nameDative: d.nameDative,
        nameGenitive: d.nameGenitive,
        contactEmail: `${slug(d.code)}@stadt.localhost`,
        headName: d.head,
        headEmail: `leitung.${slug(d.code)}@stadt.localhost`,
      })),
    )
    .onConflictDoNothing({ target: departments.code });

  const demoHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers) {
    const [exists] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${u.email})`);
    if (!exists) await db.insert(users).values({ ...u, passwordHash: demoHash }).onConflictDoNothing();
  }
  // Each module's own demo data (the monitoring's indicators, the measures registry), once departments and people exist.
  for (const module of allModules) await module.seed?.(db);
  return result;
}
