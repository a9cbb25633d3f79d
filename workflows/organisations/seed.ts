import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { districts } from '../measure-coordination/schema';
import { contactConsents, organisationContacts, organisations, translators } from './schema';
import { seedOrganisations, seedTranslators } from './seed-organisations';

// Idempotent like every module's demo data: a second start finds each organisation by its name and
// adds nothing. It runs after the measure registry's, whose districts it names.

/** "Dr. Leyla Şahin" → "leyla": the local part of the demo's invented addresses. */
function localPart(name: string): string {
  const first = name.split(' ').find((w) => !w.endsWith('.')) ?? name;
  return first.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'kontakt';
}

export async function seedOrganisationRegister(db: Db): Promise<void> {
  const bezirke = new Map(
    (await db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.kind, 'stadtbezirk'))).map((d) => [d.name, d.id]),
  );
  for (const org of seedOrganisations) {
    const [created] = await db
      .insert(organisations)
      .values({
        name: org.name,
        kind: org.kind,
        communities: org.communities,
        languages: org.languages,
        districtIds: org.districts.flatMap((n) => bezirke.get(n) ?? []),
        topics: org.topics,
        registeredAssociation: org.registered,
        charitable: org.charitable,
        email: `info@${org.domain}.example`,
      })
      .onConflictDoNothing()
      .returning({ id: organisations.id });
    // Only a new organisation gets the demo's contacts: one a clerk has edited keeps hers.
    if (!created) continue;
    for (const person of org.contacts) {
      const [contact] = await db
        .insert(organisationContacts)
        .values({
          organisationId: created.id,
          name: person.name,
          role: person.role,
          language: person.language,
          email: person.email === false ? null : `${localPart(person.name)}@${org.domain}.example`,
          phone: person.email === false ? '0221 123456' : null,
        })
        .returning({ id: organisationContacts.id });
      if (!contact || person.consents.length === 0) continue;
      await db.insert(contactConsents).values(person.consents.map((purpose) => ({ contactId: contact.id, purpose, givenOn: '2026-03-01', givenHow: 'schriftlich' as const })));
    }
  }
  for (const t of seedTranslators) {
    await db
      .insert(translators)
      .values({ name: t.name, email: t.email, languages: t.languages, note: t.note ?? '' })
      .onConflictDoNothing();
  }
}
