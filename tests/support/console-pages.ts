import type { Locator, Page } from 'playwright-core';
import { testStack } from './stack-env';

// What a person does again and again in the console: go to a page, find a row, read a field's error.

export async function go(page: Page, hashPath: string): Promise<void> {
  await page.goto(`${testStack().url}/#${hashPath}`);
}

/** A list's path with react-admin's filter in its query, e.g. `{ q: title }` to find a row among other tests' rows. */
export function filtered(listPath: string, filter: Record<string, unknown>): string {
  return `${listPath}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The row of a list whose text has `text` (and `also`, if given), refreshing the list until it appears. */
export async function findRow(page: Page, hashPath: string, text: string, timeoutMs = 30_000, also?: string): Promise<Locator> {
  await go(page, hashPath);
  let row = page.locator('tbody tr', { hasText: text });
  if (also) row = row.filter({ hasText: also });
  row = row.first();
  const until = Date.now() + timeoutMs;
  while (!(await row.isVisible())) {
    if (Date.now() > until) throw new Error(`no row with "${text}"${also ? ` and "${also}"` : ''} in ${hashPath}`);
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Aktualisieren' }).click();
    await page.waitForTimeout(500);
  }
  return row;
}

export async function openRow(page: Page, hashPath: string, text: string, also?: string): Promise<void> {
  await (await findRow(page, hashPath, text, 30_000, also)).click();
}

/** The message a field is described by (aria-describedby): the error shown next to it. */
export async function fieldMessage(page: Page, label: string, expected: string): Promise<string> {
  await page.getByText(expected).first().waitFor();
  const describedBy = await page.getByLabel(label).getAttribute('aria-describedby');
  if (!describedBy) throw new Error(`the field "${label}" has no description`);
  return (await page.locator(`[id="${describedBy}"]`).textContent()) ?? '';
}

export function procedureIdOf(page: Page): string {
  const match = /#\/procedures\/([^/]+)\/show/.exec(page.url());
  if (!match) throw new Error(`not a procedure page: ${page.url()}`);
  return decodeURIComponent(match[1] as string);
}

export async function expectFinished(page: Page, procedureId: string): Promise<void> {
  await go(page, `/procedures/${encodeURIComponent(procedureId)}/show`);
  await page.locator('[data-testid="procedure-status"][data-status="completed"]').waitFor({ timeout: 30_000 });
  // Its own end, not that of a procedure it started (the history shows both).
  await page
    .locator(`[data-testid="timeline"] [data-source="step"][data-kind="procedure.completed"][data-procedure="${procedureId}"]`)
    .waitFor({ timeout: 15_000 });
}
