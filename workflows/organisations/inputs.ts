import { z } from 'zod';
import { field, writtenText } from '../../forms/field';
import { day, optionalLine, optionalText, postalCode, setOf, website } from '../../forms/inputs';
import { says } from '../../forms/words';
import { languageCodes } from './languages';
import { consentChannels, consentPurposes, organisationKinds, organisationTopics } from './vocabulary';

// The bodies of the register's routes, each field with its German (and English) words: the API
// validates with them and the console shows their sentences beside its fields.

/** A name of at least two characters; `whose` completes "Bitte geben Sie den Namen … ein" ("der Organisation"). */
const name = (de: string, en: string, max: number, whose: { de: string; en: string }) =>
  writtenText({ de, en }, { min: 2, max }, {
    missing: { de: `Bitte geben Sie den Namen ${whose.de} ein.`, en: `Please enter the name ${whose.en}.` },
    tooShort: { de: 'Der Name hat mindestens 2 Zeichen.', en: 'The name has at least 2 characters.' },
  });

/** A language of the office's list, by its code ("tr"); another code is refused, naming the field. */
export const languageCode = (de: string, en: string) =>
  field({ de, en }, z.enum(languageCodes), {
    invalid: { de: `Bitte wählen Sie bei „${de}“ eine Sprache aus der Liste.`, en: `Please choose a language from the list for “${en}”.` },
  });

const languageSet = (de: string, en: string) =>
  field({ de, en }, setOf(z.enum(languageCodes), languageCodes.length, 'Eine Sprache', 'A language'), {
    invalid: { de: `Bitte wählen Sie bei „${de}“ nur Sprachen aus der Liste.`, en: `Please choose only languages from the list for “${en}”.` },
  });

const organisationFields = {
  name: name('Name der Organisation', 'Organisation’s name', 300, { de: 'der Organisation', en: 'of the organisation' }),
  kind: field({ de: 'Art der Organisation', en: 'Kind of organisation' }, z.enum(organisationKinds)),
  communities: field(
    { de: 'Communities', en: 'Communities' },
    setOf(z.string().trim().min(2).max(100), 30, 'Eine Community', 'A community').optional(),
  ),
  languages: languageSet('Sprachen', 'Languages').optional(),
  districtIds: field({ de: 'Stadtbezirke', en: 'Boroughs' }, setOf(z.uuid(), 100, 'Ein Stadtbezirk', 'A borough').optional()),
  topics: field({ de: 'Themen', en: 'Topics' }, setOf(z.enum(organisationTopics), organisationTopics.length, 'Ein Thema', 'A topic').optional()),
  registeredAssociation: field({ de: 'Eingetragener Verein', en: 'Registered association' }, z.boolean().optional()),
  charitable: field({ de: 'Gemeinnützig', en: 'Charitable' }, z.boolean().optional()),
  street: optionalText('Straße und Hausnummer', 'Street and number', 200),
  postalCode: postalCode(),
  city: optionalText('Ort', 'Town', 100),
  email: field({ de: 'E-Mail', en: 'E-mail' }, z.email().nullable().optional()),
  phone: optionalLine('Telefon', 'Phone', 60),
  website: website(),
  note: optionalText('Notiz', 'Note', 5000),
};

export const organisationInput = z.strictObject(organisationFields);
export const organisationUpdate = organisationInput.partial();

const contactFields = {
  organisationId: field({ de: 'Organisation', en: 'Organisation' }, z.uuid()),
  name: name('Name', 'Name', 200, { de: 'der Ansprechperson', en: 'of the contact' }),
  role: optionalText('Funktion', 'Role', 200),
  email: field({ de: 'E-Mail', en: 'E-mail' }, z.email().nullable().optional()),
  phone: optionalLine('Telefon', 'Phone', 60),
  language: languageCode('Sprache für Post', 'Language for mail').optional(),
};

export const contactInput = z.strictObject(contactFields);
/** A contact stays with its organisation: moving it would carry its consents to another. */
export const contactUpdate = z.strictObject(contactFields).omit({ organisationId: true }).partial();

export const consentInput = z.strictObject({
  contactId: field({ de: 'Ansprechperson', en: 'Contact' }, z.uuid()),
  purpose: field({ de: 'Zweck der Einwilligung', en: 'Purpose of the consent' }, z.enum(consentPurposes), {
    invalid: { de: 'Bitte wählen Sie, wofür die Person kontaktiert werden möchte.', en: 'Please choose what the person agreed to be contacted for.' },
  }),
  givenOn: day('Erteilt am', 'Given on'),
  givenHow: field({ de: 'Erteilt wie', en: 'Given how' }, z.enum(consentChannels), {
    invalid: { de: 'Bitte wählen Sie, wie die Einwilligung erteilt wurde.', en: 'Please choose how the consent was given.' },
  }),
});

const translatorFields = {
  name: name('Name', 'Name', 200, { de: 'der Sprachmittlerin oder des Sprachmittlers', en: 'of the translator' }),
  email: field({ de: 'E-Mail', en: 'E-mail' }, z.email(), {
    missing: { de: 'Bitte geben Sie die E-Mail-Adresse ein: Anfragen gehen per E-Mail.', en: 'Please enter the e-mail address: requests go by e-mail.' },
  }),
  phone: optionalLine('Telefon', 'Phone', 60),
  languages: languageSet('Sprachen', 'Languages').min(1, says('Bitte nennen Sie mindestens eine Sprache', 'Please name at least one language')),
  note: optionalText('Notiz', 'Note', 5000),
  active: field({ de: 'Aktiv', en: 'Active' }, z.boolean().optional()),
};

export const translatorInput = z.strictObject(translatorFields);
export const translatorUpdate = translatorInput.partial();
