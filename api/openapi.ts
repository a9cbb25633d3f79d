import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { JSON_PARAM_MARK } from './list-query';
import type { Api } from './route';

interface Parameter {
  schema?: Record<string, unknown>;
  content?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * sort, range and filter are JSON in a query string: documented as parameters with JSON `content`
 * of their schema, not as bare strings, so that a client (or a generated test) knows what to send.
 */
function jsonParameters(document: { paths?: Record<string, Record<string, { parameters?: Parameter[] }>> }) {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        const json = parameter.schema?.[JSON_PARAM_MARK] as Record<string, unknown> | undefined;
        if (!json) continue;
        const { $schema: _dialect, ...schema } = json;
        delete parameter.schema;
        parameter.content = { 'application/json': { schema } };
      }
    }
  }
}

/**
 * zod checks a mail address with its own pattern, stricter than the "email" format (no "!", no
 * quoted parts); the document gives the pattern beside the format, so that it says what passes.
 */
function emailPatterns(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(emailPatterns);
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema.format === 'email' && schema.pattern === undefined) schema.pattern = z.regexes.email.source;
  Object.values(schema).forEach(emailPatterns);
}

// Every string the API stores is text PostgreSQL can hold: no NUL character (storable-text.ts).
const NO_NUL = '^[^\\u0000]*$';

/** The NUL rule in the document: on each text schema, and on the keys of each open object. */
function noNul(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(noNul);
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  // OpenAPI 3.1 writes a nullable text as type ["string", "null"].
  const isString = schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
  const text = isString && schema.enum === undefined && schema.const === undefined && schema.format !== 'binary';
  if (text) {
    if (schema.pattern === undefined) schema.pattern = NO_NUL;
    else schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), { pattern: NO_NUL }];
  }
  const open = schema.type === 'object' && schema.additionalProperties !== undefined && schema.additionalProperties !== false;
  if (open && schema.propertyNames === undefined) schema.propertyNames = { pattern: NO_NUL };
  Object.values(schema).forEach(noNul);
}

/**
 * A pattern's \d and \w mean ASCII digits and letters in JavaScript (and in JSON Schema, which
 * takes ECMA-262 patterns), but any Unicode digit or letter in Python or .NET: a client there would
 * take "٢٠٢٦-01-15" for a date the API refuses. And a final $ lets Python end a match before a
 * trailing newline ("2026-01-15\n"). The document spells both the way every engine reads alike.
 */
export function asciiClasses(pattern: string): string {
  const spelled: Record<string, string> = { d: '0-9', w: 'A-Za-z0-9_' };
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      const range = spelled[next];
      out += range ? (inClass ? range : `[${range}]`) : c + next;
    } else if (c === '$' && !inClass && i === pattern.length - 1) {
      out += '(?![\\s\\S])';
    } else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    }
  }
  return out;
}

function asciiPatterns(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(asciiPatterns);
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (typeof schema.pattern === 'string') schema.pattern = asciiClasses(schema.pattern);
  Object.values(schema).forEach(asciiPatterns);
}

export function openApiDocument(api: Api) {
  api.registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'amtsflow.sid' });
  const generator = new OpenApiGeneratorV31(api.registry.definitions);
  const document = generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Amtsflow API',
      version: '0.1.0',
      description:
        'Vorgänge, Aufgaben und Stammdaten des Amts für Integration. Listen folgen den simple-REST-Konventionen ' +
        'von react-admin (sort, range, filter als JSON; Content-Range im Antwortkopf). Fehler haben die Form ' +
        '{error: {code, message, fields?}}; 400 nennt das Feld, 503 (mit Retry-After) den Teil des Systems, der ' +
        'gerade nicht erreichbar ist. Eine Methode, die eine bekannte Adresse nicht kennt (z. B. TRACE), ist ein 405 ' +
        'mit Allow. Was ein Schema nicht ausdrücken kann, steht als Geschäftsregel in der Beschreibung der Operation.',
    },
    security: [{ session: [] }],
  });
  jsonParameters(document as Parameters<typeof jsonParameters>[0]);
  emailPatterns(document);
  noNul(document);
  asciiPatterns(document);
  return document;
}
