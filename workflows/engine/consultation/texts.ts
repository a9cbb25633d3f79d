import { germanDateTime } from '../../../calendar/german-date';
import { accusative, genitive, withPreposition, type NameForms } from '../../../grammar/german';
import type { AnswerField } from './forms';

// What people read of a consultation that names the department: the request mails and the steps
// of its history. The department is always named with its article and in its case (grammar/german.ts).

export type FollowUpKind = 'reminder' | 'escalation';

export interface RequestMailFacts {
  /** Who is asked; a department unless `yours` says otherwise ("Ihren Träger"). */
  department: NameForms & { yours?: string };
  subject: string;
  question: string;
  deadlineAt: Date;
  /** The answer page's link as the mail carries it. */
  link: string;
  /** The structured part of the answer page, named in the mail so that nobody is surprised by it. */
  fields: AnswerField[];
  /** The first request, or a follow-up to a request still unanswered. */
  kind: 'request' | FollowUpKind;
}

const OPENING: Record<RequestMailFacts['kind'], (d: NameForms) => string> = {
  request: (d) => `das Amt für Integration bittet ${accusative(d)} um eine Antwort auf folgende Anfrage.`,
  reminder: (d) => `wir erinnern freundlich an unsere Anfrage an ${accusative(d)}, auf die uns noch keine Antwort vorliegt.`,
  escalation: (d) =>
    `unsere Anfrage an ${accusative(d)} ist trotz Erinnerung noch unbeantwortet. Als Leitung ${genitive(d)} bitten wir Sie, die Beantwortung bis zur Frist zu veranlassen.`,
};

const SUBJECT_PREFIX: Record<RequestMailFacts['kind'], string> = { request: '', reminder: 'Erinnerung: ', escalation: 'Eskalation: ' };

/** The request to a department, and the reminder and the escalation to its head that may follow it. */
export function requestMail(f: RequestMailFacts): { subject: string; text: string } {
  const form = f.fields.length
    ? `\nBitte tragen Sie auf der Antwortseite ein: ${f.fields.map((x) => x.label + (x.unit ? ` (${x.unit})` : '')).join(', ')}.\n`
    : '';
  return {
    subject: `${SUBJECT_PREFIX[f.kind]}Anfrage des Amts für Integration: ${f.subject}`,
    text:
      `Guten Tag,\n\n${OPENING[f.kind](f.department)}\n\n` +
      `Betreff: ${f.subject}\n\n${f.question}\n${form}\n` +
      `Bitte antworten Sie bis ${germanDateTime(f.deadlineAt)}:\n` +
      `- über die Antwortseite: ${f.link}\n` +
      `- oder mit einer Antwort auf diese Mail (Anhänge sind willkommen).\n\n` +
      `Mit freundlichen Grüßen\nAmt für Integration\n\n` +
      `Der Link gilt nur für ${f.department.yours ?? 'Ihre Dienststelle'} und diese Anfrage. Bitte leiten Sie ihn nicht weiter.`,
  };
}

// ---- The steps of the consultation's history ----------------------------------------------------

/** "Anfrage an das Jugendamt versandt" */
export const requestSentLabel = (d: NameForms) => `Anfrage an ${accusative(d)} versandt`;

/** "Erinnerung an das Jugendamt", "Eskalation an die Leitung des Jugendamts" */
export const followUpLabel = (kind: FollowUpKind, d: NameForms) =>
  kind === 'reminder' ? `Erinnerung an ${accusative(d)}` : `Eskalation an die Leitung ${genitive(d)}`;

/** "Keine Antwort vom Jugendamt", "Keine Antwort von der Volkshochschule" */
export const noAnswerLabel = (d: NameForms) => `Keine Antwort ${withPreposition('von', d)}`;

const CHANNEL = { page: 'Antwortseite', mail: 'Mail' } as const;
const VIA = { page: 'über die Antwortseite', mail: 'per Mail' } as const;

/** "Antwort des Jugendamts (Mail)"; "Verspätete Antwort …" after the deadline marked it "keine Antwort". */
export const answeredLabel = (d: NameForms, channel: keyof typeof CHANNEL, late: boolean) =>
  `${late ? 'Verspätete Antwort' : 'Antwort'} ${genitive(d)} (${CHANNEL[channel]})`;

/** "Antwort des Kulturamts per Mail abgewiesen: Mail zu groß" */
export const rejectedLabel = (d: NameForms, channel: keyof typeof VIA, reason: string) =>
  `Antwort ${genitive(d)} ${VIA[channel]} abgewiesen: ${reason}`;

/** "Anhänge der Mail-Antwort des Jugendamts nicht übernommen: setup.exe (Dateityp nicht erlaubt)" */
export const attachmentsDroppedLabel = (d: NameForms, dropped: string) => `Anhänge der Mail-Antwort ${genitive(d)} nicht übernommen: ${dropped}`;
