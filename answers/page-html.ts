import { hasComment, plausibleRangeText, type AnswerField } from '../workflows/engine/consultation/forms';
import { ACCEPTED_EXTENSIONS, ALLOWED_TYPES_TEXT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachment-rules';
import { germanDateTime } from '../calendar/german-date';
import { accusative, type NameForms } from '../grammar/german';
import { esc, page } from './html';

export const TEXT_ID = 'antwort';
export const FILES_ID = 'anhaenge';
export const fieldId = (key: string) => `feld-${key}`;
export const fieldName = (key: string) => `feld_${key}`;
export const commentId = (key: string) => `feld-${key}-kommentar`;
export const commentName = (key: string) => `kommentar_${key}`;
/** What a yes/no question's radio buttons send. */
export const YES = 'ja';
export const NO = 'nein';

export interface AnswerFormView {
  /** Who is asked; called a "Dienststelle" unless `noun` says otherwise ("Träger"). */
  department: NameForms & { noun?: string };
  subject: string;
  question: string;
  deadlineAt: Date;
  fields: AnswerField[];
  values: { text: string; fields: Record<string, string>; comments?: Record<string, string> };
  /** By input id: shown next to the input, and listed above the form. */
  errors: Record<string, string>;
  /** Files were sent but the form came back: a browser cannot refill a file input. */
  filesLost?: boolean;
}

/** One input's frame: label, hint, error, in the order a screen reader reads them before the input. */
export function control(
  id: string,
  label: string,
  hint: string | null,
  error: string | undefined,
  input: (describedBy: string, invalid: string) => string,
): string {
  const describedBy = [hint ? `${id}-hinweis` : null, error ? `${id}-fehler` : null].filter(Boolean).join(' ');
  return `<div class="feld">
<label for="${esc(id)}">${esc(label)}</label>
${hint ? `<p class="hinweis" id="${esc(id)}-hinweis">${esc(hint)}</p>` : ''}
${error ? `<p class="fehler" id="${esc(id)}-fehler"><span class="unsichtbar">Fehler: </span>${esc(error)}</p>` : ''}
${input(describedBy ? ` aria-describedby="${esc(describedBy)}"` : '', error ? ' aria-invalid="true"' : '')}
</div>`;
}

function commentControl(f: AnswerField, value: string, error: string | undefined): string {
  const id = commentId(f.key);
  const range = plausibleRangeText(f);
  const hint = range
    ? `Üblich sind Werte ${range}. Liegt Ihr Wert außerhalb, erläutern Sie ihn bitte hier (z. B. geänderte Zählweise); ohne Erläuterung wird er nicht angenommen.`
    : 'Freiwillig: Anmerkungen zu diesem Wert.';
  return control(id, `Kommentar zu: ${f.label}`, hint, error, (describedBy, invalid) =>
    `<textarea id="${esc(id)}" name="${esc(commentName(f.key))}" rows="2"${describedBy}${invalid}>\n${esc(value)}</textarea>`,
  );
}

/**
 * A yes/no question as a group of two radio buttons with its question as the legend; the error link
 * and aria-describedby point at the group (its id), which a screen reader announces with the legend.
 */
function yesNoField(f: AnswerField, label: string, value: string, error: string | undefined): string {
  const id = fieldId(f.key);
  const describedBy = error ? ` aria-describedby="${esc(id)}-fehler"` : '';
  const radio = (v: string, text: string) =>
    `<label class="auswahl"><input type="radio" name="${esc(fieldName(f.key))}" value="${v}"${value === v ? ' checked' : ''}` +
    `${f.required ? ' required' : ''}> ${text}</label>`;
  return `<div class="feld">
<fieldset id="${esc(id)}" tabindex="-1"${describedBy}${error ? ' aria-invalid="true"' : ''}>
<legend>${esc(label)}</legend>
${error ? `<p class="fehler" id="${esc(id)}-fehler"><span class="unsichtbar">Fehler: </span>${esc(error)}</p>` : ''}
${radio(YES, 'Ja')}
${radio(NO, 'Nein')}
</fieldset>
</div>`;
}

function structuredField(f: AnswerField, value: string, error: string | undefined): string {
  const id = fieldId(f.key);
  const label = `${f.label}${f.unit ? ` (${f.unit})` : ''}${f.required ? ' – Pflichtangabe' : ''}`;
  if (f.type === 'yesno') return yesNoField(f, label, value, error);
  const range =
    f.type === 'number'
      ? [f.min !== undefined ? `mindestens ${f.min}` : null, f.max !== undefined ? `höchstens ${f.max}` : null].filter(Boolean).join(', ')
      : '';
  const hint =
    f.type === 'number'
      ? `Eine Zahl${f.unit ? ` (Einheit: ${f.unit})` : ''}${range ? `, ${range}` : ''}. Dezimalstellen mit Komma oder Punkt.`
      : (f.hint ?? null);
  // A text in another language (a translation) is marked as such, and written in its direction.
  const language = `${f.lang ? ` lang="${esc(f.lang)}"` : ''}${f.dir ? ` dir="${f.dir}"` : ''}`;
  const common = `id="${esc(id)}" name="${esc(fieldName(f.key))}"${f.required ? ' aria-required="true"' : ''}`;
  return control(id, label, hint, error, (describedBy, invalid) =>
    f.type === 'number'
      ? `<input type="number" ${common} value="${esc(value)}" step="any" inputmode="decimal"` +
        `${f.min !== undefined ? ` min="${esc(f.min)}"` : ''}${f.max !== undefined ? ` max="${esc(f.max)}"` : ''}${describedBy}${invalid}>`
      : f.lines
        ? `<textarea ${common} rows="${f.lines}"${language}${describedBy}${invalid}>\n${esc(value)}</textarea>`
        : `<input type="text" ${common} value="${esc(value)}"${language}${describedBy}${invalid}>`,
  );
}

function errorSummary(view: AnswerFormView): string {
  const order = [TEXT_ID, ...view.fields.flatMap((f) => [fieldId(f.key), commentId(f.key)]), FILES_ID];
  return errorList(order.flatMap((id) => (view.errors[id] ? [[id, view.errors[id] as string] as const] : [])));
}

/** The errors of a failed submission above the form, each a link to its field (by the field's id). */
export function errorList(errors: readonly (readonly [id: string, message: string])[]): string {
  if (errors.length === 0) return '';
  return `<div class="fehlerliste" role="alert" aria-labelledby="fehler-titel">
<h2 id="fehler-titel">Bitte prüfen Sie Ihre Angaben</h2>
<ul>
${errors.map(([id, message]) => `<li><a href="#${esc(id)}">${esc(message)}</a></li>`).join('\n')}
</ul>
</div>`;
}

/** The request and the form to answer it; after a failed submission, with what was typed and the errors. */
export function answerFormPage(view: AnswerFormView): string {
  const hasErrors = Object.keys(view.errors).length > 0;
  const withFields = view.fields.length > 0;
  const textHint = withFields
    ? 'Schreiben Sie Ihre Antwort, füllen Sie die Angaben unten aus, oder beides.'
    : 'Bitte beantworten Sie die Frage so, dass das Amt für Integration Ihre Antwort ohne Rückfrage verwenden kann.';
  const filesHint =
    `Freiwillig. Bis zu ${MAX_ATTACHMENTS} Dateien, je höchstens ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB: ${ALLOWED_TYPES_TEXT}.` +
    (view.filesLost ? ' Die zuvor gewählten Dateien wurden nicht übernommen; bitte wählen Sie sie erneut aus.' : '');
  const main = `<h1>Anfrage des Amts für Integration</h1>
<p>Das Amt für Integration bittet ${esc(accusative(view.department))} um eine Antwort. Sie können hier antworten, ohne sich anzumelden.</p>
<dl class="anfrage">
<dt>${esc(view.department.noun ?? 'Dienststelle')}</dt><dd>${esc(view.department.name)}</dd>
<dt>Betreff</dt><dd>${esc(view.subject)}</dd>
<dt>Antwort bis</dt><dd>${esc(germanDateTime(view.deadlineAt))}</dd>
</dl>
<h2>Frage</h2>
<div class="frage">${esc(view.question)}</div>
<h2>Ihre Antwort</h2>
${errorSummary(view)}
<form method="post" enctype="multipart/form-data" novalidate>
${control(TEXT_ID, withFields ? 'Ihre Antwort' : 'Ihre Antwort – Pflichtangabe', textHint, view.errors[TEXT_ID], (describedBy, invalid) =>
  // The newline after the tag is swallowed by the parser, so a text that starts with one keeps it.
  `<textarea id="${TEXT_ID}" name="${TEXT_ID}" rows="10"${withFields ? '' : ' aria-required="true"'}${describedBy}${invalid}>\n${esc(view.values.text)}</textarea>`,
)}
${
  withFields
    ? `<fieldset>
<legend>Angaben</legend>
${view.fields
  .map(
    (f) =>
      structuredField(f, view.values.fields[f.key] ?? '', view.errors[fieldId(f.key)]) +
      (hasComment(f) ? `\n${commentControl(f, view.values.comments?.[f.key] ?? '', view.errors[commentId(f.key)])}` : ''),
  )
  .join('\n')}
</fieldset>`
    : ''
}
${control(FILES_ID, 'Anhänge', filesHint, view.errors[FILES_ID], (describedBy, invalid) =>
  `<input type="file" id="${FILES_ID}" name="${FILES_ID}" multiple accept="${esc(ACCEPTED_EXTENSIONS)}"${describedBy}${invalid}>`,
)}
<button type="submit">Antwort senden</button>
</form>`;
  return page(hasErrors ? 'Fehler: Antwort auf die Anfrage' : 'Antwort auf die Anfrage', main);
}
