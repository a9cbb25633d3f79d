import { z } from 'zod';
import { defineSettings, duration, type SettingsOf } from '../../config/settings';

export const settings = defineSettings({
  /**
   * From this score (0 to 1) on, an existing measure is named as a possible duplicate of the one being
   * entered. The labelled pairs (duplicate-pairs.ts) hold precision and recall at the default.
   */
  duplicateThreshold: {
    env: 'MEASURE_DUPLICATE_THRESHOLD',
    schema: z
      .string()
      .default('0.3')
      .transform(Number)
      .pipe(z.number('a number between 0 and 1').min(0, 'a number between 0 and 1').max(1, 'a number between 0 and 1')),
  },
  /**
   * From this score on, a newly entered measure and its candidate are coordinated without anyone
   * asking: the system starts "Maßnahme abstimmen" for the pair. Higher than the threshold above,
   * which only shows candidates; 1 or more: never.
   */
  coordinationThreshold: {
    env: 'MEASURE_COORDINATION_THRESHOLD',
    schema: z.string().default('0.6').transform(Number).pipe(z.number('a number between 0 and 2').min(0, 'a number between 0 and 2').max(2, 'a number between 0 and 2')),
  },
  /** After an approved decision, when staff look whether it was done (the follow-up task). */
  followUpAfter: { env: 'MEASURE_FOLLOW_UP_AFTER', schema: duration('90cd') },
});

export type MeasureSettings = SettingsOf<typeof settings>;
