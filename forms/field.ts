import { z } from 'zod';
import { formNumber, inFormLanguage, says, type Words } from './words';

// Every validation message is a sentence about the field, in German (or its English twin): never
// a type name, an enum literal or a path. A field says its own where it has one (`says`, `own`);
// otherwise the sentence names the field's label (`field`); a schema without a label (a list
// filter, a record of master data) gets the same sentence about "this field" (`fallbackMessage`).

type Issue = z.core.$ZodRawIssue;

/** What a field says instead of the sentence built from its label. */
export interface OwnWords {
  /** Left empty: "Bitte geben Sie einen Titel ein." */
  missing?: Words;
  /** Any other problem of its value that no check of its own names. */
  invalid?: Words;
}

/** Left out, or a text left empty: not a wrong value but a missing one. */
function isMissing(iss: Issue): boolean {
  return iss.input === undefined || iss.input === null || (iss.input === '' && iss.code === 'too_small');
}

/** A day or a moment (z.iso.date().or(z.iso.datetime())), said as a date. */
function isDateChoice(iss: Issue): boolean {
  const options = (iss.inst?._zod.def as { options?: z.ZodType[] } | undefined)?.options ?? [];
  return options.length > 0 && options.every((o) => /^date/.test(String((o._zod.def as { format?: string }).format)));
}

/** A sentence per kind of problem, about the labelled field or, without a label, about "this field". */
function sentence(iss: Issue, label?: Words): Words {
  const de = label ? `bei „${label.de}“` : 'hier';
  const en = label ? `for “${label.en}”` : 'here';
  const check = { de: `Bitte prüfen Sie die Angabe ${de}.`, en: `Please check the entry ${en}.` };
  const choice = { de: `Bitte wählen Sie ${de} eine der angebotenen Möglichkeiten.`, en: `Please choose one of the options offered ${en}.` };
  const date = { de: `Bitte geben Sie ${de} ein Datum ein, zum Beispiel 15.12.2026.`, en: `Please enter a date ${en}, for example 15.12.2026.` };
  const fromList = { de: `Bitte wählen Sie ${de} einen Eintrag aus der Liste.`, en: `Please choose an entry from the list ${en}.` };
  if (isMissing(iss)) {
    if (iss.code === 'invalid_value' || (iss.code === 'invalid_type' && iss.expected === 'boolean')) return choice;
    return label
      ? { de: `Bitte füllen Sie das Feld „${label.de}“ aus.`, en: `Please fill in “${label.en}”.` }
      : { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' };
  }
  switch (iss.code) {
    case 'invalid_type':
      if (iss.expected === 'number' || iss.expected === 'bigint') return { de: `Bitte geben Sie ${de} eine Zahl ein.`, en: `Please enter a number ${en}.` };
      if (iss.expected === 'int') return { de: `Bitte geben Sie ${de} eine ganze Zahl ein.`, en: `Please enter a whole number ${en}.` };
      if (iss.expected === 'string') return { de: `Bitte geben Sie ${de} einen Text ein.`, en: `Please enter text ${en}.` };
      if (iss.expected === 'boolean') return choice;
      if (iss.expected === 'date') return date;
      return check;
    case 'invalid_value':
      return choice;
    case 'invalid_format':
      if (iss.format === 'date' || iss.format === 'datetime') return date;
      if (iss.format === 'email') return { de: `Bitte geben Sie ${de} eine E-Mail-Adresse ein, zum Beispiel name@stadt.de.`, en: `Please enter an e-mail address ${en}, for example name@city.org.` };
      if (iss.format === 'url') return { de: `Bitte geben Sie ${de} eine vollständige Internetadresse ein, die mit https:// beginnt.`, en: `Please enter a full web address ${en}, beginning with https://.` };
      if (['uuid', 'guid', 'cuid', 'cuid2', 'ulid', 'nanoid'].includes(iss.format)) return fromList;
      return { de: `Bitte prüfen Sie die Schreibweise ${de}.`, en: `Please check the spelling ${en}.` };
    case 'too_small': {
      const n = formNumber(iss.minimum);
      if (iss.origin === 'string') return { de: `Bitte geben Sie ${de} mindestens ${n} Zeichen ein.`, en: `Please enter at least ${n} characters ${en}.` };
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint') {
        return iss.inclusive === false
          ? { de: `Bitte geben Sie ${de} eine Zahl über ${n} ein.`, en: `Please enter a number greater than ${n} ${en}.` }
          : { de: `Bitte geben Sie ${de} eine Zahl ab ${n} ein.`, en: `Please enter a number of at least ${n} ${en}.` };
      }
      if (iss.origin === 'array' || iss.origin === 'set') {
        return Number(iss.minimum) <= 1
          ? { de: `Bitte wählen Sie ${de} mindestens einen Eintrag.`, en: `Please choose at least one entry ${en}.` }
          : { de: `Bitte wählen Sie ${de} mindestens ${n} Einträge.`, en: `Please choose at least ${n} entries ${en}.` };
      }
      return check;
    }
    case 'too_big': {
      const n = formNumber(iss.maximum);
      if (iss.origin === 'string') return { de: `Bitte kürzen Sie den Text ${de} auf höchstens ${n} Zeichen.`, en: `Please shorten the text ${en} to at most ${n} characters.` };
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint') {
        return iss.inclusive === false
          ? { de: `Bitte geben Sie ${de} eine Zahl unter ${n} ein.`, en: `Please enter a number less than ${n} ${en}.` }
          : { de: `Bitte geben Sie ${de} eine Zahl bis ${n} ein.`, en: `Please enter a number of at most ${n} ${en}.` };
      }
      if (iss.origin === 'array' || iss.origin === 'set') return { de: `Bitte wählen Sie ${de} höchstens ${n} Einträge.`, en: `Please choose at most ${n} entries ${en}.` };
      return check;
    }
    case 'invalid_union':
      return isDateChoice(iss) ? date : check;
    case 'not_multiple_of':
      return { de: `Bitte geben Sie ${de} ein Vielfaches von ${formNumber(Number(iss.divisor))} ein.`, en: `Please enter a multiple of ${formNumber(Number(iss.divisor))} ${en}.` };
    case 'unrecognized_keys':
      return { de: 'Dieses Feld gehört nicht zum Formular.', en: 'This field is not part of the form.' };
    default:
      return check;
  }
}

/** A record's key that failed says why itself (its own message, or its label's sentence). */
const keyProblem = (iss: Issue): string | undefined => (iss.code === 'invalid_key' ? iss.issues[0]?.message : undefined);

/** The sentence for a problem of a schema that has no label of its own: zod's global error map (installFormMessages). */
export function fallbackMessage(iss: Issue): string {
  return keyProblem(iss) ?? inFormLanguage(sentence(iss));
}

/** Every zod message of this process in sentences: the API, the console and the tests of the forms call it once. */
export function installFormMessages(): void {
  z.config({ customError: fallbackMessage });
}

// Where a field's problems may come from below it: what it wraps, its list's entries, its record's keys and values.
const INNER = ['innerType', 'element', 'in', 'keyType', 'valueType'] as const;

function labelled<T extends z.ZodType>(schema: T, error: (iss: Issue) => string): T {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const inner: Record<string, z.ZodType> = {};
  for (const key of INNER) {
    const part = def[key] as z.ZodType | undefined;
    // An object inside has fields of its own, labelled where it is defined.
    if (part && part._zod.def.type !== 'object') inner[key] = labelled(part, error);
  }
  // mergeDefs keeps a default's getter (a fresh [] for every parse); parent keeps the schema's metadata.
  return schema.clone(z.core.util.mergeDefs(def, inner, { error }), { parent: true }) as T;
}

/**
 * The field `schema` under its label ("Titel" / "Title"): each problem of it that no check of its
 * own names is a sentence about the field ("Bitte geben Sie bei „Priorität“ eine ganze Zahl ein."),
 * or what `own` says (one sentence for every problem, or one for "left empty" and one for the rest).
 * A copy: one shared schema may serve fields of different labels.
 */
export function field<T extends z.ZodType>(label: Words, schema: T, own: OwnWords | Words = {}): T {
  const { missing, invalid } = 'de' in own ? { missing: own, invalid: own } : own;
  return labelled(schema, (iss) => keyProblem(iss) ?? inFormLanguage((isMissing(iss) ? missing : invalid) ?? sentence(iss, label)));
}

/**
 * A text a person must write, trimmed, of `min` to `max` characters: what to say when it is left
 * empty ("Bitte geben Sie einen Titel ein.") and when it is shorter ("… mit mindestens 3 Zeichen …").
 */
export function writtenText(label: Words, { min, max }: { min: number; max: number }, said: { missing: Words; tooShort: Words }) {
  return field(label, z.string().trim().min(min, says(said.tooShort.de, said.tooShort.en)).max(max), { missing: said.missing });
}
