import { z } from 'zod';
import { defineSettings, duration, type SettingsOf } from '../../config/settings';

export const settings = defineSettings({
  /** How long a translator has for a translation (and for one sent back). */
  translationDeadline: { env: 'CAMPAIGN_TRANSLATION_DEADLINE', schema: duration('5bd') },
  /** How often a translation may be sent back before the campaign goes on without it. */
  translationRounds: { env: 'CAMPAIGN_TRANSLATION_ROUNDS', schema: z.string().regex(/^\d+$/, 'eine ganze Zahl').transform(Number).pipe(z.number().int().min(1).max(10)).default(3) },
  /** How long the organisations have to report back, unless the start says otherwise. */
  reportDeadline: { env: 'CAMPAIGN_REPORT_DEADLINE', schema: duration('20bd') },
  /** Who has not reported by then is reminded. */
  remindAfter: { env: 'CAMPAIGN_REMIND_AFTER', schema: duration('10bd') },
});

export type CampaignSettings = SettingsOf<typeof settings>;
