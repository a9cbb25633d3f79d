import { randomBytes, randomUUID } from 'node:crypto';
import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import {
  admin,
  attribute,
  autoRepliesAbout,
  consolidationTask,
  departmentByCode,
  departments,
  getPage,
  handledMailsFrom,
  heading,
  history,
  INBOUND_DOMAIN,
  linkToken,
  mailsAbout,
  postRaw,
  quoted,
  replyFrom,
  replyAddress,
  requestMails,
  sendToInbound,
  startConsultation,
  submitAnswer,
  tagWithId,
  textOf,
  type CaughtMail,
  type Department,
  type HistoryEntry,
} from '../../tests/support/consultation';
import { spawnApi } from '../../tests/support/extra-processes';
import type { Spawned } from '../../tests/support/spawn';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';

// The department consultation as the departments and the office see it: request mails, the public
// answer page, replies over real SMTP, reminders, escalation, "keine Antwort", consolidation.

const run = randomUUID().slice(0, 8);
const staffEmail = 'anna.schmidt@amtsflow.localhost';

// Seconds instead of business days; the deadline comes with each consultation.
let timedApi: Spawned & { url: string };
let staff: ApiClient;
let timedStaff: ApiClient;
let depts: Department[];

const dept = (code: string) => departmentByCode(depts, code);

beforeAll(async () => {
  timedApi = await spawnApi({
    // Long enough for a page answer and a mail reply to arrive first on a busy 2-core machine.
    CONSULTATION_REMINDER_AFTER: '10s',
    CONSULTATION_ESCALATE_AFTER: '14s',
    ANSWER_GRACE: '2s',
    PUBLIC_RATE_LIMIT: '10000',
  });
  staff = await ApiClient.as(staffEmail, DEMO_PASSWORD);
  timedStaff = await ApiClient.as(staffEmail, DEMO_PASSWORD, timedApi.url);
  depts = await departments(staff);
});

afterAll(async () => {
  expect(await timedApi.stop()).toBe(0);
});

const QUESTION = 'Welche Angebote für neu zugewanderte Familien gibt es in Ihrer Dienststelle?\nBitte nennen Sie auch Zahlen.';

/** A consultation to one department, open for the usual ten business days; its request mail. */
async function openRequest(code: string, marker: string, extra: Record<string, unknown> = {}) {
  const d = dept(code);
  const id = await startConsultation(staff, { subject: `Anfrage ${marker}`, question: QUESTION, departmentIds: [d.id], ...extra });
  const mail = (await requestMails(marker, [d])).get(d.id) as CaughtMail;
  return { id, dept: d, mail, token: linkToken(mail) };
}

/** A consultation to one department whose deadline has passed: "keine Antwort" recorded. */
async function expiredRequest(code: string, marker: string) {
  const d = dept(code);
  const id = await startConsultation(timedStaff, { subject: `Anfrage ${marker}`, question: QUESTION, departmentIds: [d.id], deadline: '1s' });
  const mail = (await requestMails(marker, [d])).get(d.id) as CaughtMail;
  await eventually(async () => ((await history(staff, id)).some((e) => e.kind === 'request.no_answer') ? true : undefined), 20_000, 'keine Antwort');
  // The link outlives the deadline by the grace period (2 s here); only then is it expired.
  await new Promise((r) => setTimeout(r, 2500));
  return { id, dept: d, mail, token: linkToken(mail) };
}

function forge(token: string): string {
  const last = token.slice(-1);
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

/** The procedure's steps of one kind, as the console's history shows them (the audit log has its own entries). */
const kinds = (entries: HistoryEntry[], kind: string) => entries.filter((e) => e.kind === kind && e.source === 'step');

async function outboxAbout(marker: string) {
  return (await (await admin()).get(`/api/mails?${listQuery({ q: marker })}`)).body as { subject: string; to: string[] }[];
}

describe('department consultation, end to end', () => {
  it('takes one answer from the page and one by mail, reminds and escalates the third, records "keine Antwort", and consolidates all three', async () => {
    const [youth, housing, personnel] = [dept('JUGA'), dept('WOHN'), dept('PERS')];
    const marker = `drei-${run}`;
    const subject = `Angebote für Geflüchtete ${marker}`;
    const id = await startConsultation(timedStaff, {
      subject,
      question: QUESTION,
      departmentIds: [youth.id, housing.id, personnel.id],
      deadline: '18s',
    });
    const mails = await requestMails(marker, [youth, housing, personnel]);
    for (const d of [youth, housing, personnel]) {
      const mail = mails.get(d.id) as CaughtMail;
      expect(mail.text).toContain(QUESTION);
      expect(replyAddress(mail)).toBe(`reply+${linkToken(mail)}@${INBOUND_DOMAIN}`);
    }

    // The youth office answers on the page, with a file.
    const youthToken = linkToken(mails.get(youth.id) as CaughtMail);
    const form = await getPage(youthToken);
    expect(form.status).toBe(200);
    expect(form.html).toContain('Jugendamt');
    expect(form.html).toContain(subject);
    const thanks = await submitAnswer(youthToken, { antwort: 'Wir bieten drei Sprachcafés an.\nAnmeldung über die Familienzentren.' }, [
      { name: 'Angebote Jugendamt 2026.pdf', type: 'application/pdf', content: '%PDF-1.4\n% Angebote\n' },
    ]);
    expect(thanks.status).toBe(200);
    expect(heading(thanks.html)).toBe('Vielen Dank für Ihre Antwort');
    // "Aktueller Schritt" counts the answer at once, with the answer's own transaction.
    expect(((await timedStaff.get(`/api/procedures/${id}`)).body as { currentStep: string }).currentStep).toMatch(
      /^Warten auf Antworten \(1 von 3 Dienststellen haben geantwortet, Frist \S+, \d+\. \S+ \d{4}, \d\d:\d\d Uhr\)$/,
    );

    // The housing office replies to the mail, quoting it, with an attachment and one file we do not take.
    const housingMail = mails.get(housing.id) as CaughtMail;
    const housingSender = `wohnungsamt.${marker}@stadt.localhost`;
    await sendToInbound(
      replyFrom(
        housingSender,
        housingMail,
        `Wir haben 14 Wohnungen für Familien reserviert.\n\nMit freundlichen Grüßen\nWohnungsamt\n-- \nWohnungsamt Köln · Telefon 0221 221-0\n\n${quoted(housingMail)}`,
        {
          attachments: [
            { filename: 'Wohnungen.xlsx', content: Buffer.from('PK\u0003\u0004 Tabelle'), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
            { filename: 'makro.exe', content: Buffer.from('MZ'), contentType: 'application/octet-stream' },
          ],
        },
      ),
    );
    const [housingInbound] = await handledMailsFrom(housingSender, 1);
    expect(housingInbound?.status).toBe('accepted');
    expect(housingInbound?.reason).toContain('makro.exe');
    expect(((await timedStaff.get(`/api/procedures/${id}`)).body as { currentStep: string }).currentStep).toMatch(/^Warten auf Antworten \(2 von 3 /);

    // The personnel office stays silent: reminded, then its head is asked, then "keine Antwort".
    const followUps = await eventually(async () => {
      const found = await mailsAbout(marker);
      return found.some((m) => m.subject.startsWith('Eskalation:')) ? found : undefined;
    }, 20_000, 'the escalation mail');
    const reminders = followUps.filter((m) => m.subject.startsWith('Erinnerung:'));
    expect(reminders.map((m) => m.envelopeTo)).toEqual([[personnel.contactEmail]]);
    const escalations = followUps.filter((m) => m.subject.startsWith('Eskalation:'));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]?.envelopeTo).toContain(personnel.headEmail);
    expect(linkToken(escalations[0] as CaughtMail)).toBe(linkToken(mails.get(personnel.id) as CaughtMail));

    const task = await consolidationTask(timedStaff, id);
    expect(task.title).toBe('Antworten zusammenführen');
    const outcome = (d: Department) => task.context.outcomes.find((o) => o.departmentId === d.id);
    expect(task.context.outcomes).toHaveLength(3);
    expect(outcome(youth)).toMatchObject({
      status: 'answered',
      channel: 'page',
      answerText: 'Wir bieten drei Sprachcafés an.\nAnmeldung über die Familienzentren.',
      attachments: [expect.objectContaining({ filename: 'Angebote Jugendamt 2026.pdf', contentType: 'application/pdf', size: 20 })],
    });
    expect(outcome(housing)).toMatchObject({
      status: 'answered',
      channel: 'mail',
      answerText: 'Wir haben 14 Wohnungen für Familien reserviert.\n\nMit freundlichen Grüßen\nWohnungsamt',
      attachments: [expect.objectContaining({ filename: 'Wohnungen.xlsx' })],
    });
    expect(outcome(personnel)).toMatchObject({ status: 'no_answer', channel: null, answerText: null, attachments: [] });

    const steps = await history(timedStaff, id);
    expect(kinds(steps, 'request.sent')).toHaveLength(3);
    expect(kinds(steps, 'request.answered').map((e) => e.detail.channel).sort()).toEqual(['mail', 'page']);
    expect(kinds(steps, 'request.reminder').map((e) => e.label)).toEqual(['Erinnerung an das Personalamt']);
    expect(kinds(steps, 'request.escalation').map((e) => e.label)).toEqual(['Eskalation an die Leitung des Personalamts']);
    expect(kinds(steps, 'request.no_answer').map((e) => e.label)).toEqual(['Keine Antwort vom Personalamt']);
    expect(kinds(steps, 'request.attachments_dropped')[0]?.label).toContain('makro.exe');

    const done = await timedStaff.post(`/api/tasks/${task.id}/complete`, {
      data: { summary: 'Jugendamt und Wohnungsamt bieten Plätze an; Personalamt hat nicht geantwortet.' },
    });
    expect(done.status).toBe(200);
    expect(done.body.procedure.finished).toBe(true);
    const finished = await timedStaff.get(`/api/procedures/${id}`);
    expect(finished.body).toMatchObject({ status: 'completed', outcome: 'Zusammengeführt (2 von 3 Dienststellen haben geantwortet)' });
  });
});

describe('used, expired, unknown and forged links', () => {
  it('on the page: 410 "bereits beantwortet" and "Antwortfrist abgelaufen"; one and the same 404 for unknown and forged', async () => {
    const used = await openRequest('VHS', `benutzt-${run}`);
    expect((await submitAnswer(used.token, { antwort: 'Erste Antwort der VHS.' })).status).toBe(200);
    const again = await getPage(used.token);
    expect(again.status).toBe(410);
    expect(heading(again.html)).toBe('Diese Anfrage wurde bereits beantwortet');
    expect(again.html).toContain('Anna Schmidt');
    const second = await submitAnswer(used.token, { antwort: 'Zweite Antwort, die nicht zählen darf.' });
    expect(second.status).toBe(410);
    expect(heading(second.html)).toBe('Diese Anfrage wurde bereits beantwortet');
    const task = await consolidationTask(staff, used.id);
    expect(task.context.outcomes[0]).toMatchObject({ status: 'answered', answerText: 'Erste Antwort der VHS.' });
    const usedHistory = await history(staff, used.id);
    expect(kinds(usedHistory, 'request.answered')).toHaveLength(1);
    expect(kinds(usedHistory, 'request.answer_rejected')).toEqual([
      expect.objectContaining({ label: 'Antwort der Volkshochschule über die Antwortseite abgewiesen: Anfrage bereits beantwortet' }),
    ]);

    const expired = await expiredRequest('KULT', `abgelaufen-${run}`);
    const late = await getPage(expired.token);
    expect(late.status).toBe(410);
    expect(heading(late.html)).toBe('Die Antwortfrist ist abgelaufen');
    const latePost = await submitAnswer(expired.token, { antwort: 'Leider zu spät.' });
    expect(latePost.status).toBe(410);
    expect(heading(latePost.html)).toBe('Die Antwortfrist ist abgelaufen');

    const unknown = await getPage(randomBytes(32).toString('base64url'));
    const forged = await getPage(forge(used.token));
    const garbage = await getPage('abc%3Cscript%3E');
    expect(unknown.status).toBe(404);
    expect(heading(unknown.html)).toBe('Dieser Link ist nicht gültig');
    for (const other of [forged, garbage]) expect(other).toEqual(unknown);
    const forgedPost = await submitAnswer(forge(expired.token), { antwort: 'Hallo' });
    expect(forgedPost).toEqual(unknown);
  });

  it('still takes an answer after the deadline within the grace period, replacing "keine Antwort"', async () => {
    const lenient = await spawnApi({ ANSWER_GRACE: '1m', PUBLIC_RATE_LIMIT: '10000' });
    try {
      const d = dept('KULT');
      const lenientStaff = await ApiClient.as(staffEmail, DEMO_PASSWORD, lenient.url);
      const id = await startConsultation(lenientStaff, { subject: 'Anfrage Nachfrist-Probe', question: QUESTION, departmentIds: [d.id], deadline: '1s' });
      const mail = (await requestMails('Nachfrist-Probe', [d])).get(d.id) as CaughtMail;
      await eventually(async () => ((await history(staff, id)).some((e) => e.kind === 'request.no_answer') ? true : undefined), 20_000, 'keine Antwort');
      const late = await fetch(`${testStack().url}/answer/${linkToken(mail)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ antwort: 'Entschuldigung, etwas spät: wir beteiligen uns.' }).toString(),
      });
      expect(late.status).toBe(200);
      const steps = kinds(await history(staff, id), 'request.answered');
      expect(steps.map((e) => e.label)).toEqual(['Verspätete Antwort des Kulturamts (Antwortseite)']);
    } finally {
      await lenient.stop();
    }
  });

  it('by mail: a reply to an answered or expired request gets a polite automatic answer and changes nothing', async () => {
    const marker = `antwort-benutzt-${run}`;
    const used = await openRequest('SOZ', marker);
    expect((await submitAnswer(used.token, { antwort: 'Antwort des Sozialamts über die Seite.' })).status).toBe(200);
    const sender = `sozialamt.${marker}@stadt.localhost`;
    await sendToInbound(replyFrom(sender, used.mail, `Nachtrag per Mail.\n\n${quoted(used.mail)}`));
    const [rejected] = await handledMailsFrom(sender, 1);
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'already answered' });
    const [polite] = await autoRepliesAbout(marker);
    expect(polite?.envelopeTo).toEqual([sender]);
    expect(polite?.text).toContain('liegt uns bereits eine Antwort vor');
    expect(polite?.text).toContain('Anna Schmidt (anna.schmidt@amtsflow.localhost)');
    const task = await consolidationTask(staff, used.id);
    expect(task.context.outcomes[0]).toMatchObject({ channel: 'page', answerText: 'Antwort des Sozialamts über die Seite.' });
    expect(kinds(await history(staff, used.id), 'request.answer_rejected')).toEqual([
      expect.objectContaining({ label: 'Antwort des Sozialamts per Mail abgewiesen: Anfrage bereits beantwortet' }),
    ]);

    const lateMarker = `antwort-spaet-${run}`;
    const expired = await expiredRequest('ORDA', lateMarker);
    const lateSender = `ordnungsamt.${lateMarker}@stadt.localhost`;
    await sendToInbound(replyFrom(lateSender, expired.mail, `Hier unsere verspätete Antwort.\n\n${quoted(expired.mail)}`));
    const [late] = await handledMailsFrom(lateSender, 1);
    expect(late).toMatchObject({ status: 'rejected', reason: 'answer deadline passed' });
    const [lateReply] = await autoRepliesAbout(lateMarker);
    expect(lateReply?.envelopeTo).toEqual([lateSender]);
    expect(lateReply?.text).toMatch(/Antwortfrist .* ist am .* abgelaufen/);
    const lateTask = await consolidationTask(timedStaff, expired.id);
    expect(lateTask.context.outcomes[0]).toMatchObject({ status: 'no_answer', answerText: null });
  });

  it('by mail: a reply with an unknown, forged or missing token is rejected with the reason and answered by nothing', async () => {
    const marker = `gefaelscht-${run}`;
    const open = await openRequest('GESA', marker);
    const cases = [
      { sender: `unbekannt.${marker}@example.org`, to: `reply+${randomBytes(32).toString('base64url')}@${INBOUND_DOMAIN}`, reason: 'no valid answer token (unknown or forged)' },
      { sender: `faelscher.${marker}@example.org`, to: `reply+${forge(open.token)}@${INBOUND_DOMAIN}`, reason: 'no valid answer token (unknown or forged)' },
      { sender: `ohne.${marker}@example.org`, to: `antwort@${INBOUND_DOMAIN}`, reason: 'no answer token in the recipients' },
    ];
    for (const c of cases) {
      await sendToInbound({ envelope: { from: c.sender, to: [c.to] }, from: c.sender, to: c.to, subject: `Re: Anfrage ${marker}`, text: 'Unsere Antwort.' });
    }
    for (const c of cases) expect(await handledMailsFrom(c.sender, 1)).toEqual([expect.objectContaining({ status: 'rejected', reason: c.reason })]);
    // The automatic answer would be written with the status; none was.
    expect((await outboxAbout(marker)).filter((m) => m.subject.startsWith('Automatische Antwort'))).toEqual([]);
    expect((await getPage(open.token)).status).toBe(200);
    expect(kinds(await history(staff, open.id), 'request.answer_rejected')).toEqual([]);
  });

  it('keeps a malformed mail as rejected with its reason, tells the department, and the request stays open', async () => {
    const marker = `kaputt-${run}`;
    const open = await openRequest('SCHU', marker);
    const sender = `kaputt.${marker}@stadt.localhost`;
    await sendToInbound({
      envelope: { from: sender, to: [replyAddress(open.mail)] },
      raw: Buffer.from('das ist keine Mail\r\nsondern \u0000 Rauschen ohne Kopfzeilen\r\n', 'latin1'),
    });
    const [row] = await handledMailsFrom(sender, 1);
    expect(row).toMatchObject({ status: 'rejected', reason: 'unreadable: not an Internet message, no header fields' });
    const [told] = await autoRepliesAbout(marker);
    expect(told?.envelopeTo).toEqual([sender]);
    expect(told?.text).toContain('Leider konnten wir sie nicht lesen');
    expect(kinds(await history(staff, open.id), 'request.answer_rejected').map((e) => e.label)).toEqual([
      'Antwort des Amts für Schulentwicklung per Mail abgewiesen: Mail nicht lesbar',
    ]);
    expect((await getPage(open.token)).status).toBe(200);
    expect(kinds(await history(staff, open.id), 'request.answered')).toEqual([]);
  });
});

describe('mail replies', () => {
  it('takes an HTML-only reply as its text, without the quoted request', async () => {
    const marker = `html-${run}`;
    const open = await openRequest('STPL', marker);
    const sender = `stadtplanung.${marker}@stadt.localhost`;
    const to = replyAddress(open.mail);
    await sendToInbound({
      envelope: { from: sender, to: [to] },
      from: sender,
      to,
      subject: `Re: ${open.mail.subject}`,
      html:
        '<div>Wir fördern <b>12</b> Projekte in Kalk und Mülheim.</div><div><br></div><div>Details folgen.</div>' +
        '<div>Am 12.03.2026 um 10:15 schrieb Amt für Integration &lt;integration@amtsflow.localhost&gt;:</div>' +
        `<blockquote type="cite"><p>Guten Tag,</p><p>${QUESTION}</p></blockquote>`,
    });
    expect(await handledMailsFrom(sender, 1)).toEqual([expect.objectContaining({ status: 'accepted' })]);
    const task = await consolidationTask(staff, open.id);
    const [outcome] = task.context.outcomes;
    expect(outcome?.channel).toBe('mail');
    expect(outcome?.answerText).toBe('Wir fördern 12 Projekte in Kalk und Mülheim.\n\nDetails folgen.');
  });

  it('stores and counts the same reply delivered twice at once only once, and sends no automatic answer for the copy', async () => {
    const marker = `doppelt-${run}`;
    const open = await openRequest('JUGA', marker);
    const sender = `jugendamt.${marker}@stadt.localhost`;
    const mail = replyFrom(sender, open.mail, `Einmal gemeint, zweimal zugestellt.\n\n${quoted(open.mail)}`, {
      messageId: `<doppelt-${marker}@stadt.localhost>`,
    });
    await Promise.all([sendToInbound(mail), sendToInbound(mail)]);
    const rows = await handledMailsFrom(sender, 1);
    expect(rows.map((r) => r.status)).toEqual(['accepted']);
    // A third copy, well after the first was handled, is not stored either.
    await sendToInbound(mail);
    expect(await handledMailsFrom(sender, 1)).toEqual(rows);
    expect(kinds(await history(staff, open.id), 'request.answered')).toHaveLength(1);
    expect(kinds(await history(staff, open.id), 'request.answer_rejected')).toEqual([]);
    expect((await outboxAbout(marker)).filter((m) => m.subject.startsWith('Automatische Antwort'))).toEqual([]);
    const task = await consolidationTask(staff, open.id);
    expect(task.context.outcomes[0]?.answerText).toBe('Einmal gemeint, zweimal zugestellt.');
  });

  it('takes neither an empty reply nor an out-of-office notice as the answer; only the person who wrote is told', async () => {
    const marker = `leer-abwesend-${run}`;
    const open = await openRequest('VHS', marker);
    const person = `vhs.${marker}@stadt.localhost`;
    await sendToInbound(replyFrom(person, open.mail, `\n\n${quoted(open.mail)}`));
    const robot = `abwesend.${marker}@stadt.localhost`;
    await sendToInbound(
      replyFrom(robot, open.mail, 'Ich bin bis zum 30. März nicht im Büro.', { headers: { 'Auto-Submitted': 'auto-replied' } }),
    );
    expect(await handledMailsFrom(person, 1)).toEqual([
      expect.objectContaining({ status: 'rejected', reason: 'empty reply: no text and no attachments' }),
    ]);
    expect(await handledMailsFrom(robot, 1)).toEqual([expect.objectContaining({ status: 'rejected', reason: expect.stringMatching(/^automatic mail/) })]);
    const told = (await outboxAbout(marker)).filter((m) => m.subject.startsWith('Automatische Antwort'));
    expect(told.map((m) => m.to)).toEqual([[person]]);
    const [polite] = await autoRepliesAbout(marker);
    expect(polite?.text).toContain('Die Anfrage ist weiterhin offen');
    expect((await getPage(open.token)).status).toBe(200);
    expect(kinds(await history(staff, open.id), 'request.answer_rejected').map((e) => e.detail.reason).sort()).toEqual(['automatic', 'empty']);
  });

  it('finds the token in the To header when a relay lower-cased the envelope recipient', async () => {
    const marker = `klein-${run}`;
    const open = await openRequest('WOHN', marker);
    const sender = `wohnungsamt.${marker}@stadt.localhost`;
    const address = replyAddress(open.mail);
    expect(address.toLowerCase()).not.toBe(address);
    await sendToInbound({
      envelope: { from: sender, to: [address.toLowerCase()] },
      from: sender,
      to: address,
      subject: `Re: ${open.mail.subject}`,
      text: 'Antwort trotz kleingeschriebenem Umschlag.',
    });
    expect(await handledMailsFrom(sender, 1)).toEqual([expect.objectContaining({ status: 'accepted' })]);
    const task = await consolidationTask(staff, open.id);
    expect(task.context.outcomes[0]).toMatchObject({ channel: 'mail', answerText: 'Antwort trotz kleingeschriebenem Umschlag.' });
  });
});

describe('the answer page', () => {
  const hostile = 'Sprachkurse <script>alert(1)</script> & "Quoten"';

  it('shows the request and a labelled form that works without JavaScript, escaping every text', async () => {
    const marker = `seite-${run}`;
    const open = await openRequest('PERS', marker, {
      subject: `${hostile} ${marker}`,
      question: 'Wie viele Stellen? <img src=x onerror=alert(1)>\nZweite Zeile.',
    });
    const page = await getPage(open.token);
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.html).toMatch(/<html lang="de">/);
    expect(page.html.match(/<main>/g)).toHaveLength(1);
    expect(page.html).not.toMatch(/<script|<img/i);
    expect(page.html).toContain('Sprachkurse &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Quoten&quot;');
    expect(page.html).toContain('Personalamt');
    expect(heading(page.html)).toBe('Anfrage des Amts für Integration');
    expect(page.html).toMatch(/<dt>Antwort bis<\/dt><dd>[^<]*20\d\d[^<]*<\/dd>/);
    // Every input has its label, in the order they are reached by keyboard.
    const ids = [...page.html.matchAll(/<(?:input|textarea)\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['antwort', 'anhaenge']);
    for (const id of ids) expect(page.html).toContain(`<label for="${id}">`);
    expect(attribute(tagWithId(page.html, 'antwort'), 'aria-describedby')).toBe('antwort-hinweis');
    const files = tagWithId(page.html, 'anhaenge');
    expect(files).toMatch(/type="file"/);
    expect(files).toMatch(/\smultiple[\s>]/);
    expect(attribute(files, 'accept')).toContain('.pdf');
    expect(page.html).toMatch(/<form method="post" enctype="multipart\/form-data"/);
  });

  it('refuses a missing answer with 400 and the message next to the text field', async () => {
    const open = await openRequest('ORDA', `leer-${run}`);
    const empty = await submitAnswer(open.token, { antwort: '   ' });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html, 'antwort-fehler')).toBe('Fehler: Bitte schreiben Sie Ihre Antwort.');
    const textarea = tagWithId(empty.html, 'antwort');
    expect(attribute(textarea, 'aria-describedby')).toBe('antwort-hinweis antwort-fehler');
    expect(attribute(textarea, 'aria-invalid')).toBe('true');
    expect(textOf(empty.html, 'fehler-titel')).toBe('Bitte prüfen Sie Ihre Angaben');
    expect(empty.html).toContain('<a href="#antwort">Bitte schreiben Sie Ihre Antwort.</a>');
    // Sent as a plain form (no files) the same.
    const plain = await postRaw(open.token, 'antwort=', 'application/x-www-form-urlencoded');
    expect(plain.status).toBe(400);
    expect(textOf(plain.html, 'antwort-fehler')).toBe('Fehler: Bitte schreiben Sie Ihre Antwort.');
    expect((await getPage(open.token)).status).toBe(200);
  });

  it('refuses a disallowed, a disguised, a too large file and a sixth file next to the file input, keeping the text', async () => {
    const open = await openRequest('GESA', `dateien-${run}`);
    const typed = 'Unsere Antwort </textarea><b>mit Markup</b>';
    const exe = await submitAnswer(open.token, { antwort: typed }, [{ name: 'programm.exe', type: 'application/x-msdownload', content: 'MZ' }]);
    expect(exe.status).toBe(400);
    expect(textOf(exe.html, 'anhaenge-fehler')).toContain('„programm.exe“ hat einen Dateityp, den wir nicht annehmen können');
    expect(attribute(tagWithId(exe.html, 'anhaenge'), 'aria-describedby')).toBe('anhaenge-hinweis anhaenge-fehler');
    expect(textOf(exe.html, 'antwort')).toBe(typed);
    expect(exe.html).not.toContain('<b>mit Markup</b>');
    expect(textOf(exe.html, 'anhaenge-hinweis')).toContain('bitte wählen Sie sie erneut aus');

    const disguised = await submitAnswer(open.token, { antwort: typed }, [{ name: 'bericht.pdf', type: 'text/html', content: '<html>' }]);
    expect(disguised.status).toBe(400);
    expect(textOf(disguised.html, 'anhaenge-fehler')).toContain('„bericht.pdf“');

    const big = await submitAnswer(open.token, { antwort: typed }, [{ name: 'gross.pdf', type: 'application/pdf', content: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41) }]);
    expect(big.status).toBe(400);
    expect(textOf(big.html, 'anhaenge-fehler')).toBe('Fehler: „gross.pdf“ ist größer als 10 MB.');
    expect(textOf(big.html, 'antwort')).toBe(typed);

    const six = Array.from({ length: 6 }, (_, i) => ({ name: `teil-${i + 1}.txt`, type: 'text/plain', content: `Teil ${i + 1}` }));
    const tooMany = await submitAnswer(open.token, { antwort: typed }, six);
    expect(tooMany.status).toBe(400);
    expect(textOf(tooMany.html, 'anhaenge-fehler')).toBe('Fehler: Bitte hängen Sie höchstens 5 Dateien an.');

    expect((await getPage(open.token)).status).toBe(200);
    const ok = await submitAnswer(open.token, { antwort: 'Mit fünf Dateien.' }, six.slice(0, 5));
    expect(ok.status).toBe(200);
    const task = await consolidationTask(staff, open.id);
    expect(task.context.outcomes[0]?.attachments.map((a) => a.filename).sort()).toEqual(six.slice(0, 5).map((f) => f.name));
  });

  it('checks structured answers against the consultation\'s answer form', async () => {
    const marker = `formular-${run}`;
    const open = await openRequest('SOZ', marker, {
      answerForm: [
        { key: 'plaetze', label: 'Freie Plätze', type: 'number', required: true, unit: 'Plätze', min: 0, max: 500 },
        { key: 'bemerkung', label: 'Bemerkung', type: 'text', required: false },
      ],
    });
    const page = await getPage(open.token);
    const places = tagWithId(page.html, 'feld-plaetze');
    expect(attribute(places, 'type')).toBe('number');
    expect(attribute(places, 'min')).toBe('0');
    expect(attribute(places, 'max')).toBe('500');
    expect(page.html).toContain('<label for="feld-plaetze">Freie Plätze (Plätze) – Pflichtangabe</label>');
    expect(page.html).toContain('<label for="feld-bemerkung">Bemerkung</label>');

    const nothing = await submitAnswer(open.token, {});
    expect(nothing.status).toBe(400);
    expect(textOf(nothing.html, 'antwort-fehler')).toBe('Fehler: Bitte schreiben Sie Ihre Antwort oder füllen Sie die Angaben aus.');

    const tooMany = await submitAnswer(open.token, { antwort: 'Siehe Angaben.', feld_plaetze: '600', feld_bemerkung: 'vorläufig' });
    expect(tooMany.status).toBe(400);
    expect(textOf(tooMany.html, 'feld-plaetze-fehler')).toBe('Fehler: Der Wert muss höchstens 500 sein.');
    expect(attribute(tagWithId(tooMany.html, 'feld-plaetze'), 'value')).toBe('600');
    expect(attribute(tagWithId(tooMany.html, 'feld-plaetze'), 'aria-describedby')).toBe('feld-plaetze-hinweis feld-plaetze-fehler');
    expect(attribute(tagWithId(tooMany.html, 'feld-bemerkung'), 'value')).toBe('vorläufig');
    expect(textOf(tooMany.html, 'antwort')).toBe('Siehe Angaben.');
    expect(tagWithId(tooMany.html, 'antwort-fehler')).toBeUndefined();

    const notANumber = await submitAnswer(open.token, { feld_plaetze: 'zwölf' });
    expect(textOf(notANumber.html, 'feld-plaetze-fehler')).toBe('Fehler: Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 12,5.');
    const missing = await submitAnswer(open.token, { feld_bemerkung: 'nur eine Bemerkung' });
    expect(textOf(missing.html, 'feld-plaetze-fehler')).toBe('Fehler: Bitte füllen Sie dieses Feld aus.');

    const ok = await submitAnswer(open.token, { antwort: '', feld_plaetze: '12,5', feld_bemerkung: 'Stand März' });
    expect(ok.status).toBe(200);
    const task = await consolidationTask(staff, open.id);
    expect(task.context.outcomes[0]).toMatchObject({ status: 'answered', channel: 'page', answerData: { plaetze: 12.5, bemerkung: 'Stand März' } });
  });

  it('marks a translation field with its language and direction, and keeps the text as written', async () => {
    const marker = `uebersetzung-${run}`;
    const open = await openRequest('SOZ', marker, {
      answerForm: [
        {
          key: 'uebersetzung',
          label: 'Übersetzung ins Arabische',
          hint: 'Bitte übersetzen Sie den Text oben ins Arabische. Das Feld schreibt von rechts nach links.',
          type: 'text',
          required: true,
          lines: 8,
          lang: 'ar',
          dir: 'rtl',
        },
      ],
    });
    const page = await getPage(open.token);
    const field = tagWithId(page.html, 'feld-uebersetzung');
    expect(field).toMatch(/^<textarea /);
    expect([attribute(field, 'lang'), attribute(field, 'dir'), attribute(field, 'rows')]).toEqual(['ar', 'rtl', '8']);
    expect(attribute(field, 'aria-describedby')).toBe('feld-uebersetzung-hinweis');
    expect(textOf(page.html, 'feld-uebersetzung-hinweis')).toBe('Bitte übersetzen Sie den Text oben ins Arabische. Das Feld schreibt von rechts nach links.');

    const arabic = 'احصل على لقاح الإنفلونزا مجانًا في مركز الصحة.\nاسأل طبيبك.';
    expect((await submitAnswer(open.token, { antwort: '', feld_uebersetzung: arabic })).status).toBe(200);
    const task = await consolidationTask(staff, open.id);
    expect(task.context.outcomes[0]).toMatchObject({ status: 'answered', answerData: { uebersetzung: arabic } });
  });

  it('refuses a translation field whose language is no language code, naming the field', async () => {
    const reply = await staff.post('/api/procedures', {
      type: 'department-consultation',
      input: {
        subject: 'Übersetzung mit falscher Sprache',
        question: 'Bitte übersetzen Sie diesen Text.',
        departmentIds: [dept('SOZ').id],
        answerForm: [{ key: 'uebersetzung', label: 'Übersetzung', type: 'text', lang: 'Arabisch' }],
      },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toContainEqual({ path: 'input.answerForm.0.lang', message: 'Die Sprache wird mit zwei oder drei Kleinbuchstaben angegeben, zum Beispiel tr.' });
  });

  it('asks a yes/no question as two radio buttons under its question, and keeps the answer as yes or no', async () => {
    const marker = `janein-${run}`;
    const open = await openRequest('SOZ', marker, {
      answerForm: [{ key: 'beteiligung', label: 'Beteiligt sich Ihre Dienststelle?', type: 'yesno', required: true }],
    });
    const page = await getPage(open.token);
    expect(page.html).toContain('<legend>Beteiligt sich Ihre Dienststelle? – Pflichtangabe</legend>');
    expect(page.html).toContain('<input type="radio" name="feld_beteiligung" value="ja" required> Ja</label>');
    expect(page.html).toContain('<input type="radio" name="feld_beteiligung" value="nein" required> Nein</label>');

    const neither = await submitAnswer(open.token, { antwort: 'Siehe Angabe.' });
    expect(neither.status).toBe(400);
    expect(textOf(neither.html, 'feld-beteiligung-fehler')).toBe('Fehler: Bitte wählen Sie Ja oder Nein.');
    // A forged value is no third answer.
    const forged = await submitAnswer(open.token, { antwort: 'Siehe Angabe.', feld_beteiligung: 'vielleicht' });
    expect(textOf(forged.html, 'feld-beteiligung-fehler')).toBe('Fehler: Bitte wählen Sie Ja oder Nein.');
    expect(attribute(tagWithId(forged.html, 'feld-beteiligung'), 'aria-invalid')).toBe('true');

    expect((await submitAnswer(open.token, { antwort: '', feld_beteiligung: 'nein' })).status).toBe(200);
    const task = await consolidationTask(staff, open.id);
    expect(task.context.outcomes[0]).toMatchObject({ status: 'answered', answerData: { beteiligung: false } });
  });

  it('tells someone who sends too many requests to wait, on a German page', async () => {
    const limited = await spawnApi({ PUBLIC_RATE_LIMIT: '3' });
    try {
      const token = randomBytes(32).toString('base64url');
      const replies = [];
      for (let i = 0; i < 4; i++) replies.push(await getPage(token, limited.url));
      expect(replies.map((r) => r.status)).toEqual([404, 404, 404, 429]);
      expect(replies[3]?.contentType).toMatch(/^text\/html/);
      expect(heading(replies[3]?.html ?? '')).toBe('Zu viele Anfragen');
    } finally {
      expect(await limited.stop()).toBe(0);
    }
  });

  it('answers malformed and oversized submissions with German pages, never a 500', async () => {
    const open = await openRequest('KULT', `kaputt-form-${run}`);
    const noBoundary = await postRaw(open.token, 'antwort=x', 'multipart/form-data');
    expect(noBoundary.status).toBe(400);
    expect(heading(noBoundary.html)).toBe('Das Formular konnte nicht gelesen werden');
    const truncated = await postRaw(open.token, '--grenze\r\nContent-Disposition: form-data; name="antwort"\r\n\r\nHallo', 'multipart/form-data; boundary=grenze');
    expect(truncated.status).toBe(400);
    expect(heading(truncated.html)).toBe('Das Formular konnte nicht gelesen werden');
    const huge = await postRaw(open.token, `antwort=${'x'.repeat(400 * 1024)}`, 'application/x-www-form-urlencoded');
    expect(huge.status).toBe(413);
    expect(heading(huge.html)).toBe('Die gesendeten Daten sind zu groß');
    for (const reply of [noBoundary, truncated, huge]) expect(reply.contentType).toMatch(/^text\/html/);
    expect((await getPage(open.token)).status).toBe(200);
  });
});
