import { z } from 'zod';
import { addressList, defineSettings, type SettingsOf } from '../../config/settings';

export const settings = defineSettings({
  /** Who receives the approved report (PDF attached); none: published in the console only. */
  recipients: { env: 'MEASURE_PROGRAMME_RECIPIENTS', schema: addressList() },
  /**
   * From this many measures of one field of action in one Stadtbezirk on, the report names them as
   * several similar offers, for the office to look at whether they are coordinated.
   */
  crowdedFrom: {
    env: 'MEASURE_PROGRAMME_CROWDED_FROM',
    schema: z.string().default('3').transform(Number).pipe(z.number('a whole number from 2 on').int('a whole number from 2 on').min(2, 'a whole number from 2 on')),
  },
});

export type ProgrammeSettings = SettingsOf<typeof settings>;
