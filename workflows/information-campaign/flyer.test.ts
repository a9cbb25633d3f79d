import { pdfText } from '../../tests/support/pdf-text';
import { printFlyer } from './flyer';

// The flyers as Chromium prints them: every sentence of the Turkish, Arabic and Sorani texts is in
// the PDF's text, so no glyph fell out for want of a font, and the right-to-left ones read as written.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const frame = { from: 'Gesundheitsamt der Stadt Köln', contact: 'Amt für Integration, Telefon 0221 221-0' };

// pdf.js gives Arabic script in its presentation forms and in visual order, a ligature's letters in
// either order; NFKC makes them letters again. So a right-to-left sentence is found word by word, each
// word as the letters it is made of: a glyph missing for want of a font takes its letter with it.
const letters = (s: string) => s.normalize('NFKC').replace(/[\s\u200c\u200f\u200e]/g, '');
// Sorani's ە (U+06D5) shares its joined glyph with ه (U+0647), whose letter the PDF then names.
const wordKeys = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\u06d5/g, '\u0647')
    .split(/\s+/)
    .map((w) => [...w.replace(/[^\p{L}\p{M}\p{N}]/gu, '')].sort().join(''))
    .filter(Boolean);

const flyers = [
  { language: 'tr', title: 'Grip aşısı', text: 'Grip aşısı sizi ve ailenizi korur.\n\nSağlık Merkezi’nde ücretsiz aşı olabilirsiniz: Çarşamba ve Perşembe, saat 9’dan 12’ye kadar.' },
  { language: 'ar', title: 'لقاح الإنفلونزا', text: 'لقاح الإنفلونزا يحميك ويحمي عائلتك.\n\nيمكنك الحصول على اللقاح مجانًا في المركز الصحي.' },
  { language: 'ckb', title: 'کوتانی ئەنفلوەنزا', text: 'کوتانی ئەنفلوەنزا تۆ و خێزانەکەت دەپارێزێت.' },
];

it.each(flyers)('prints the $language flyer with every sentence in its text', async (flyer) => {
  const pdf = await printFlyer(flyer, frame, CHROMIUM);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const extracted = await pdfText(pdf);
  expect(letters(extracted)).toContain(letters('Gesundheitsamt der Stadt Köln'));
  const words = new Set(wordKeys(extracted));
  for (const sentence of [flyer.title, ...flyer.text.split(/\n+/)]) {
    const found = flyer.language === 'tr' ? letters(extracted).includes(letters(sentence)) : wordKeys(sentence).every((w) => words.has(w));
    expect({ sentence, found }).toEqual({ sentence, found: true });
  }
}, 60_000);
