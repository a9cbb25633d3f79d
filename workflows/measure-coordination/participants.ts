import { inArray } from 'drizzle-orm';
import type { Addressee, ParticipantSource } from '../engine/consultation/participants';
import { providers } from './schema';

export const PROVIDER_KIND = 'provider';

/**
 * A provider's name has no recorded grammar, and names like "IN VIA Köln e.V." defy a guess: the
 * texts name it after the word "Träger", which declines for it ("des Trägers „IN VIA Köln e.V.“").
 */
export function providerName(name: string) {
  const quoted = `„${name}“`;
  return {
    name,
    grammaticalGender: 'masculine' as const,
    nameAccusative: `Träger ${quoted}`,
    nameDative: `Träger ${quoted}`,
    nameGenitive: `Trägers ${quoted}`,
    noun: 'Träger',
    yours: 'Ihren Träger',
  };
}

/**
 * The providers as participants of a consultation: asked at their contact persons' mail addresses
 * (the provider's general address when no contact has one), escalated to the general address when
 * it is another. A provider without any address cannot be asked and is left out.
 */
export const providerSource: ParticipantSource = {
  label: 'Träger',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db.select().from(providers).where(inArray(providers.id, ids));
    return rows.flatMap((p): Addressee[] => {
      const contacts = [...new Set(p.contacts.map((c) => c.email).filter((e): e is string => !!e))];
      const to = contacts.length > 0 ? contacts : p.email ? [p.email] : [];
      if (to.length === 0) return [];
      const escalateTo = p.email && !to.includes(p.email) ? [p.email] : [];
      return [{ kind: PROVIDER_KIND, id: p.id, ...providerName(p.name), to, escalateTo }];
    });
  },
};
