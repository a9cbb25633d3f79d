import { and, eq, inArray } from 'drizzle-orm';
import type { Addressee, ParticipantSource } from '../engine/consultation/participants';
import { reachableContacts } from './consent';
import { organisations, translators } from './schema';

export const TRANSLATOR_KIND = 'translator';
export const ORGANISATION_KIND = 'organisation';

/** A person's name defies a declension guess: the texts name them after the word "Sprachmittlung". */
export function translatorName(name: string) {
  return {
    name,
    grammaticalGender: 'feminine' as const,
    nameAccusative: `Sprachmittlung ${name}`,
    nameDative: `Sprachmittlung ${name}`,
    nameGenitive: `Sprachmittlung ${name}`,
    noun: 'Sprachmittlung',
    yours: 'Sie',
  };
}

/** "der Organisation „Yeni Umut e. V.“": the name after the word, which declines for it. */
export function organisationName(name: string) {
  const quoted = `„${name}“`;
  return {
    name,
    grammaticalGender: 'feminine' as const,
    nameAccusative: `Organisation ${quoted}`,
    nameDative: `Organisation ${quoted}`,
    nameGenitive: `Organisation ${quoted}`,
    noun: 'Organisation',
    yours: 'Ihre Organisation',
  };
}

/** Translators as participants of a consultation (a translation request): asked at their own address; an inactive one is left out. */
export const translatorSource: ParticipantSource = {
  label: 'Sprachmittlerinnen und Sprachmittler',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db.select().from(translators).where(and(inArray(translators.id, ids), eq(translators.active, true)));
    return rows.map((t): Addressee => ({ kind: TRANSLATOR_KIND, id: t.id, ...translatorName(t.name), to: [t.email], escalateTo: [] }));
  },
};

/**
 * Organisations as participants (a campaign's report back): asked only at the contacts who agreed
 * to hear from the office about its campaigns; one without any such contact cannot be asked and is
 * left out. Nobody above them to escalate to.
 */
export const organisationSource: ParticipantSource = {
  label: 'Organisationen',
  async load(db, ids) {
    if (ids.length === 0) return [];
    const [rows, contacts] = await Promise.all([
      db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)),
      reachableContacts(db, ids, 'informationskampagnen'),
    ]);
    return rows.flatMap((o): Addressee[] => {
      const to = [...new Set(contacts.filter((c) => c.organisationId === o.id).map((c) => c.email))];
      return to.length === 0 ? [] : [{ kind: ORGANISATION_KIND, id: o.id, ...organisationName(o.name), to, escalateTo: [] }];
    });
  },
};
