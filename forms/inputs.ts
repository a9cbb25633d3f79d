import { z } from 'zod';
import { field } from './field';
import { says } from './words';

// Inputs that many registries' forms share, each with its German (and English) words.

/**
 * A text that may stay empty; the console sends an emptied input as null, which the route stores as
 * the column's empty value. No default here: a change that leaves the field out must keep it.
 */
export const optionalText = (de: string, en: string, max: number) => field({ de, en }, z.string().trim().max(max).nullish());
export const optionalLine = (de: string, en: string, max: number) => field({ de, en }, z.string().trim().max(max).nullable().optional());

// PostgreSQL's dates begin with the year 1; "0000-01-01" is valid ISO but no day it can store. One
// pattern (zod's ISO day without year 0), so that the API document says exactly which days pass.
const ISO_DAY = new RegExp(`^(?!0000)${z.regexes.date.source.slice(1)}`);
export const day = (de: string, en: string) =>
  field({ de, en }, z.string().regex(ISO_DAY).meta({ format: 'date' }), {
    invalid: { de: `Bitte geben Sie bei „${de}“ ein Datum ein, zum Beispiel 15.12.2026.`, en: `Please enter a date for “${en}”, for example 15.12.2026.` },
  });

/** A list that names each entry once: a district or target group twice is a client's mistake, refused so it shows. */
export function setOf<T extends z.ZodType>(item: T, max: number, de: string, en: string) {
  return z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, says(`${de} ist doppelt genannt`, `${en} is named twice`))
    .meta({ uniqueItems: true });
}

/** A German postcode, or nothing. */
export const postalCode = () =>
  field(
    { de: 'Postleitzahl', en: 'Postcode' },
    z
      .string()
      .trim()
      .regex(/^(\d{5})?$/, says('Eine Postleitzahl hat fünf Ziffern', 'A postcode has five digits'))
      .nullish(),
  );

export const website = () => field({ de: 'Internetseite', en: 'Website' }, z.url({ protocol: /^https?$/ }).max(2000).nullable().optional());
