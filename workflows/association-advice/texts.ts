import { germanDateTime } from '../../calendar/german-date';
import { adviceTopicLabel, caseOutcomeLabel, meetingModeLabel, type AdviceTopic, type CaseOutcome, type MeetingMode } from './vocabulary';

// What people read of an advice case: the confirmation of a request, the invitation, the funding
// calls proposed after a meeting, and the case's outcome. Workflow-safe: no database, no Node.

const SIGNATURE = '\n\nMit freundlichen Grüßen\nAmt für Integration der Stadt Köln\nVereinsberatung';

export const topicsText = (topics: readonly AdviceTopic[]) => topics.map((t) => adviceTopicLabel[t]).join(', ');

export function confirmationMail(v: { contactName: string; organisationName: string; topics: readonly AdviceTopic[]; request: string }) {
  return {
    subject: `Ihre Anfrage zur Vereinsberatung: ${v.organisationName}`,
    text:
      `Guten Tag ${v.contactName},\n\nvielen Dank für Ihre Anfrage zur Vereinsberatung für „${v.organisationName}“ (${topicsText(v.topics)}). ` +
      'Eine Beraterin oder ein Berater des Amts für Integration meldet sich bei Ihnen mit einem Terminvorschlag; ' +
      `die Einladung kommt per E-Mail.\n\nIhr Anliegen, wie Sie es uns geschrieben haben:\n\n${v.request}` +
      SIGNATURE,
  };
}

export interface InvitationFacts {
  contactName: string;
  organisationName: string;
  startsAt: Date;
  endsAt: Date;
  mode: MeetingMode;
  place: string;
  message?: string | null;
  round: number;
}

const whereSaid: Record<MeetingMode, (place: string) => string> = {
  'vor-ort': (place) => `Ort: ${place}`,
  telefon: (place) => `Telefon: ${place}`,
  video: (place) => `Video: ${place}`,
};

export const eventSummary = (organisationName: string) => `Vereinsberatung: ${organisationName}`;

export function invitationMail(v: InvitationFacts) {
  const which = v.round === 1 ? 'einem Termin' : 'einem weiteren Termin';
  return {
    subject: `Einladung zur Vereinsberatung am ${germanDateTime(v.startsAt)}`,
    text:
      `Guten Tag ${v.contactName},\n\nwir laden Sie zu ${which} der Vereinsberatung für „${v.organisationName}“ ein, ${meetingModeLabel[v.mode]}:\n\n` +
      `Beginn: ${germanDateTime(v.startsAt)}\nEnde: ${germanDateTime(v.endsAt)}\n${whereSaid[v.mode](v.place)}\n` +
      (v.message ? `\n${v.message}\n` : '') +
      '\nDie Einladung liegt als Kalendereintrag bei. Passt Ihnen der Termin nicht, antworten Sie bitte auf diese Mail.' +
      SIGNATURE,
  };
}

export interface ProposedCall {
  title: string;
  funder: string;
  submissionDeadline: Date | null;
  link: string;
}

export function proposalsMail(v: { contactName: string; organisationName: string; calls: ProposedCall[] }) {
  const list = v.calls
    .map((c) => `• ${c.title} (${c.funder})${c.submissionDeadline ? `, Frist ${germanDateTime(c.submissionDeadline)}` : ''}\n  ${c.link}`)
    .join('\n');
  const these = v.calls.length === 1 ? 'diesen Förderaufruf' : 'diese Förderaufrufe';
  return {
    subject: `Förderaufrufe für „${v.organisationName}“`,
    text:
      `Guten Tag ${v.contactName},\n\nwie in der Vereinsberatung besprochen, schlagen wir Ihnen ${these} vor:\n\n${list}\n\n` +
      'Bei Fragen zum Antrag helfen wir Ihnen gern.' +
      SIGNATURE,
  };
}

export const caseOutcomeText = (outcome: CaseOutcome) => caseOutcomeLabel[outcome];

export const appointmentTitle = (round: number) => (round === 1 ? 'Termin vereinbaren' : `Weiteren Termin vereinbaren (${round}.)`);
export const noteTitle = (round: number, startsAt: Date) => `Vermerk zum Termin am ${germanDateTime(startsAt)}${round > 1 ? ` (${round}.)` : ''}`;
export const followUpTitle = (organisationName: string) => `Bei „${organisationName}“ nachfassen`;
