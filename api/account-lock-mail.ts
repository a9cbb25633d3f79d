import { germanDateTime } from '../calendar/german-date';
import type { Db } from '../db/client';
import { enqueueMail } from '../mail/outbox';

/** Tells a person their account was locked by failed logins: if it was not them, someone is guessing. */
export async function sendAccountLockedMail(
  db: Db,
  person: { id: string; email: string; name: string },
  failures: number,
  until: number,
): Promise<void> {
  await enqueueMail(db, {
    // One mail per lock, however often the request that caused it is retried.
    idempotencyKey: `account-locked:${person.id}:${until}`,
    to: [person.email],
    subject: 'Ihr Amtsflow-Konto ist vorübergehend gesperrt',
    text: [
      `Guten Tag ${person.name},`,
      '',
      `für Ihr Konto ${person.email} wurde ${failures}-mal in kurzer Folge ein falsches Passwort eingegeben.`,
      `Zu Ihrem Schutz ist die Anmeldung bis ${germanDateTime(new Date(until))} gesperrt; danach können Sie sich wieder wie gewohnt anmelden.`,
      '',
      'Waren Sie das selbst, müssen Sie nichts weiter tun.',
      'Waren Sie es nicht, versucht möglicherweise jemand, Ihr Passwort zu erraten: Bitte ändern Sie es nach der Sperre',
      'und informieren Sie die Administration.',
      '',
      'Amt für Integration – Amtsflow',
    ].join('\n'),
  });
}
