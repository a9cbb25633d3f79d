import { spawn } from 'node:child_process';
import type { ApiClient } from './client';

// pdf-parse runs pdf.js, an ES module that loads its worker by dynamic import, which jest's module
// system refuses; so the text is extracted by a plain Node process, as a reader's tool would.
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  new PDFParse({ data: Buffer.concat(chunks) }).getText()
    .then((t) => process.stdout.write(t.text))
    .catch((err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });
});
`;

/** The text of a PDF, as pdf-parse extracts it. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT], { cwd: __dirname, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`pdf-parse failed: ${Buffer.concat(err).toString('utf8')}`)),
    );
    child.stdin.end(pdf);
  });
}

/** A report's PDF as the console downloads it, checked to be one (its type, the size its list names), with its text in one line. */
export async function downloadedPdf(client: ApiClient, path: string, listedSize: number | undefined): Promise<{ pdf: Buffer; text: string }> {
  const reply = await client.fetch(path);
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await reply.arrayBuffer());
  expect(pdf.length).toBe(listedSize);
  return { pdf, text: (await pdfText(pdf)).replace(/\s+/g, ' ') };
}

// pdf.js gives Arabic script in its presentation forms and in visual order, a ligature's letters in
// either order; NFKC makes them letters again. So a right-to-left sentence is found word by word, each
// word as the letters it is made of: a glyph missing for want of a font takes its letter with it.
export const letters = (s: string) => s.normalize('NFKC').replace(/[\s\u200c\u200f\u200e]/g, '');

/** Each word as the sorted letters it is made of (Sorani's ە, U+06D5, shares its joined glyph with ه, whose letter the PDF names). */
export const wordKeys = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\u06d5/g, '\u0647')
    .split(/\s+/)
    .map((w) => [...w.replace(/[^\p{L}\p{M}\p{N}]/gu, '')].sort().join(''))
    .filter(Boolean);

/** Whether every word of a right-to-left sentence is in the PDF's text. */
export function hasEveryWord(extracted: string, sentence: string): boolean {
  const words = new Set(wordKeys(extracted));
  return wordKeys(sentence).every((w) => words.has(w));
}
