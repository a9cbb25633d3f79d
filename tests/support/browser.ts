import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './spawn';
import { testStack } from './stack-env';

// A person at the console: Debian's Chromium, headless, driven by playwright-core (no browser download).

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const LAPTOP = { width: 1366, height: 768 };
export const TABLET = { width: 1024, height: 1366 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser profile of its own; CSP bypassed only so that axe-core can be injected. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: LAPTOP, locale: 'de-DE', bypassCSP: true });
}

export async function loginAs(context: BrowserContext, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${testStack().url}/#/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByTestId('menu-my-tasks').waitFor();
  return page;
}

/** Each person logged in in a browser profile of their own, in one browser; `close` ends them all. */
export async function signedIn(password: string, ...emails: string[]): Promise<{ pages: Page[]; close(): Promise<void> }> {
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  for (const email of emails) {
    const context = await newContext(browser);
    contexts.push(context);
    pages.push(await loginAs(context, email, password));
  }
  return {
    pages,
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2.1 AA rules on what the page shows now, as "rule: element" lines (empty: none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, WCAG);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

/**
 * The page at the laptop and the tablet size, saved under test-results/screenshots/; fails when
 * the page is wider than the screen at either size (a person would have to scroll sideways).
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? LAPTOP;
  const tooWide: string[] = [];
  for (const [label, size] of [['1366x768', LAPTOP], ['1024x1366', TABLET]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: false });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > size.width) tooWide.push(`${name} at ${label} is ${width}px wide`);
  }
  await page.setViewportSize(original);
  if (tooWide.length > 0) throw new Error(tooWide.join('; '));
}
