import { log } from '@temporalio/activity';
import { parseFeed } from '@rowanmanning/feed-parser';
import { and, eq, isNull } from 'drizzle-orm';
import { convert } from 'html-to-text';
import { berlinEndOfDay } from '../calendar/german-date';
import { writeAudit } from '../db/audit';
import type { Db } from '../db/client';
import { fundingCalls, procedures, type FundingSource } from '../db/schema';

export interface FundingFeed {
  url: string;
  source: FundingSource;
}

export interface ImportedCall {
  fundingCallId: string;
  procedureId: string;
}

const FETCH_TIMEOUT_MS = 20_000;
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const DEADLINE =
  /(?:einreichungsfrist|antragsfrist|bewerbungsfrist|bewerbungsschluss|einsendeschluss|frist|deadline)\D{0,40}?(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))/i;

/** Feed entries name their deadline in prose, if at all: "Einreichungsfrist: 31.03.2027". */
export function deadlineIn(text: string): Date | null {
  const m = DEADLINE.exec(text);
  if (!m) return null;
  const [year, month, day] = m[3] ? [m[3], m[2], m[1]] : [m[4], m[5], m[6]];
  const date = berlinEndOfDay(Number(year), Number(month), Number(day));
  return Number.isNaN(date.getTime()) ? null : date;
}

async function download(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = await res.text();
  if (body.length > MAX_FEED_BYTES) throw new Error(`feed larger than ${MAX_FEED_BYTES} bytes`);
  return body;
}

function plain(html: string | null): string {
  return html ? convert(html, { wordwrap: false, selectors: [{ selector: 'a', options: { ignoreHref: true } }] }).trim() : '';
}

export function fundingFeedActivities({ db }: { db: Db }) {
  /** One new call and its review's row in one transaction; an entry seen before (same link) adds nothing. */
  async function importEntry(feed: FundingFeed, funder: string, entry: ReturnType<typeof parseFeed>['items'][number]) {
    if (!entry.url || !entry.title) return null;
    const summary = plain(entry.description ?? entry.content).slice(0, 20_000);
    return db.transaction(async (tx) => {
      const [call] = await tx
        .insert(fundingCalls)
        .values({
          source: feed.source,
          funder,
          title: entry.title!.trim().slice(0, 300),
          summary,
          topics: entry.categories.map((c) => (c.label ?? c.term).trim()).filter((t) => t.length > 0 && t.length <= 60).slice(0, 20),
          submissionDeadline: deadlineIn(`${summary}\n${plain(entry.content)}`),
          link: entry.url!,
          origin: 'feed',
          feedUrl: feed.url,
        })
        .onConflictDoNothing({ target: fundingCalls.link })
        .returning({ id: fundingCalls.id, title: fundingCalls.title });
      if (!call) return null;
      const procedureId = `funding-call-review-${call.id}`;
      await tx.insert(procedures).values({
        id: procedureId,
        type: 'funding-call-review',
        title: `Förderaufruf: ${call.title}`,
        input: { fundingCallId: call.id },
        startedBy: null,
      });
      await tx.update(fundingCalls).set({ reviewProcedureId: procedureId }).where(eq(fundingCalls.id, call.id));
      await writeAudit(tx, {
        action: 'funding-call.imported',
        entityType: 'funding-calls',
        entityId: call.id,
        procedureId,
        detail: { feed: feed.url },
        key: `funding-call:${call.id}:imported`,
      });
      return { fundingCallId: call.id, procedureId };
    });
  }

  return {
    /**
     * Reads every configured feed and registers the calls it has not seen. Returns the reviews to
     * start: the new ones, and any earlier import whose workflow never began (a crash in between).
     */
    async importFundingFeeds(input: { feeds: FundingFeed[] }): Promise<{ toStart: ImportedCall[]; failed: string[] }> {
      const failed: string[] = [];
      for (const feed of input.feeds) {
        try {
          const parsed = parseFeed(await download(feed.url));
          const funder = parsed.title?.trim() || new URL(feed.url).host;
          let fresh = 0;
          for (const entry of parsed.items) if (await importEntry(feed, funder, entry)) fresh += 1;
          log.info('funding feed read', { feed: feed.url, entries: parsed.items.length, new: fresh });
        } catch (err) {
          // One broken feed must not keep the others' calls from their review.
          failed.push(feed.url);
          await writeAudit(db, {
            action: 'funding-feed.failed',
            entityType: 'funding-feeds',
            entityId: feed.url,
            detail: { error: (err as Error).message },
          });
        }
      }
      const toStart = await db
        .select({ fundingCallId: fundingCalls.id, procedureId: procedures.id })
        .from(fundingCalls)
        .innerJoin(procedures, eq(procedures.id, fundingCalls.reviewProcedureId))
        .where(and(eq(fundingCalls.origin, 'feed'), eq(procedures.status, 'running'), isNull(procedures.currentStep)));
      return { toStart, failed };
    },
  };
}
