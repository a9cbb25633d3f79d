import { germanDateTime } from '../calendar/german-date';
import { accusative, genitive, type NameForms } from '../grammar/german';
import { esc, page } from './html';
import type { OfficeContact } from './request-contact';

// The pages a department sees instead of the form, and the page after a successful answer.

function askContact(contact: OfficeContact): string {
  if (!contact.email) return `Bei Fragen wenden Sie sich bitte an ${esc(contact.name)}.`;
  return `Bei Fragen wenden Sie sich bitte an ${esc(contact.name)}, <a href="mailto:${esc(contact.email)}">${esc(contact.email)}</a>.`;
}

export function thankYouPage(v: { department: NameForms; subject: string; attachments: number }): string {
  const files = v.attachments === 0 ? '' : v.attachments === 1 ? ' mit einem Anhang' : ` mit ${v.attachments} Anhängen`;
  return page(
    'Vielen Dank für Ihre Antwort',
    `<h1>Vielen Dank für Ihre Antwort</h1>
<p>Die Antwort ${esc(genitive(v.department))} zur Anfrage „${esc(v.subject)}“ ist${files} beim Amt für Integration eingegangen.</p>
<p>Sie müssen nichts weiter tun. Der Link aus der Anfrage ist damit verbraucht.</p>`,
  );
}

export function alreadyAnsweredPage(v: { department: NameForms; subject: string; answeredAt: Date | null; contact: OfficeContact }): string {
  return page(
    'Diese Anfrage wurde bereits beantwortet',
    `<h1>Diese Anfrage wurde bereits beantwortet</h1>
<p>Zur Anfrage „${esc(v.subject)}“ an ${esc(accusative(v.department))} liegt dem Amt für Integration bereits eine Antwort vor${
      v.answeredAt ? ` (eingegangen am ${esc(germanDateTime(v.answeredAt))})` : ''
    }. Eine weitere Antwort über diesen Link ist nicht möglich; die vorliegende Antwort bleibt unverändert.</p>
<p>Wenn Sie etwas ergänzen oder korrigieren möchten: ${askContact(v.contact)}</p>`,
  );
}

export function expiredPage(v: { department: NameForms; subject: string; deadlineAt: Date; contact: OfficeContact }): string {
  return page(
    'Die Antwortfrist ist abgelaufen',
    `<h1>Die Antwortfrist ist abgelaufen</h1>
<p>Die Frist für die Anfrage „${esc(v.subject)}“ an ${esc(accusative(v.department))} endete am ${esc(germanDateTime(v.deadlineAt))}. Über diesen Link können wir keine Antwort mehr annehmen.</p>
<p>Wenn Sie uns Ihre Antwort trotzdem zukommen lassen möchten: ${askContact(v.contact)}</p>`,
  );
}

export function withdrawnPage(v: { department: NameForms; subject: string; contact: OfficeContact }): string {
  return page(
    'Diese Anfrage wurde zurückgezogen',
    `<h1>Diese Anfrage wurde zurückgezogen</h1>
<p>Das Amt für Integration hat den Vorgang zur Anfrage „${esc(v.subject)}“ an ${esc(accusative(v.department))} beendet. Eine Antwort ist nicht mehr nötig.</p>
<p>${askContact(v.contact)}</p>`,
  );
}

/** The same for a link that never existed and one that was tampered with, so the page tells an attacker nothing. */
export function unknownLinkPage(): string {
  return page(
    'Dieser Link ist nicht gültig',
    `<h1>Dieser Link ist nicht gültig</h1>
<p>Zu diesem Link gibt es keine Anfrage. Bitte prüfen Sie, ob Sie den Link vollständig aus der Mail des Amts für Integration übernommen haben; manche Mailprogramme brechen lange Links um.</p>
<p>Sie können auch einfach auf die Mail antworten. Bei Fragen wenden Sie sich bitte an das Amt für Integration.</p>`,
  );
}

export function unreadablePage(backTo: string | null): string {
  return page(
    'Das Formular konnte nicht gelesen werden',
    `<h1>Das Formular konnte nicht gelesen werden</h1>
<p>Ihre Antwort ist unvollständig oder beschädigt angekommen und wurde nicht gespeichert.</p>
${backTo ? `<p><a href="${esc(backTo)}">Zurück zum Antwortformular</a></p>` : ''}`,
  );
}

export function tooLargePage(backTo: string | null): string {
  return page(
    'Die gesendeten Daten sind zu groß',
    `<h1>Die gesendeten Daten sind zu groß</h1>
<p>Ihre Antwort wurde nicht gespeichert: Text oder Dateien überschreiten die erlaubte Größe. Bitte kürzen Sie den Text oder senden Sie weniger oder kleinere Dateien (höchstens 5 Dateien mit je 10 MB).</p>
${backTo ? `<p><a href="${esc(backTo)}">Zurück zum Antwortformular</a></p>` : ''}`,
  );
}

export function tooManyRequestsPage(): string {
  return page(
    'Zu viele Anfragen',
    `<h1>Zu viele Anfragen</h1>
<p>Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.</p>`,
  );
}

export function failurePage(): string {
  return page(
    'Ein Fehler ist aufgetreten',
    `<h1>Ein Fehler ist aufgetreten</h1>
<p>Ihre Antwort konnte gerade nicht gespeichert werden. Bitte versuchen Sie es in einigen Minuten erneut oder antworten Sie auf die Mail des Amts für Integration.</p>`,
  );
}

/** The database or the engine is away for a while: nothing was lost, and nothing was saved either. */
export function unavailablePage(): string {
  return page(
    'Vorübergehend nicht erreichbar',
    `<h1>Vorübergehend nicht erreichbar</h1>
<p>Das Antwortformular des Amts für Integration ist gerade vorübergehend nicht erreichbar. Ihre Antwort wurde noch nicht gespeichert.</p>
<p>Bitte versuchen Sie es später erneut; der Link aus der Anfrage bleibt gültig. Sie können auch auf die Mail des Amts für Integration antworten.</p>`,
  );
}
