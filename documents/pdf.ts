import { chromium } from 'playwright-core';

// The flags keep a headless Chromium from reaching out (updates, sync) and from needing a GPU or a sandbox
// the container does not grant.
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Prints a self-contained HTML page (inline styles and SVG, nothing to fetch) to an A4 PDF with Chromium. */
export async function printPdf(html: string, chromiumPath: string, footer: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        `<div style="font-size:8px;width:100%;text-align:center;color:#555">${escapeHtml(footer)} – Seite <span class="pageNumber"></span> von <span class="totalPages"></span></div>`,
    });
  } finally {
    await browser.close();
  }
}
