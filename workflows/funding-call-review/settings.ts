import { z } from 'zod';
import { clockDuration, defineSettings, duration, type SettingsOf } from '../../config/settings';
import { fundingSources, type FundingSource } from './schema';

/** "land-nrw=https://…/rss eu=https://…/atom": a feed per entry, its source before "=" (default: sonstige). */
const fundingFeeds = z
  .string()
  .default('')
  .transform((v, ctx) =>
    v
      .split(/[\s,]+/)
      .filter((e) => e !== '')
      .flatMap((entry) => {
        const [source, url] = entry.includes('=') ? entry.split('=', 2) : ['sonstige', entry];
        const okSource = (fundingSources as readonly string[]).includes(source ?? '');
        if (!okSource || !URL.canParse(url ?? '')) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not [${fundingSources.join('|')}=]<http(s) URL>` });
          return [];
        }
        return [{ source: source as FundingSource, url: url as string }];
      }),
  );

export const settings = defineSettings({
  /** The managers are warned this long before the funder's deadline while the application is open. */
  warnBefore: { env: 'FUNDING_WARN_BEFORE', schema: duration('10bd') },
  /** A granted call's report task (Zwischenbericht, Verwendungsnachweis) appears this long before its date. */
  milestoneLead: { env: 'FUNDING_MILESTONE_LEAD', schema: duration('20bd') },
  /** RSS/Atom feeds of funding calls; new entries (by link) become calls with a review. */
  feeds: { env: 'FUNDING_FEEDS', schema: fundingFeeds },
  /** How often the Temporal Schedule reads the feeds. */
  scanEvery: { env: 'FUNDING_SCAN_EVERY', schema: clockDuration('6h') },
});

export type FundingSettings = SettingsOf<typeof settings>;
export type FundingFeed = FundingSettings['feeds'][number];
