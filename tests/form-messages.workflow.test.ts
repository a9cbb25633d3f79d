import type { z } from 'zod';
import { zodFields } from '../api/errors';
import { installFormMessages } from '../forms/field';
import { setFormLanguage, type FormLanguage } from '../forms/words';
import { procedureModules } from '../workflows/registry';

// Every start form and task form of every module, filled in empty and wrong: each message is a
// sentence about the field in German (and its English twin), never a type name, an enum literal or
// a path. (Runs with the workflow tests: it needs no stack.)

installFormMessages(); // as the API and the console do

type Def = Record<string, unknown> & { type: string };
const defOf = (s: z.ZodType) => s._zod.def as unknown as Def;

const forms: [string, z.ZodType][] = procedureModules.flatMap((m) => [
  [`${m.type} (Start)`, m.startForm as z.ZodType] as [string, z.ZodType],
  ...Object.entries(m.taskForms as Record<string, z.ZodType>).map(([kind, s]) => [`${m.type}: ${kind}`, s] as [string, z.ZodType]),
]);

/** Values a person or a client might leave or put into any field. */
const LEAVES: unknown[] = [undefined, null, '', '   ', 'ab', 'x'.repeat(20_001), 42, -1e13, 1e13, 1.5, true, 'etwas-anderes', '31.02.2026', {}, []];

/** The form's shape with `leaf` in every field, lists and records holding one entry (and a record a key it cannot have). */
function shaped(schema: z.ZodType, leaf: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, s]) => [k, shaped(s, leaf)]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return shaped(def.innerType as z.ZodType, leaf);
    case 'pipe':
      return shaped(def.in as z.ZodType, leaf);
    case 'array':
      return [shaped(def.element as z.ZodType, leaf)];
    case 'record':
      return { wert: shaped(def.valueType as z.ZodType, leaf), 'Falscher Schlüssel': shaped(def.valueType as z.ZodType, leaf) };
    default:
      return leaf;
  }
}

/** Each field of the form's top level set to `leaf` itself (a list or a record given as a number, …). */
function flat(schema: z.ZodType, leaf: unknown): unknown {
  let def = defOf(schema);
  while (def.type === 'pipe') def = defOf(def.in as z.ZodType);
  return def.type === 'object' ? Object.fromEntries(Object.keys(def.shape as object).map((k) => [k, leaf])) : leaf;
}

/** Every enum value and literal anywhere in the schema: none may show in a message. */
function literals(schema: z.ZodType, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const own = def.type === 'enum' ? Object.values(def.entries as object).map(String) : def.type === 'literal' ? (def.values as unknown[]).map(String) : [];
  const inner = Object.values(def).flatMap((v) => {
    const parts = Array.isArray(v) ? v : v && typeof v === 'object' && !('_zod' in v) ? Object.values(v) : [v];
    return parts.filter((p): p is z.ZodType => !!p && typeof p === 'object' && '_zod' in p).flatMap((p) => literals(p, seen));
  });
  return [...own, ...inner];
}

// Inputs that pass each field and fail a rule across fields.
const ACROSS: Record<string, unknown[]> = {
  'vorgang-mit-freigabe: freigabe': [{ decision: 'reject' }],
  'funding-call-review: foerderaufruf-triage': [{ relevant: true, reason: 'Passt gut', departmentIds: [] }],
  'funding-call-review: foerderaufruf-entscheidung': [{ decision: 'apply', reason: 'Passt gut' }],
  'funding-call-review: foerderentscheid': [
    { result: 'granted', letterDate: '2026-12-01' },
    { result: 'rejected', letterDate: '2026-12-01', interimReportDue: '2027-06-01', proofOfUseDue: '2027-01-01' },
  ],
  'study-evaluation: studie-gegenlesen': [{ decision: 'revise' }],
  'department-consultation (Start)': [
    {
      subject: 'Sprachkurse',
      question: 'Welche Kurse planen Sie?',
      departmentIds: ['7f0c6f3e-8a55-4d0e-9a4c-2b1d3e4f5a6b', '7f0c6f3e-8a55-4d0e-9a4c-2b1d3e4f5a6b'],
      deadline: '2020-01-01',
      answerForm: [
        { key: 'plaetze', label: 'Plätze', type: 'number' },
        { key: 'plaetze', label: 'Freie Plätze', type: 'number' },
      ],
      answerForms: { '0d8a3c9e-1b2f-4e5d-8c7b-6a5f4e3d2c1b': [] },
    },
    { subject: 'Sprachkurse', question: 'Welche Kurse planen Sie?', departmentIds: [], deadline: { amount: 0, unit: 'business-days' } },
    { subject: 'Sprachkurse', question: 'Welche Kurse planen Sie?', departmentIds: [], deadline: '10 Wochen' },
  ],
};

function messagesOf(schema: z.ZodType, inputs: unknown[], language: FormLanguage): { path: string; code: string; message: string }[] {
  setFormLanguage(language);
  try {
    return inputs.flatMap((input) => {
      const parsed = schema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
    });
  } finally {
    setFormLanguage('de');
  }
}

// zod's words for types and its own phrases; in English "a number" is a word of the language.
const TYPE_WORDS = {
  de: /\b(string|number|boolean|undefined|null|NaN|object|array|record|enum|int|expected|received|Invalid|Ungültige?|erwartet|erhalten)\b/i,
  en: /\b(string|boolean|undefined|null|NaN|object|array|record|enum|int|expected|received|Invalid)\b/,
};
const CAMEL_OR_SNAKE = /\b[a-z]+[A-Z]\w*\b|\b\w+_\w+\b/;

function problemsOf(message: string, path: string, enumValues: string[], language: FormLanguage): string[] {
  const problems: string[] = [];
  if (!/^[A-ZÄÖÜ]/.test(message) || !/[.!?]$/.test(message)) problems.push('not a sentence');
  if (TYPE_WORDS[language].test(message)) problems.push('names a type');
  if (message.includes('"')) problems.push('quotes like code');
  if (CAMEL_OR_SNAKE.test(message) || (path.includes('.') && message.includes(path))) problems.push('names a path');
  for (const v of enumValues) {
    // Quoted anywhere; in German also as the bare word ("approve" is an English verb, not a German one).
    const quoted = [`„${v}“`, `“${v}”`, `'${v}'`, `"${v}"`].some((q) => message.includes(q));
    // Two letters are a language's code ("es", Spanish) as often as a German word ("das es gibt"): only quoted.
    const bare = language === 'de' && v.length > 2 && new RegExp(`(^|[^\\p{L}-])${v}([^\\p{L}-]|$)`, 'u').test(message);
    if (quoted || bare) problems.push(`names the value ${v}`);
  }
  if (language === 'de') {
    if (!/\b(Bitte|Sie|der|die|das|den|dem|des|ein|eine|einen|muss|ist|gibt|nicht|nur|für|es)\b/i.test(message)) problems.push('not German');
    // Every field of a form has its label: no message falls back to "this field".
    if (/\b(hier|dieses Feld)\b/.test(message)) problems.push('does not name the field');
  } else {
    if (/[äöüß„]/.test(message) || !/\b(Please|the|a|an|is|must|not|for|of|only)\b/.test(message)) problems.push('not English');
  }
  return problems;
}

describe.each(forms)('the form %s', (name, schema) => {
  const inputs = [{}, ...LEAVES.flatMap((leaf) => [shaped(schema, leaf), flat(schema, leaf)]), ...(ACROSS[name] ?? [])];
  const enumValues = literals(schema);

  it('says in German sentences what is wrong with a field', () => {
    const found = messagesOf(schema, inputs, 'de');
    expect(found.length).toBeGreaterThan(0);
    const bad = found.flatMap((f) => problemsOf(f.message, f.path, enumValues, 'de').map((p) => `${f.path}: „${f.message}“ ${p}`));
    expect([...new Set(bad)]).toEqual([]);
  });

  it('has the English twin of every message', () => {
    const german = messagesOf(schema, inputs, 'de');
    const english = messagesOf(schema, inputs, 'en');
    expect(english.map((e) => [e.path, e.code])).toEqual(german.map((g) => [g.path, g.code]));
    const bad = english.flatMap((f, i) => [
      ...problemsOf(f.message, f.path, enumValues, 'en').map((p) => `${f.path}: “${f.message}” ${p}`),
      ...(f.message === german[i]?.message ? [`${f.path}: “${f.message}” is the German one`] : []),
    ]);
    expect([...new Set(bad)]).toEqual([]);
  });
});

describe('the API', () => {
  it('names the field of each message, as the console shows it beside the field', () => {
    const start = procedureModules.find((m) => m.type === 'vorgang-mit-freigabe')?.startForm as z.ZodType;
    const parsed = start.safeParse({ title: '' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(zodFields(parsed.error, 'input')).toEqual([{ path: 'input.title', message: 'Bitte geben Sie einen Titel ein.' }]);
  });
});

describe('a link in a form', () => {
  // The console shows it as a link staff click: a script or a file path must not become one.
  const draft = (procedureModules.find((m) => m.type === 'funding-call-review')?.taskForms as Record<string, z.ZodType>)['antrag-entwurf'] as z.ZodType;
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://stadt.de/antrag.pdf'])('refuses %s with the sentence about web addresses', (link) => {
    const parsed = draft.safeParse({ summary: 'Antrag auf Projektförderung', documentLink: link });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(zodFields(parsed.error, 'data')).toEqual([
        { path: 'data.documentLink', message: 'Bitte geben Sie bei „Link zum Antragsdokument“ eine vollständige Internetadresse ein, die mit https:// beginnt.' },
      ]);
  });
  it('takes a web address', () => {
    expect(draft.safeParse({ summary: 'Antrag auf Projektförderung', documentLink: 'https://stadt.de/antrag.pdf' }).success).toBe(true);
  });
});
