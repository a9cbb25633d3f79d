import { parseFeed } from '@rowanmanning/feed-parser';
import { convert } from 'html-to-text';
import { eq } from 'drizzle-orm';
import { berlinEndOfDay } from '../../calendar/german-date';
import { writeAudit } from '../../db/audit';
import type { JobContext } from '../module';
import { fundingCalls } from './schema';
import type { FundingFeed, FundingSettings } from './settings';

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

type FeedEntry = ReturnType<typeof parseFeed>['items'][number];

/**
 * One new call and its review's start in one transaction: the review starts exactly when the call
 * exists, however the process ends in between; an entry seen before (same link) adds nothing.
 */
async function importEntry(ctx: JobContext<FundingSettings>, feed: FundingFeed, funder: string, entry: FeedEntry): Promise<boolean> {
  if (!entry.url || !entry.title) return false;
  const summary = plain(entry.description ?? entry.content).slice(0, 20_000);
  return ctx.db.transaction(async (tx) => {
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
      .returning({ id: fundingCalls.id });
    if (!call) return false;
    const review = await ctx.starter.startIn(tx, { type: 'funding-call-review', input: { fundingCallId: call.id }, startedBy: null });
    await tx.update(fundingCalls).set({ reviewProcedureId: review.id }).where(eq(fundingCalls.id, call.id));
    await writeAudit(tx, {
      action: 'funding-call.imported',
      entityType: 'funding-calls',
      entityId: call.id,
      procedureId: review.id,
      detail: { feed: feed.url },
      key: `funding-call:${call.id}:imported`,
    });
    return true;
  });
}

/** The schedule's job: reads every configured feed and registers the calls it has not seen, each with its review. */
export async function scanFundingFeeds(ctx: JobContext<FundingSettings>): Promise<{ imported: number; failedFeeds: string[] }> {
  const failedFeeds: string[] = [];
  let imported = 0;
  for (const feed of ctx.settings.feeds) {
    try {
      const parsed = parseFeed(await download(feed.url));
      const funder = parsed.title?.trim() || new URL(feed.url).host;
      let fresh = 0;
      for (const entry of parsed.items) if (await importEntry(ctx, feed, funder, entry)) fresh += 1;
      imported += fresh;
      ctx.log('funding feed read', { feed: feed.url, entries: parsed.items.length, new: fresh });
      await ctx.recovered(`Feed ${feed.url}`);
    } catch (err) {
      // One broken feed must not keep the others' calls from their review.
      failedFeeds.push(feed.url);
      await ctx.disturbed(`Feed ${feed.url}`, (err as Error).message);
      await writeAudit(ctx.db, {
        action: 'funding-feed.failed',
        entityType: 'funding-feeds',
        entityId: feed.url,
        detail: { error: (err as Error).message },
      });
    }
  }
  return { imported, failedFeeds };
}
