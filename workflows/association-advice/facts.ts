import type { MeetingMode } from './vocabulary';

// What the workflow hands its tasks of an advice case, as the console reads them: no database here.

export interface SentAppointment {
  round: number;
  startsAt: number;
  endsAt: number;
  mode: MeetingMode;
  place: string;
}

export interface SuitingCall {
  id: string;
  title: string;
  funder: string;
  submissionDeadline: Date | null;
  link: string;
  /** The words it was found by ("verein", "bildung"), as the advisor sees why. */
  matched: string[];
}
