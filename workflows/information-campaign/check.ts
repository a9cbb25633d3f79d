import { inArray } from 'drizzle-orm';
import type { FieldError } from '../../api/errors';
import type { DbOrTx } from '../../db/client';
import { unknownDepartments, unknownIds } from '../../db/references';
import { districts } from '../measure-coordination/schema';
import { reachableContacts } from '../organisations/consent';
import { languageOf } from '../organisations/languages';
import { organisations, translators } from '../organisations/schema';
import type { CampaignStart } from './forms';

/**
 * What the start form cannot know: the department, the districts and the organisations exist; each
 * translator is active and translates into the language; each organisation has a contact who agreed
 * to hear of campaigns (nobody is written to without it).
 */
export async function checkCampaign(db: DbOrTx, input: CampaignStart): Promise<FieldError[]> {
  const problems: FieldError[] = [
    ...(await unknownDepartments(db, [input.departmentId], 'input.departmentId')).map((p) => ({ ...p, path: 'input.departmentId' })),
    ...(await unknownIds(db, districts.id, input.districtIds, 'input.districtIds', 'unbekannter Stadtbezirk')),
  ];

  const ids = [...new Set(input.translations.map((t) => t.translatorId))];
  const known = new Map(ids.length ? (await db.select().from(translators).where(inArray(translators.id, ids))).map((t) => [t.id, t]) : []);
  input.translations.forEach((t, i) => {
    const path = `input.translations.${i}.translatorId`;
    const translator = known.get(t.translatorId);
    const into = languageOf(t.language).into;
    if (!translator) problems.push({ path, message: 'unbekannte Sprachmittlung' });
    else if (!translator.active) problems.push({ path, message: `${translator.name} ist nicht mehr als Sprachmittlung aktiv.` });
    else if (!translator.languages.includes(t.language)) problems.push({ path, message: `${translator.name} übersetzt nicht ${into}.` });
  });

  const chosen = new Map(
    (await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, input.organisationIds))).map((o) => [o.id, o.name]),
  );
  const reachable = new Set((await reachableContacts(db, [...chosen.keys()], 'informationskampagnen')).map((c) => c.organisationId));
  input.organisationIds.forEach((id, i) => {
    const path = `input.organisationIds.${i}`;
    const name = chosen.get(id);
    if (name === undefined) problems.push({ path, message: 'unbekannte Organisation' });
    else if (!reachable.has(id)) problems.push({ path, message: `Bei „${name}“ hat keine Ansprechperson mit E-Mail-Adresse in Mails zu Informationskampagnen eingewilligt.` });
  });
  return problems;
}
