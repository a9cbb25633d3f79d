// The key of the campaign's letter writer (letter.ts), apart so that the workflow bundle need not load the writer.
export const CAMPAIGN_LETTER = 'information-campaign';
