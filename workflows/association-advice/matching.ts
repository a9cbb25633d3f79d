import { asc, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { fundingCalls } from '../funding-call-review/schema';
import { topicLabel } from '../organisations/texts';
import type { OrganisationTopic } from '../organisations/vocabulary';
import type { SuitingCall } from './facts';
import { callWordsOf, type AdviceTopic } from './vocabulary';

// The funding calls of the register that suit an advice case: still open (the deadline not yet
// passed, or none named), and about what the case or the organisation is about — by the call's
// topics, title and summary. Who asks about funding as such is shown every open call.

export type { SuitingCall } from './facts';

const MAX_SHOWN = 10;

export async function suitingCalls(
  db: DbOrTx,
  v: { topics: readonly AdviceTopic[]; organisationTopics: readonly OrganisationTopic[]; now: Date },
): Promise<SuitingCall[]> {
  const words = [...new Set([...v.topics.flatMap((t) => callWordsOf[t]), ...v.organisationTopics.map((t) => topicLabel[t].toLowerCase())])];
  const anyCall = v.topics.includes('foerdermittel') || v.topics.includes('finanzierung');
  const open = await db
    .select({
      id: fundingCalls.id,
      title: fundingCalls.title,
      funder: fundingCalls.funder,
      submissionDeadline: fundingCalls.submissionDeadline,
      link: fundingCalls.link,
      text: sql<string>`lower(array_to_string(${fundingCalls.topics}, ' ') || ' ' || ${fundingCalls.title} || ' ' || ${fundingCalls.summary})`,
    })
    .from(fundingCalls)
    .where(or(isNull(fundingCalls.submissionDeadline), gt(fundingCalls.submissionDeadline, v.now)))
    .orderBy(sql`${fundingCalls.submissionDeadline} asc nulls last`, asc(fundingCalls.title))
    .limit(500);
  return open
    .map(({ text, ...call }) => ({ ...call, matched: words.filter((w) => text.includes(w)) }))
    .filter((c) => anyCall || c.matched.length > 0)
    .sort((a, b) => b.matched.length - a.matched.length)
    .slice(0, MAX_SHOWN);
}

/** The calls by id, as the proposals mail names them. */
export async function callsById(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: fundingCalls.id, title: fundingCalls.title, funder: fundingCalls.funder, submissionDeadline: fundingCalls.submissionDeadline, link: fundingCalls.link })
    .from(fundingCalls)
    .where(inArray(fundingCalls.id, ids));
}

