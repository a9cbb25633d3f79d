import type { Response } from 'express';

// The frame of every public answer page: plain HTML, no scripts, readable and operable by keyboard.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything a department or staff member typed goes through here before it reaches a page. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

// Colours checked against WCAG AA: text #1b1b1b, hints #4a4a4a, errors #b3261e and the blue
// #0b3d6b all exceed 4.5:1 on white; white on #0b3d6b exceeds 10:1.
const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#fff}
.kopf{background:#0b3d6b;color:#fff;padding:.75rem 1rem}
.kopf p{font-weight:600;max-width:42rem;margin:0 auto}
main{display:block;max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .75rem}
a{color:#0b3d6b}
.anfrage{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.anfrage dt{font-weight:600}
.anfrage dd{margin:0}
.frage{white-space:pre-wrap;overflow-wrap:anywhere;border-left:4px solid #0b3d6b;background:#f3f6f9;padding:.75rem 1rem;margin:0}
.feld{margin:0 0 1.5rem}
fieldset{border:0;padding:0;margin:0 0 .5rem}
legend{font-size:1.3rem;font-weight:700;padding:0;margin:0 0 .75rem}
label{display:block;font-weight:600;margin:0 0 .25rem}
.feld legend{font-size:1rem;font-weight:600;margin:0 0 .25rem}
label.auswahl{display:inline-flex;align-items:center;gap:.4rem;font-weight:400;margin:0 1.5rem .25rem 0}
input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;margin:0}
fieldset[aria-invalid=true]{padding:.5rem}
.hinweis{color:#4a4a4a;margin:0 0 .5rem}
.fehler{color:#b3261e;font-weight:600;margin:0 0 .5rem}
textarea,input[type=text],input[type=email],input[type=tel],input[type=number]{display:block;width:100%;font:inherit;color:#1b1b1b;background:#fff;border:2px solid #1b1b1b;border-radius:0;padding:.5rem}
input[type=number]{max-width:14rem}
input[type=file]{font:inherit;max-width:100%}
[aria-invalid=true]{border:3px solid #b3261e}
.fehlerliste{border:4px solid #b3261e;padding:1rem 1.25rem;margin:0 0 1.5rem}
.fehlerliste h2{margin:0 0 .5rem;font-size:1.2rem}
.fehlerliste ul{margin:0;padding-left:1.25rem}
.fehlerliste a{color:#b3261e;font-weight:600}
button{font:inherit;font-weight:600;color:#fff;background:#0b3d6b;border:2px solid #0b3d6b;padding:.6rem 1.5rem;cursor:pointer}
button:hover{background:#072a4a}
:focus-visible{outline:3px solid #0b3d6b;outline-offset:3px}
.fehlerliste a:focus-visible{outline-color:#b3261e}
.unsichtbar{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
.fuss{border-top:1px solid #8a8a8a;color:#4a4a4a;font-size:.9375rem;padding:1rem}
.fuss p{max-width:42rem;margin:0 auto}
`;

const ANSWER_FOOTER =
  'Diese Seite gehört zu einer Anfrage des Amts für Integration an städtische Dienststellen. Sie braucht keine Anmeldung; der Link gilt nur für die angefragte Dienststelle.';

/** A public page of the office: `footer` says what it belongs to (an answer page's, unless told). */
export function page(title: string, main: string, footer = ANSWER_FOOTER): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)} – Amt für Integration</title>
<style>${CSS}</style>
</head>
<body>
<header class="kopf"><p>Amt für Integration</p></header>
<main>
${main}
</main>
<footer class="fuss"><p>${esc(footer)}</p></footer>
</body>
</html>
`;
}

export function sendPage(res: Response, status: number, html: string): void {
  // The pages show a person's request, answer or consent: no cache may keep them.
  res.status(status).type('html').set('Cache-Control', 'no-store').send(html);
}
