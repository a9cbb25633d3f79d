/** Waiting times of a funding-call review, as calendar/duration.ts reads them. */
export interface FundingTiming {
  /** How long before the funder's deadline the managers are warned that the application is still open. */
  warnBefore: string;
  /** How long before a reporting date (Zwischenbericht, Verwendungsnachweis) its task appears. */
  milestoneLead: string;
}
