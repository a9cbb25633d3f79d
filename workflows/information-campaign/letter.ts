import { ApplicationFailure } from '@temporalio/activity';
import { eq } from 'drizzle-orm';
import { procedures } from '../../db/schema';
import type { LetterWriter } from '../engine/consultation/letters';
import { reachableContacts } from '../organisations/consent';
import { REQUEST_PATH } from '../association-advice/request-page';
import { campaignFlyers, campaignMailings } from './schema';
import { flyerFileName, mailFooter } from './texts';

export { CAMPAIGN_LETTER } from './letter-key';

export const withdrawalLink = (publicUrl: string, token: string) => `${publicUrl}/einwilligung/${token}`;

/**
 * The report-back request of one organisation, as the campaign's mail to each of its contacts who
 * agreed to hear of campaigns: in the contact's language where its translation was approved, else
 * in German; the flyer in that language attached; the organisation's answer link to report back and
 * the contact's own link that withdraws the consent. Each mail is recorded for the report's reach
 * in the transaction that opens the request.
 */
export const campaignLetter: LetterWriter = async (tx, facts) => {
  const [consultation] = await tx.select({ parentId: procedures.parentId }).from(procedures).where(eq(procedures.id, facts.consultationId));
  const campaignId = consultation?.parentId;
  if (!campaignId) throw ApplicationFailure.nonRetryable('Die Rückmeldung gehört zu keiner Kampagne', 'NoCampaign');
  const flyers = new Map((await tx.select().from(campaignFlyers).where(eq(campaignFlyers.procedureId, campaignId))).map((f) => [f.language, f]));
  const german = flyers.get('de');
  if (!german) throw ApplicationFailure.nonRetryable('Die Kampagne hat noch kein deutsches Faltblatt', 'NoFlyer');
  const contacts = await reachableContacts(tx, [facts.addressee.id], 'informationskampagnen');
  const letters = [];
  for (const contact of contacts) {
    const flyer = flyers.get(contact.language) ?? german;
    await tx
      .insert(campaignMailings)
      .values({ procedureId: campaignId, contactId: contact.id, organisationId: contact.organisationId, language: flyer.language, requestId: facts.requestId })
      .onConflictDoNothing();
    letters.push({
      key: `contact:${contact.id}`,
      to: [contact.email],
      replyTo: facts.replyTo,
      subject: `${flyer.title} – Amt für Integration der Stadt Köln`,
      text:
        `${flyer.letter}\n\n${flyer.title}\n\n${flyer.text}` +
        mailFooter({ report: facts.link, withdraw: withdrawalLink(facts.publicUrl, contact.withdrawalToken), advice: `${facts.publicUrl}${REQUEST_PATH}` }, facts.deadlineAt),
      attachments: [{ filename: flyerFileName(flyer.title, flyer.language), contentType: 'application/pdf', content: flyer.pdf }],
    });
  }
  return letters;
};
