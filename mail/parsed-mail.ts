import type { AddressObject, ParsedMail } from 'mailparser';

// Kept as JSON next to the raw bytes so the console can show them without re-parsing.
const IMPORTANT_HEADERS = [
  'message-id',
  'date',
  'from',
  'sender',
  'to',
  'cc',
  'reply-to',
  'subject',
  'in-reply-to',
  'references',
  'content-type',
  'x-amtsflow-mail-id',
  'auto-submitted',
  'x-auto-response-suppress',
];

export function addressText(value: AddressObject | AddressObject[] | undefined): string | null {
  if (!value) return null;
  const text = (Array.isArray(value) ? value : [value]).map((a) => a.text).filter((t) => t !== '');
  return text.length > 0 ? text.join(', ') : null;
}

/** The important header fields, raw (unfolded) values; repeated fields as arrays. */
export function importantHeaders(parsed: ParsedMail): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const { key, line } of parsed.headerLines) {
    if (!IMPORTANT_HEADERS.includes(key)) continue;
    const colon = line.indexOf(':');
    const value = (dbText(colon >= 0 ? line.slice(colon + 1) : line) ?? '').replace(/\r?\n[ \t]+/g, ' ').trim();
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/** Postgres text cannot hold NUL bytes, which garbage mail may well contain. */
export function dbText(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  return value.replaceAll('\u0000', '');
}
