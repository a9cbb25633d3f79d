import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../db/audit';
import type { DbOrTx } from '../../db/client';
import { contactConsents, organisationContacts, organisations } from './schema';
import type { ConsentPurpose, WithdrawalChannel } from './vocabulary';

// Nobody is written to without a standing consent for the purpose (DSGVO Art. 6(1)(a)); a
// withdrawal ends every standing consent of the person at once and is audited (Art. 7(3)).

export interface ReachableContact {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  language: string;
  /** For the link in every mail that withdraws the person's consents, without login. */
  withdrawalToken: string;
}

/** The contacts of `organisationIds` who have a mail address and a standing consent for `purpose`. */
export async function reachableContacts(db: DbOrTx, organisationIds: string[], purpose: ConsentPurpose): Promise<ReachableContact[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({
      id: organisationContacts.id,
      organisationId: organisationContacts.organisationId,
      organisationName: organisations.name,
      name: organisationContacts.name,
      email: organisationContacts.email,
      language: organisationContacts.language,
      withdrawalToken: organisationContacts.withdrawalToken,
    })
    .from(organisationContacts)
    .innerJoin(organisations, eq(organisations.id, organisationContacts.organisationId))
    .where(
      and(
        inArray(organisationContacts.organisationId, organisationIds),
        isNotNull(organisationContacts.email),
        sql`exists (select 1 from ${contactConsents} c where c.contact_id = ${organisationContacts.id} and c.purpose = ${purpose} and c.withdrawn_at is null)`,
      ),
    )
    .orderBy(organisations.name, organisationContacts.name);
  return rows.map((r) => ({ ...r, email: r.email as string }));
}

/**
 * Ends the person's standing consents (all of them: who follows the link in a campaign's mail wants
 * no more mail from us), audited once with what was withdrawn. A second withdrawal finds nothing
 * standing and changes nothing. In the caller's transaction, so that the audit entry is never missing.
 */
export async function withdrawConsents(
  db: DbOrTx,
  contactId: string,
  how: WithdrawalChannel,
  actorId: string | null,
  /** Only this consent (staff told of one purpose), not all. */
  consentId?: string,
): Promise<ConsentPurpose[]> {
  const ended = await db
    .update(contactConsents)
    .set({ withdrawnAt: new Date(), withdrawnHow: how })
    .where(and(eq(contactConsents.contactId, contactId), isNull(contactConsents.withdrawnAt), consentId ? eq(contactConsents.id, consentId) : undefined))
    .returning({ purpose: contactConsents.purpose });
  const purposes = ended.map((c) => c.purpose);
  if (purposes.length > 0) {
    await writeAudit(db, { actorId, action: 'organisation-contacts.consent_withdrawn', entityType: 'organisation-contacts', entityId: contactId, detail: { purposes, how } });
  }
  return purposes;
}
