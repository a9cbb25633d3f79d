import { accusative, type NameForms } from '../grammar/german';
import { contactText, type OfficeContact } from './request-contact';
import { germanDateTime } from '../calendar/german-date';
import { ALLOWED_TYPES_TEXT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachment-rules';

export interface AutoReplyFacts {
  kind: 'already_answered' | 'expired' | 'withdrawn' | 'empty' | 'too_large' | 'unreadable';
  department: NameForms;
  /** The consultation's subject. */
  subject: string;
  /** The subject of the department's mail, to thread the reply for people. */
  mailSubject: string | null;
  answeredAt: Date | null;
  deadlineAt: Date;
  /** The size of the department's mail in bytes, said when it was too large. */
  mailSize?: number | null;
  contact: OfficeContact;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;

/** The polite German answer to a reply the office could not take; it says what happened and whom to ask. */
export function autoReply(f: AutoReplyFacts): { subject: string; text: string } {
  const about = `unsere Anfrage „${f.subject}“ an ${accusative(f.department)}`;
  const what = {
    already_answered:
      `vielen Dank für Ihre Nachricht. Auf ${about} liegt uns bereits eine Antwort vor` +
      (f.answeredAt ? ` (eingegangen am ${germanDateTime(f.answeredAt)})` : '') +
      `. Ihre Mail haben wir deshalb nicht als neue Antwort übernommen; die vorliegende Antwort bleibt unverändert.\n\n` +
      `Wenn Sie etwas ergänzen oder korrigieren möchten, wenden Sie sich bitte direkt an ${contactText(f.contact)}.`,
    expired:
      `vielen Dank für Ihre Nachricht. Die Antwortfrist für ${about} ist am ${germanDateTime(f.deadlineAt)} abgelaufen, ` +
      `daher können wir Ihre Mail nicht mehr als Antwort übernehmen.\n\n` +
      `Wenn Sie uns Ihre Antwort trotzdem zukommen lassen möchten, wenden Sie sich bitte direkt an ${contactText(f.contact)}.`,
    withdrawn:
      `vielen Dank für Ihre Nachricht. Das Amt für Integration hat den Vorgang zu ${about} inzwischen beendet; ` +
      `eine Antwort ist nicht mehr nötig, und wir haben Ihre Mail nicht als Antwort übernommen.\n\n` +
      `Bei Fragen wenden Sie sich bitte an ${contactText(f.contact)}.`,
    empty:
      `vielen Dank für Ihre Nachricht zu ${about}. Sie enthielt leider weder einen Text noch einen Anhang, ` +
      `den wir als Antwort übernehmen könnten. Die Anfrage ist weiterhin offen: Bitte antworten Sie noch einmal ` +
      `mit Ihrem Text oder nutzen Sie den Link aus unserer Anfrage.\n\n` +
      `Bei Fragen wenden Sie sich bitte an ${contactText(f.contact)}.`,
    too_large:
      `vielen Dank für Ihre Nachricht zu ${about}. Leider ist sie ` +
      (f.mailSize ? `mit ${megabytes(f.mailSize)} ` : '') +
      `zu groß, als dass wir sie per Mail entgegennehmen könnten; wir haben sie deshalb nicht als Antwort übernommen. ` +
      `Die Anfrage ist weiterhin offen.\n\n` +
      `Bitte antworten Sie noch einmal mit kleineren Anhängen (höchstens ${MAX_ATTACHMENTS} Dateien, je bis ` +
      `${megabytes(MAX_ATTACHMENT_BYTES)}: ${ALLOWED_TYPES_TEXT}) oder nutzen Sie den Link aus unserer Anfrage, ` +
      `über den Sie Ihre Antwort und Ihre Dateien auch direkt hochladen können.\n\n` +
      `Bei Fragen wenden Sie sich bitte an ${contactText(f.contact)}.`,
    unreadable:
      `vielen Dank für Ihre Nachricht zu ${about}. Leider konnten wir sie nicht lesen: Sie ist keine gültige ` +
      `E-Mail-Nachricht oder so verschachtelt aufgebaut, dass unser System sie nicht öffnen kann. Wir haben sie ` +
      `deshalb nicht als Antwort übernommen. Die Anfrage ist weiterhin offen.\n\n` +
      `Bitte antworten Sie noch einmal mit einer einfachen Mail (Text und höchstens ${MAX_ATTACHMENTS} Anhänge) oder ` +
      `nutzen Sie den Link aus unserer Anfrage, über den Sie Ihre Antwort und Ihre Dateien auch direkt hochladen können.\n\n` +
      `Bei Fragen wenden Sie sich bitte an ${contactText(f.contact)}.`,
  }[f.kind];
  return {
    subject: `Automatische Antwort: ${f.mailSubject?.trim() || `Anfrage des Amts für Integration: ${f.subject}`}`,
    text:
      `Guten Tag,\n\n${what}\n\n` +
      `Mit freundlichen Grüßen\nAmt für Integration\n\n` +
      `Diese Nachricht wurde automatisch erstellt.`,
  };
}
