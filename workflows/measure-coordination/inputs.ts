import { z } from 'zod';
import { field, writtenText } from '../../forms/field';
import { day, optionalLine, optionalText, postalCode, setOf, website } from '../../forms/inputs';
import { says } from '../../forms/words';
import { districtKinds, fieldsOfAction, funderLevels, providerKinds, targetGroups } from './vocabulary';

// The bodies of the registry's routes, each field with its German (and English) words: the API
// validates with them and the console shows their sentences beside its fields.

const id = (de: string, en: string) => field({ de, en }, z.uuid());
const count = (de: string, en: string) => field({ de, en }, z.number().int().min(0).max(1_000_000).nullable().optional());

export const districtInput = z.strictObject({
  name: writtenText({ de: 'Name', en: 'Name' }, { min: 2, max: 100 }, {
    missing: { de: 'Bitte geben Sie den Namen ein.', en: 'Please enter the name.' },
    tooShort: { de: 'Der Name hat mindestens 2 Zeichen.', en: 'The name has at least 2 characters.' },
  }),
  kind: field({ de: 'Art', en: 'Kind' }, z.enum(districtKinds)),
  number: field({ de: 'Nummer', en: 'Number' }, z.number().int().min(1).max(99).nullable().optional()),
  parentId: field({ de: 'Stadtbezirk', en: 'Borough' }, z.uuid().nullable().optional()),
});

export const contactInput = z.strictObject({
  name: writtenText({ de: 'Name der Ansprechperson', en: 'Contact’s name' }, { min: 2, max: 200 }, {
    missing: { de: 'Bitte geben Sie den Namen der Ansprechperson ein.', en: 'Please enter the contact’s name.' },
    tooShort: { de: 'Der Name hat mindestens 2 Zeichen.', en: 'The name has at least 2 characters.' },
  }),
  role: field({ de: 'Funktion', en: 'Role' }, z.string().trim().max(200).nullish().transform((v) => v ?? '')),
  email: field({ de: 'E-Mail der Ansprechperson', en: 'Contact’s e-mail' }, z.email().nullish().transform((v) => v ?? null)),
  phone: field({ de: 'Telefon der Ansprechperson', en: 'Contact’s phone' }, z.string().trim().max(60).nullish().transform((v) => v || null)),
});

const providerFields = {
  name: writtenText({ de: 'Name des Trägers', en: 'Provider’s name' }, { min: 2, max: 300 }, {
    missing: { de: 'Bitte geben Sie den Namen des Trägers ein.', en: 'Please enter the provider’s name.' },
    tooShort: { de: 'Der Name hat mindestens 2 Zeichen.', en: 'The name has at least 2 characters.' },
  }),
  kind: field({ de: 'Art des Trägers', en: 'Kind of provider' }, z.enum(providerKinds)),
  street: optionalText('Straße und Hausnummer', 'Street and number', 200),
  postalCode: postalCode(),
  city: optionalText('Ort', 'Town', 100),
  email: field({ de: 'E-Mail', en: 'E-mail' }, z.email().nullable().optional()),
  phone: optionalLine('Telefon', 'Phone', 60),
  website: website(),
  contacts: z.array(contactInput).max(20).optional(),
  districtIds: field({ de: 'Stadtbezirke', en: 'Boroughs' }, setOf(z.uuid(), 100, 'Ein Stadtbezirk', 'A borough').optional()),
  departmentId: id('Dienststelle', 'City department').nullable().optional(),
};

export const providerInput = z.strictObject(providerFields);
export const providerUpdate = providerInput.partial();

export const fundingLineInput = z.strictObject({
  funderLevel: field({ de: 'Förderebene', en: 'Funding level' }, z.enum(funderLevels)),
  programme: writtenText({ de: 'Förderprogramm', en: 'Funding programme' }, { min: 2, max: 300 }, {
    missing: { de: 'Bitte geben Sie das Förderprogramm an.', en: 'Please name the funding programme.' },
    tooShort: { de: 'Der Name des Programms hat mindestens 2 Zeichen.', en: 'The programme’s name has at least 2 characters.' },
  }),
  amountPerYear: field(
    { de: 'Betrag pro Jahr', en: 'Amount per year' },
    z.number().min(0, says('Der Betrag darf nicht negativ sein', 'The amount must not be negative')).max(1e10),
  ),
});

const measureFields = {
  title: writtenText({ de: 'Titel', en: 'Title' }, { min: 3, max: 300 }, {
    missing: { de: 'Bitte geben Sie einen Titel ein.', en: 'Please enter a title.' },
    tooShort: { de: 'Der Titel hat mindestens 3 Zeichen.', en: 'The title has at least 3 characters.' },
  }),
  description: optionalText('Beschreibung', 'Description', 10_000),
  providerId: id('Träger', 'Provider'),
  fieldOfAction: field({ de: 'Handlungsfeld', en: 'Field of action' }, z.enum(fieldsOfAction)),
  targetGroups: field({ de: 'Zielgruppen', en: 'Target groups' }, setOf(z.enum(targetGroups), targetGroups.length, 'Eine Zielgruppe', 'A target group').optional()),
  languages: field({ de: 'Sprachen', en: 'Languages' }, setOf(z.string().trim().min(2).max(60), 30, 'Eine Sprache', 'A language').optional()),
  districtIds: field(
    { de: 'Stadtbezirke', en: 'Boroughs' },
    setOf(z.uuid(), 100, 'Ein Stadtbezirk', 'A borough').min(1, says('Bitte wählen Sie mindestens einen Stadtbezirk', 'Please choose at least one borough')),
  ),
  startsOn: day('Beginn', 'Start'),
  endsOn: day('Ende', 'End').nullable().optional(),
  placesPerYear: count('Plätze pro Jahr', 'Places per year'),
  participantsPerYear: count('Teilnehmende pro Jahr', 'Participants per year'),
  fundingLines: z.array(fundingLineInput).max(20).optional(),
};

export const PERIOD_MESSAGE = says('Das Ende liegt vor dem Beginn', 'The end lies before the start');

/** An ISO day ends no earlier than it starts: as text, "2026-01-31" < "2026-02-01". */
export const periodInOrder = (startsOn: string, endsOn: string | null | undefined) => !endsOn || endsOn >= startsOn;

export const measureInput = z
  .strictObject(measureFields)
  .refine((m) => periodInOrder(m.startsOn, m.endsOn), { path: ['endsOn'], ...PERIOD_MESSAGE });

// A change's period is checked against the stored one (api.ts): either end may come alone. No field
// has a default, so a change that leaves one out keeps it.
export const measureUpdate = z.strictObject(measureFields).partial();

/** The measure being typed: incomplete, so a short title is not yet a mistake; the other fields as the measure's. */
export const measureDraft = z.strictObject({
  ...measureFields,
  id: id('Maßnahme', 'Measure').optional(),
  title: optionalText('Titel', 'Title', 300),
  description: optionalText('Beschreibung', 'Description', 10_000),
  providerId: id('Träger', 'Provider').optional(),
  fieldOfAction: measureFields.fieldOfAction.optional(),
  districtIds: field({ de: 'Stadtbezirke', en: 'Boroughs' }, z.array(z.uuid()).max(100).optional()),
  startsOn: day('Beginn', 'Start').optional(),
  fundingLines: z.array(z.unknown()).max(20).optional(),
});

export type MeasureInput = z.infer<typeof measureInput>;

/** An emptied text (null) stored as its column's empty value: the columns hold text, not null. */
export function emptiedTexts<T extends Record<string, unknown>>(body: T, empty: Partial<Record<keyof T, string>>): T {
  const row: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(empty)) if (row[key] === null) row[key] = value;
  return row as T;
}
