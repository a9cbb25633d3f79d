import { letters, pdfText, wordKeys } from '../../tests/support/pdf-text';
import { printFlyer } from './flyer';

// The flyers as Chromium prints them: every sentence of the Turkish, Arabic and Sorani texts is in
// the PDF's text, so no glyph fell out for want of a font, and the right-to-left ones read as written.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const frame = { from: 'Gesundheitsamt der Stadt Köln', contact: 'Amt für Integration, Telefon 0221 221-0' };

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
