import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeDb, createDb, type Db } from '../db/client';
import { auditLog, incidents, mailOutbox } from '../db/schema';
import { reportIncident } from '../incidents/record';
import { accessibilityViolations, launchBrowser, loginAs, newContext, screenshots } from './support/browser';
import { ApiClient, eventually } from './support/client';
import { findRow } from './support/console-pages';
import { mailsAbout } from './support/consultation';
import { testStack } from './support/stack-env';

// An admin at the Störungen page: a mail the relay kept refusing is listed with its cause in
// words, and the retry from the console sends it, once, and closes the disturbance.

const run = randomUUID().slice(0, 8);
let db: Db;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: ApiClient;

beforeAll(async () => {
  db = createDb(testStack().databaseUrl, { max: 2 });
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await loginAs(context, testStack().adminEmail, testStack().adminPassword);
  admin = await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await closeDb(db);
});

describe('the Störungen page', () => {
  it('lists a mail the relay refused, says why in words, and its retry sends it once and closes the disturbance', async () => {
    const subject = `Einladung zum Integrationsrat ${run}`;
    // As the dispatcher leaves a mail after the relay refused it five times.
    const [mail] = await db
      .insert(mailOutbox)
      .values({
        idempotencyKey: `stoerung-konsole:${run}`,
        messageId: `<stoerung-${run}@amtsflow.localhost>`,
        to: ['kult@stadt.localhost'],
        subject,
        text: 'Guten Tag,\n\nwir laden Sie zur nächsten Sitzung ein.',
        status: 'failed',
        attempts: 5,
        lastError: '550 5.7.1 Relaying denied',
      })
      .returning({ id: mailOutbox.id });
    const key = `mail:${mail?.id}`;
    await reportIncident(db, { key, kind: 'mail', subject: `Mail „${subject}“ an kult@stadt.localhost`, error: '550 5.7.1 Relaying denied', attempts: 5, target: { mailId: mail?.id } });

    const row = await findRow(page, '/incidents', subject);
    await expect(row.getByTestId('incident-cause').textContent()).resolves.toBe('Der Mailserver lehnt die Mail ab.');
    expect(await row.textContent()).toContain('5');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshots(page, 'stoerungen');

    await row.getByRole('button', { name: 'Jetzt erneut versuchen' }).click();
    await page.getByText('Der erneute Versuch ist angestoßen.').waitFor();

    const [sent] = await eventually(async () => {
      const rows = await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, mail?.id ?? ''));
      return rows[0]?.status === 'sent' ? rows : undefined;
    }, 20_000, 'the resent mail');
    expect(sent?.status).toBe('sent');
    const caught = await eventually(async () => {
      const found = (await mailsAbout(run)).filter((m) => m.subject === subject);
      return found.length ? found : undefined;
    }, 20_000, 'the mail in the catcher');
    expect(caught).toHaveLength(1);
    const open = await eventually(async () => {
      const rows = await db.select({ resolvedAt: incidents.resolvedAt }).from(incidents).where(eq(incidents.key, key));
      return rows.every((r) => r.resolvedAt !== null) ? rows : undefined;
    }, 20_000, 'the disturbance closed');
    expect(open).toHaveLength(1);
    const listed = (await admin.get('/api/incidents')).body as { subject: string }[];
    expect(listed.filter((i) => i.subject.includes(subject))).toEqual([]);
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.action, 'incident.retried'), eq(auditLog.entityType, 'incidents')));
    expect(audited.some((a) => (a.detail as { subject?: string }).subject?.includes(subject))).toBe(true);
  });
});
