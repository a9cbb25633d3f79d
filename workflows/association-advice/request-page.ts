import { randomBytes } from 'node:crypto';
import express, { Router } from 'express';
import { esc, page, sendPage } from '../../answers/html';
import { control, errorList } from '../../answers/page-html';
import { HttpError } from '../../api/errors';
import type { PublicPages } from '../module';
import { adviceTopicLabel, adviceTopics } from './vocabulary';

// The public request for advice, linked from the office's mails: no login and no captcha, behind
// the public pages' rate limit. Sending starts the case; a second send of the same form (a double
// click, a reload) finds the case it started instead of a second one.

export const REQUEST_PATH = '/beratung';
const FOOTER = 'Diese Seite gehört zur Vereinsberatung des Amts für Integration der Stadt Köln. Ihre Angaben nutzen wir nur für Ihre Beratung.';
const NONCE = /^[0-9a-f]{32}$/;

const TEXT_FIELDS = [
  { name: 'organisationName', label: 'Name Ihres Vereins oder Ihrer Gruppe', hint: 'Auch wenn sie noch kein eingetragener Verein ist.', type: 'text', autocomplete: 'organization' },
  { name: 'contactName', label: 'Ihr Name', hint: null, type: 'text', autocomplete: 'name' },
  { name: 'email', label: 'Ihre E-Mail-Adresse', hint: 'Dorthin schicken wir die Bestätigung und die Einladung zum Termin.', type: 'email', autocomplete: 'email' },
  { name: 'phone', label: 'Ihre Telefonnummer (freiwillig)', hint: null, type: 'tel', autocomplete: 'tel' },
] as const;

type Values = Record<string, string | string[]>;
const idOf = (name: string) => `feld-${name}`;

function formPage(values: Values, errors: Record<string, string>, nonce: string): string {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const chosen = new Set(Array.isArray(values.topics) ? values.topics : typeof values.topics === 'string' ? [values.topics] : []);
  const inputs = TEXT_FIELDS.map((f) =>
    control(idOf(f.name), f.label, f.hint, errors[f.name], (describedBy, invalid) =>
      `<input type="${f.type}" id="${idOf(f.name)}" name="${f.name}" autocomplete="${f.autocomplete}" value="${esc(text(f.name))}"${describedBy}${invalid}>`,
    ),
  ).join('\n');
  const topicError = errors.topics;
  const topics = `<div class="feld">
<fieldset id="${idOf('topics')}" tabindex="-1"${topicError ? ` aria-describedby="${idOf('topics')}-fehler" aria-invalid="true"` : ''}>
<legend>Worum geht es? (mehrere möglich)</legend>
${topicError ? `<p class="fehler" id="${idOf('topics')}-fehler"><span class="unsichtbar">Fehler: </span>${esc(topicError)}</p>` : ''}
${adviceTopics.map((t) => `<label class="auswahl"><input type="checkbox" name="topics" value="${t}"${chosen.has(t) ? ' checked' : ''}> ${esc(adviceTopicLabel[t])}</label>`).join('\n')}
</fieldset>
</div>`;
  const request = control(idOf('request'), 'Ihr Anliegen', 'Was möchten Sie wissen, und wie weit sind Sie schon?', errors.request, (describedBy, invalid) =>
    `<textarea id="${idOf('request')}" name="request" rows="6"${describedBy}${invalid}>\n${esc(text('request'))}</textarea>`,
  );
  const order = ['organisationName', 'contactName', 'email', 'phone', 'topics', 'request'];
  return page(
    'Vereinsberatung anfragen',
    `<h1>Vereinsberatung anfragen</h1>
<p>Das Amt für Integration berät Migrantenorganisationen und Glaubensgemeinschaften kostenlos: bei der Gründung eines Vereins, der Satzung, der Gemeinnützigkeit, der Finanzierung und bei Anträgen auf Fördermittel.</p>
${errorList(order.flatMap((name) => (errors[name] ? [[idOf(name), errors[name] as string] as const] : [])))}
<form method="post" action="${REQUEST_PATH}" novalidate>
<input type="hidden" name="formular" value="${esc(nonce)}">
${inputs}
${topics}
${request}
<button type="submit">Anfrage senden</button>
</form>`,
    FOOTER,
  );
}

function thanksPage(email: string): string {
  return page(
    'Anfrage eingegangen',
    `<h1>Vielen Dank, Ihre Anfrage ist eingegangen</h1>
<p>Wir haben Ihnen eine Bestätigung an ${esc(email)} geschickt. Eine Beraterin oder ein Berater meldet sich bei Ihnen mit einem Terminvorschlag.</p>`,
    FOOTER,
  );
}

// Control characters (a NUL) are no part of what anybody types: dropped before they are shown or stored.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const single = (v: unknown) => (typeof v === 'string' ? v.replace(CONTROL, '') : undefined);
const empty = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

export const requestPages: PublicPages = {
  path: REQUEST_PATH,
  router({ starter }) {
    const router = Router();
    router.get('/', (_req, res) => sendPage(res, 200, formPage({}, {}, randomBytes(16).toString('hex'))));
    router.post('/', express.urlencoded({ extended: false, limit: '50kb', parameterLimit: 30 }), async (req, res, next) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const topics = (Array.isArray(body.topics) ? body.topics : [body.topics]).map(single).filter((t): t is string => t !== undefined);
      const values: Values = { ...Object.fromEntries(TEXT_FIELDS.map((f) => [f.name, single(body[f.name]) ?? ''])), request: single(body.request) ?? '', topics };
      const given = single(body.formular);
      const nonce = given && NONCE.test(given) ? given : randomBytes(16).toString('hex');
      const input = {
        organisationName: empty(single(body.organisationName)),
        contactName: single(body.contactName) ?? '',
        email: (single(body.email) ?? '').trim(),
        phone: empty(single(body.phone)),
        topics,
        request: single(body.request) ?? '',
        channel: 'formular',
      };
      try {
        await starter.start({ type: 'association-advice', input, startedBy: null, requestKey: `beratung:${nonce}` });
        sendPage(res, 200, thanksPage(input.email));
      } catch (err) {
        if (!(err instanceof HttpError) || err.status !== 400 || !err.fields) return next(err);
        // "input.topics.0" is the field "topics": the form shows one message per field.
        const errors: Record<string, string> = {};
        for (const f of err.fields) errors[f.path.split('.')[1] ?? ''] ??= f.message;
        sendPage(res, 400, formPage(values, errors, nonce));
      }
    });
    return router;
  },
};
