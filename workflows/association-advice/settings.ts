import { defineSettings, duration, type SettingsOf } from '../../config/settings';

export const settings = defineSettings({
  /** How long after an appointment's end its note is due. */
  noteDue: { env: 'ADVICE_NOTE_DUE', schema: duration('2bd') },
});

export type AdviceSettings = SettingsOf<typeof settings>;
