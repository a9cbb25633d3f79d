import { eq } from 'drizzle-orm';
import { Router } from 'express';
import { esc, page, sendPage } from '../../answers/html';
import type { Db } from '../../db/client';
import type { PublicPages } from '../module';
import { withdrawConsents } from './consent';
import { contactConsents, organisationContacts, organisations } from './schema';
import { purposeLabel } from './texts';
import type { ConsentPurpose } from './vocabulary';

// The link at the foot of every mail to an organisation's contact: one click shows what the person
// agreed to, one button withdraws it, at once and without a login. The GET changes nothing, so that
// a mail program's link preview withdraws nobody's consent.

export const WITHDRAWAL_PATH = '/einwilligung';
const TOKEN = /^[0-9a-f]{64}$/;
const FOOTER = 'Diese Seite gehört zu den Einwilligungen, die Sie dem Amt für Integration gegeben haben. Sie braucht keine Anmeldung; der Link gilt nur für Sie.';

const purposeList = (purposes: ConsentPurpose[]) => `<ul>${purposes.map((p) => `<li>${esc(purposeLabel[p])}</li>`).join('')}</ul>`;

function unknownLinkPage(): string {
  return page(
    'Dieser Link ist nicht gültig',
    `<h1>Dieser Link ist nicht gültig</h1>
<p>Zu diesem Link gibt es keine Einwilligung. Bitte prüfen Sie, ob Sie den Link vollständig aus der Mail des Amts für Integration übernommen haben; manche Mailprogramme brechen lange Links um.</p>
<p>Sie können auch auf die Mail antworten und uns schreiben, dass Sie keine Post mehr wünschen.</p>`,
    FOOTER,
  );
}

function askPage(v: { name: string; organisation: string; purposes: ConsentPurpose[] }): string {
  if (v.purposes.length === 0) return nothingStandingPage(v);
  return page(
    'Einwilligung widerrufen',
    `<h1>Einwilligung widerrufen</h1>
<p>Sie (${esc(v.name)}, ${esc(v.organisation)}) haben eingewilligt, dass das Amt für Integration Sie kontaktiert für:</p>
${purposeList(v.purposes)}
<p>Mit dem Knopf widerrufen Sie diese Einwilligungen. Das wirkt sofort: Das Amt für Integration schreibt Ihnen danach nicht mehr. Sie können jederzeit neu einwilligen.</p>
<form method="post"><button type="submit">Einwilligung widerrufen</button></form>`,
    FOOTER,
  );
}

function nothingStandingPage(v: { name: string; organisation: string }): string {
  return page(
    'Keine Einwilligung mehr',
    `<h1>Keine Einwilligung mehr</h1>
<p>Von Ihnen (${esc(v.name)}, ${esc(v.organisation)}) liegt keine Einwilligung mehr vor: Das Amt für Integration schreibt Ihnen nicht mehr.</p>`,
    FOOTER,
  );
}

function withdrawnPage(v: { name: string; purposes: ConsentPurpose[] }): string {
  return page(
    'Ihre Einwilligung ist widerrufen',
    `<h1>Ihre Einwilligung ist widerrufen</h1>
<p>Vielen Dank, ${esc(v.name)}. Sie erhalten ab sofort keine Post mehr vom Amt für Integration für:</p>
${purposeList(v.purposes)}
<p>Möchten Sie wieder informiert werden, sagen Sie es bitte Ihrer Ansprechperson im Amt für Integration.</p>`,
    FOOTER,
  );
}

async function contactOf(db: Db, token: string) {
  if (!TOKEN.test(token)) return undefined;
  const [contact] = await db
    .select({ id: organisationContacts.id, name: organisationContacts.name, organisation: organisations.name })
    .from(organisationContacts)
    .innerJoin(organisations, eq(organisations.id, organisationContacts.organisationId))
    .where(eq(organisationContacts.withdrawalToken, token));
  return contact;
}

async function standingPurposes(db: Db, contactId: string): Promise<ConsentPurpose[]> {
  const rows = await db.select({ purpose: contactConsents.purpose, withdrawnAt: contactConsents.withdrawnAt }).from(contactConsents).where(eq(contactConsents.contactId, contactId));
  return rows.filter((r) => r.withdrawnAt === null).map((r) => r.purpose);
}

export const withdrawalPages: PublicPages = {
  path: WITHDRAWAL_PATH,
  router({ db }) {
    const router = Router();
    router.get('/:token', async (req, res, next) => {
      try {
        const contact = await contactOf(db, req.params.token);
        if (!contact) return sendPage(res, 404, unknownLinkPage());
        sendPage(res, 200, askPage({ ...contact, purposes: await standingPurposes(db, contact.id) }));
      } catch (err) {
        next(err);
      }
    });
    router.post('/:token', async (req, res, next) => {
      try {
        const contact = await contactOf(db, req.params.token);
        if (!contact) return sendPage(res, 404, unknownLinkPage());
        const purposes = await db.transaction((tx) => withdrawConsents(tx, contact.id, 'link', null));
        // A second click (or a reload) finds nothing standing: it says so, and changes nothing.
        sendPage(res, 200, purposes.length > 0 ? withdrawnPage({ name: contact.name, purposes }) : nothingStandingPage(contact));
      } catch (err) {
        next(err);
      }
    });
    return router;
  },
};
