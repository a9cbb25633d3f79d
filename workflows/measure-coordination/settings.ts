import { z } from 'zod';
import { defineSettings, type SettingsOf } from '../../config/settings';

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
});

export type MeasureSettings = SettingsOf<typeof settings>;
