import { esc } from '../../answers/html';
import { printPdf } from '../../documents/pdf';
import { languageOf } from '../organisations/languages';

// A campaign's flyer in one language, printed by Chromium from HTML: the text in the language's own
// script and direction (Arabic, Farsi, Sorani right to left), in the Noto fonts (.ci/run and the
// README install Debian's fonts-noto-core), with the office's German contact line beneath it, so
// that whoever hands it on can say where it comes from.

export interface FlyerText {
  /** A code of organisations/languages.ts. */
  language: string;
  title: string;
  /** Paragraphs separated by empty lines. */
  text: string;
}

export interface FlyerFrame {
  /** Who the information is from: "Gesundheitsamt der Stadt Köln". */
  from: string;
  /** The office's contact, in German: "Amt für Integration, Telefon 0221 221-0, integration@stadt-koeln.example". */
  contact: string;
}

// Noto first, each script's family named so that Chromium need not guess; DejaVu for what Noto lacks.
const FONTS = [
  'Noto Sans',
  'Noto Naskh Arabic',
  'Noto Sans Arabic',
  'Noto Sans Ethiopic',
  'Noto Sans Tamil',
  'Noto Sans CJK SC',
  'DejaVu Sans',
  'sans-serif',
].map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ');

const paragraphs = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

export function flyerHtml(flyer: FlyerText, frame: FlyerFrame): string {
  const language = languageOf(flyer.language);
  return `<!doctype html>
<html lang="${esc(language.code)}" dir="${language.dir}">
<head>
<meta charset="utf-8">
<title>${esc(flyer.title)}</title>
<style>
@page{size:A4}
body{margin:0;font-family:${FONTS};color:#1b1b1b;font-size:14pt;line-height:1.55}
.absender{font-size:11pt;color:#0b3d6b;border-bottom:3px solid #0b3d6b;padding-bottom:6pt;margin-bottom:18pt}
h1{font-size:26pt;line-height:1.25;margin:0 0 14pt;color:#0b3d6b}
p{margin:0 0 10pt}
.fuss{margin-top:28pt;border-top:1px solid #999;padding-top:8pt;font-size:10pt;color:#333}
</style>
</head>
<body>
<div class="absender">${esc(frame.from)}</div>
<h1>${esc(flyer.title)}</h1>
${paragraphs(flyer.text)}
<div class="fuss" lang="de" dir="ltr">${esc(frame.contact)} · ${esc(language.endonym)}</div>
</body>
</html>
`;
}

/** The flyer as an A4 PDF; its footer line names the office in German. */
export function printFlyer(flyer: FlyerText, frame: FlyerFrame, chromiumPath: string): Promise<Buffer> {
  return printPdf(flyerHtml(flyer, frame), chromiumPath, `Stadt Köln – Amt für Integration – ${languageOf(flyer.language).name}`);
}
