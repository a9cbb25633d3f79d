import { z } from 'zod';
import { deadlineField } from '../../forms/deadline';
import { field, writtenText } from '../../forms/field';
import { optionalLine, optionalText, setOf } from '../../forms/inputs';
import { says } from '../../forms/words';
import { adviceChannels, adviceTopics, caseOutcomes, meetingModes, nextSteps } from './vocabulary';

// Vereinsberatung: shared by the API (validation, OpenAPI), the public request form, the workflow
// and the console.

export const startForm = z
  .strictObject({
    /** An organisation of the register; a request by the public form may come from one not yet in it. */
    organisationId: field({ de: 'Organisation', en: 'Organisation' }, z.uuid()).optional(),
    organisationName: optionalLine('Name der Organisation', 'Organisation’s name', 300),
    contactName: writtenText({ de: 'Ansprechperson', en: 'Contact person' }, { min: 2, max: 200 }, {
      missing: { de: 'Bitte geben Sie den Namen der Ansprechperson ein.', en: 'Please enter the contact person’s name.' },
      tooShort: { de: 'Der Name hat mindestens 2 Zeichen.', en: 'The name must have at least 2 characters.' },
    }),
    email: field({ de: 'E-Mail', en: 'E-mail' }, z.email(), {
      missing: { de: 'Bitte geben Sie die E-Mail-Adresse ein: die Einladung zum Termin kommt per E-Mail.', en: 'Please enter the e-mail address: the invitation comes by e-mail.' },
      invalid: { de: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@verein.de.', en: 'Please enter a valid e-mail address, for example name@club.org.' },
    }),
    phone: optionalLine('Telefon', 'Phone', 60),
    topics: field(
      { de: 'Worum es geht', en: 'What it is about' },
      setOf(z.enum(adviceTopics), adviceTopics.length, 'Ein Thema', 'A topic').min(1, says('Bitte wählen Sie mindestens ein Thema.', 'Please choose at least one topic.')),
      { invalid: { de: 'Bitte wählen Sie nur Themen aus der Liste.', en: 'Please choose only topics from the list.' } },
    ),
    request: writtenText({ de: 'Ihr Anliegen', en: 'Your request' }, { min: 10, max: 5000 }, {
      missing: { de: 'Bitte beschreiben Sie Ihr Anliegen.', en: 'Please describe your request.' },
      tooShort: { de: 'Bitte beschreiben Sie Ihr Anliegen in mindestens 10 Zeichen.', en: 'Please describe your request in at least 10 characters.' },
    }),
    /** How the request came: the public form, or staff entering what they were told. */
    channel: field({ de: 'Eingang', en: 'Received by' }, z.enum(adviceChannels)).optional(),
  })
  .refine((v) => v.organisationId !== undefined || (v.organisationName ?? '').length >= 2, {
    path: ['organisationName'],
    ...says('Bitte wählen Sie die Organisation oder geben Sie ihren Namen ein.', 'Please choose the organisation or enter its name.'),
  });
export type AdviceStart = z.infer<typeof startForm>;

/** The advisor's appointment with the organisation: the invitation goes out with it. */
export const appointmentForm = z
  .strictObject({
    startsAt: field({ de: 'Beginn', en: 'Start' }, z.iso.datetime({ offset: true }), {
      missing: { de: 'Bitte wählen Sie Tag und Uhrzeit des Termins.', en: 'Please choose the day and time of the appointment.' },
      invalid: { de: 'Bitte wählen Sie Tag und Uhrzeit des Termins.', en: 'Please choose the day and time of the appointment.' },
    }),
    durationMinutes: field({ de: 'Dauer in Minuten', en: 'Duration in minutes' }, z.number().int().min(15).max(480), {
      de: 'Bitte geben Sie die Dauer als ganze Zahl von 15 bis 480 Minuten an.',
      en: 'Please give the duration as a whole number from 15 to 480 minutes.',
    }),
    mode: field({ de: 'Art des Termins', en: 'Kind of appointment' }, z.enum(meetingModes), {
      de: 'Bitte wählen Sie, ob der Termin vor Ort, am Telefon oder per Video ist.',
      en: 'Please choose whether the appointment is in person, by phone or by video.',
    }),
    place: writtenText({ de: 'Ort, Telefonnummer oder Video-Link', en: 'Place, phone number or video link' }, { min: 2, max: 300 }, {
      missing: { de: 'Bitte geben Sie den Ort, die Telefonnummer oder den Video-Link an.', en: 'Please enter the place, the phone number or the video link.' },
      tooShort: { de: 'Bitte geben Sie den Ort, die Telefonnummer oder den Video-Link an.', en: 'Please enter the place, the phone number or the video link.' },
    }),
    message: optionalText('Nachricht an die Organisation', 'Message to the organisation', 3000),
  })
  .refine((v) => Date.parse(v.startsAt) > Date.now(), {
    path: ['startsAt'],
    ...says('Der Termin muss in der Zukunft liegen.', 'The appointment must be in the future.'),
  });
export type Appointment = z.infer<typeof appointmentForm>;

/** The advisor's note after a meeting (or when following up): what was said, which calls suit, what comes next. */
export const noteForm = z
  .strictObject({
    note: writtenText({ de: 'Vermerk', en: 'Note' }, { min: 3, max: 20_000 }, {
      missing: { de: 'Bitte halten Sie fest, was besprochen wurde.', en: 'Please write down what was discussed.' },
      tooShort: { de: 'Der Vermerk hat mindestens 3 Zeichen.', en: 'The note must have at least 3 characters.' },
    }),
    proposedCallIds: field({ de: 'Vorgeschlagene Förderaufrufe', en: 'Funding calls proposed' }, setOf(z.uuid(), 20, 'Ein Förderaufruf', 'A funding call').optional()),
    next: field({ de: 'Wie es weitergeht', en: 'What comes next' }, z.enum(nextSteps), {
      de: 'Bitte wählen Sie, wie es weitergeht: ein weiterer Termin, eine Wiedervorlage oder der Abschluss.',
      en: 'Please choose what comes next: another appointment, a follow-up or closing the case.',
    }),
    followUp: deadlineField({ de: 'Wiedervorlage nach', en: 'Follow up after' }).optional(),
    outcome: field({ de: 'Ergebnis der Beratung', en: 'Outcome of the advice' }, z.enum(caseOutcomes)).optional(),
  })
  .refine((v) => v.next !== 'wiedervorlage' || v.followUp !== undefined, {
    path: ['followUp'],
    ...says('Bitte geben Sie an, wann Sie nachfassen.', 'Please say when you will follow up.'),
  })
  .refine((v) => v.next !== 'abschliessen' || v.outcome !== undefined, {
    path: ['outcome'],
    ...says('Bitte wählen Sie das Ergebnis der Beratung.', 'Please choose the outcome of the advice.'),
  });
export type AdviceNote = z.infer<typeof noteForm>;

export const taskForms = {
  'beratung-termin': appointmentForm,
  'beratung-vermerk': noteForm,
} as const;
