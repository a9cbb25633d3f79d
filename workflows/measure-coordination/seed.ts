import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments } from '../../db/schema';
import { districts, measures, providers } from './schema';
import { cologneDistricts } from './seed-districts';
import { seedMeasures } from './seed-measures';
import { seedProviders } from './seed-providers';

// Idempotent like every module's demo data: a second start finds each row by its name and adds nothing.

async function seedDistricts(db: Db): Promise<Map<string, string>> {
  for (const bezirk of cologneDistricts) {
    await db.insert(districts).values({ name: bezirk.name, kind: 'stadtbezirk', number: bezirk.number }).onConflictDoNothing();
    const [parent] = await db.select({ id: districts.id }).from(districts).where(and(eq(districts.kind, 'stadtbezirk'), eq(districts.name, bezirk.name)));
    if (!parent) continue;
    await db
      .insert(districts)
      .values(bezirk.stadtteile.map((name) => ({ name, kind: 'stadtteil' as const, parentId: parent.id })))
      .onConflictDoNothing();
  }
  // "Ehrenfeld" is the Stadtbezirk, "Ehrenfeld/Ehrenfeld" its Stadtteil.
  const rows = await db.select({ id: districts.id, name: districts.name, kind: districts.kind, parentId: districts.parentId }).from(districts);
  const bezirkName = new Map(rows.filter((r) => r.kind === 'stadtbezirk').map((r) => [r.id, r.name]));
  return new Map(rows.map((r) => [r.kind === 'stadtbezirk' ? r.name : `${bezirkName.get(r.parentId ?? '')}/${r.name}`, r.id]));
}

function idsOf(names: string[], byName: Map<string, string>): string[] {
  return names.flatMap((n) => {
    const id = byName.get(n);
    if (!id) throw new Error(`demo data names an unknown district: ${n}`);
    return [id];
  });
}

export async function seedMeasureRegistry(db: Db): Promise<void> {
  const districtIds = await seedDistricts(db);
  const codes = seedProviders.flatMap((p) => (p.department ? [p.department] : []));
  const departmentIds = new Map(
    (await db.select({ id: departments.id, code: departments.code }).from(departments).where(inArray(departments.code, codes))).map((d) => [d.code, d.id]),
  );
  const providerIds = new Map<string, string>();
  for (const p of seedProviders) {
    await db
      .insert(providers)
      .values({
        name: p.name,
        kind: p.kind,
        street: p.street,
        postalCode: p.postalCode,
        email: p.email,
        phone: p.phone,
        website: p.website ?? null,
        contacts: p.contacts,
        districtIds: idsOf(p.districts, districtIds),
        departmentId: p.department ? (departmentIds.get(p.department) ?? null) : null,
      })
      .onConflictDoNothing();
    const [row] = await db.select({ id: providers.id }).from(providers).where(sql`lower(${providers.name}) = lower(${p.name})`);
    if (row) providerIds.set(p.key, row.id);
  }
  for (const m of seedMeasures) {
    const providerId = providerIds.get(m.provider);
    if (!providerId) throw new Error(`demo measure "${m.title}" names an unknown provider: ${m.provider}`);
    const [exists] = await db.select({ id: measures.id }).from(measures).where(and(eq(measures.providerId, providerId), eq(measures.title, m.title)));
    if (exists) continue;
    await db.insert(measures).values({
      title: m.title,
      description: m.description,
      providerId,
      fieldOfAction: m.field,
      targetGroups: m.groups,
      languages: m.languages ?? [],
      districtIds: idsOf(m.districts, districtIds),
      startsOn: m.from,
      endsOn: m.to,
      placesPerYear: m.places ?? null,
      participantsPerYear: m.participants ?? null,
      fundingLines: m.funding.map(([funderLevel, programme, amountPerYear]) => ({ funderLevel, programme, amountPerYear })),
    });
  }
}
