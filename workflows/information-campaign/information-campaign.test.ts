import { ApiClient, eventually, listQuery } from '../../tests/support/client';
import { getPage, linkToken, mailsAbout, submitAnswer, type CaughtMail } from '../../tests/support/consultation';
import { hasEveryWord, pdfText } from '../../tests/support/pdf-text';
import { DEMO_PASSWORD, testStack } from '../../tests/support/stack-env';
import { complete, openTask, procedureWhen } from '../../tests/support/tasks';

// The Informationskampagne on the real stack: the Gesundheitsamt's information translated into
// Arabic and Turkish on the answer page, the Arabic sent back once by the second reader; a flyer
// per language; a mail to each consenting contact in their language; one contact withdrawing by
// the link in their mail and getting no reminder; both organisations reporting; the reach and its gaps.

const run = Date.now().toString(36);
let anna: ApiClient;

beforeAll(async () => {
  anna = await ApiClient.as('anna.schmidt@amtsflow.localhost', DEMO_PASSWORD);
});

const fieldOf = (body: { error?: { fields?: { path: string; message: string }[] } }, path: string) => body.error?.fields?.find((f) => f.path === path)?.message;

async function created(path: string, body: Record<string, unknown>): Promise<string> {
  const reply = await anna.post(path, body);
  if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id as string;
}

async function contact(organisationId: string, name: string, language: string, consent: boolean): Promise<string> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${run}@verein.localhost`;
  const id = await created('/api/organisation-contacts', { organisationId, name, role: 'Vorstand', email, language });
  if (consent) await created('/api/contact-consents', { contactId: id, purpose: 'informationskampagnen', givenOn: '2026-11-02', givenHow: 'schriftlich' });
  return email;
}

async function mailTo(marker: string, address: string, what: (m: CaughtMail) => boolean = () => true, count = 1): Promise<CaughtMail[]> {
  return eventually(async () => {
    const found = (await mailsAbout(marker)).filter((m) => m.envelopeTo.includes(address) && what(m));
    return found.length >= count ? found : undefined;
  }, 60_000, `a mail about ${marker} to ${address}`);
}

const answerOf = (language: string, title: string, text: string, letter: string) => ({
  antwort: '',
  [`feld_titel_${language}`]: title,
  [`feld_text_${language}`]: text,
  [`feld_anschreiben_${language}`]: letter,
});

describe('Informationskampagne', () => {
  it('translates, checks, prints, writes to each consenting contact in their language and reports the reach with its gaps', async () => {
    const departments = (await anna.get(`/api/departments?${listQuery({}, [0, 99])}`)).body as { id: string; code: string }[];
    const gesundheitsamt = departments[0]?.id as string;
    const districts = (await anna.get(`/api/districts?${listQuery({ kind: 'stadtbezirk' })}`)).body as { id: string; name: string }[];
    const [kalk, chorweiler] = ['Kalk', 'Chorweiler'].map((n) => (districts.find((d) => d.name === n) as { id: string }).id);

    const karimMail = `karim.${run}@sprachmittlung.localhost`;
    const ayseMail = `ayse.${run}@sprachmittlung.localhost`;
    const karim = await created('/api/translators', { name: `Karim Haddad ${run}`, email: karimMail, languages: ['ar'] });
    const ayse = await created('/api/translators', { name: `Ayşe Demir ${run}`, email: ayseMail, languages: ['tr'] });

    const alNur = await created('/api/organisations', { name: `Al-Nur Kulturverein ${run}`, kind: 'kulturverein', communities: ['Syrische Community'], districtIds: [kalk] });
    const yeniUmut = await created('/api/organisations', { name: `Elternverein Yeni Umut ${run}`, kind: 'elternverein', communities: ['Türkische Community'], districtIds: [kalk] });
    const rana = await contact(alNur, 'Rana Khalil', 'ar', true);
    const omar = await contact(alNur, 'Omar Saleh', 'de', true);
    const noConsent = await contact(alNur, 'Samir Aziz', 'ar', false);
    const elif = await contact(yeniUmut, 'Elif Yildiz', 'tr', true);
    const jonas = await contact(yeniUmut, 'Jonas Becker', 'de', true);

    const title = `Grippeschutzimpfung ${run}`;
    const started = await anna.post('/api/procedures', {
      type: 'information-campaign',
      input: {
        departmentId: gesundheitsamt,
        title,
        text: 'Die Grippeschutzimpfung ist für alle über 60 Jahre kostenlos. Termine gibt es beim Gesundheitsamt und in jeder Hausarztpraxis.',
        translations: [
          { language: 'ar', translatorId: karim },
          { language: 'tr', translatorId: ayse },
        ],
        organisationIds: [alNur, yeniUmut],
        communities: ['Syrische Community', 'Eritreische Community'],
        districtIds: [kalk, chorweiler],
      },
    });
    expect(started.status).toBe(201);
    const procedureId = started.body.id as string;

    // Each translator is asked for their language only, on the answer page, the fields marked with it.
    const [toKarim] = await mailTo(`Übersetzung: ${title}`, karimMail);
    const karimPage = await getPage(linkToken(toKarim as CaughtMail));
    expect(karimPage.html).toMatch(/lang="ar" dir="rtl"/);
    expect(karimPage.html).not.toContain('feld_titel_tr');
    const [toAyse] = await mailTo(`Übersetzung: ${title}`, ayseMail);
    const incomplete = await submitAnswer(linkToken(toAyse as CaughtMail), { antwort: '', feld_titel_tr: 'Grip aşısı' });
    expect(incomplete.status).toBe(400);
    expect((await submitAnswer(linkToken(toAyse as CaughtMail), answerOf('tr', `Grip aşısı ${run}`, '60 yaş üstü herkes için grip aşısı ücretsizdir.', 'Merhaba, lütfen bu bilgiyi paylaşın.'))).status).toBe(200);
    expect((await submitAnswer(linkToken(toKarim as CaughtMail), answerOf('ar', `لقاح الإنفلونزا ${run}`, 'لقاح الإنفلونزا مجاني', 'مرحبا'))).status).toBe(200);

    // The second reader sends the Arabic back with a note; the translator gets it in a second round.
    const checks = await eventually(async () => {
      const listed = (await anna.get(`/api/tasks?${listQuery({ procedureId })}`)).body as { id: string; formKind: string; status: string }[];
      const open = listed.filter((t) => t.formKind === 'uebersetzung-pruefen' && t.status === 'open');
      return open.length === 2 ? Promise.all(open.map(async (t) => (await anna.get(`/api/tasks/${t.id}`)).body as { id: string; context: { language: string } })) : undefined;
    }, 60_000, 'two translation checks');
    const arabicCheck = checks.find((t) => t.context.language === 'ar') as { id: string };
    const turkishCheck = checks.find((t) => t.context.language === 'tr') as { id: string };
    await complete(anna, turkishCheck, { decision: 'approve' });
    await complete(anna, arabicCheck, { decision: 'reject', comment: 'Bitte den vollständigen Text übersetzen, auch die Termine.' });
    const [again] = await mailTo(`Übersetzung: ${title}`, karimMail, (m) => m.text.includes('merkt die Prüfung an: Bitte den vollständigen Text übersetzen'));
    expect((await mailsAbout(`Übersetzung: ${title}`)).filter((m) => m.envelopeTo.includes(ayseMail) && m.subject.startsWith('Anfrage'))).toHaveLength(1);
    const arabicTitle = `لقاح الإنفلونزا مجاني ${run}`;
    expect((await submitAnswer(linkToken(again as CaughtMail), answerOf('ar', arabicTitle, 'لقاح الإنفلونزا مجاني لكل من تجاوز الستين. المواعيد في مكتب الصحة.', 'مرحبا، نرجو مشاركة هذه المعلومات.'))).status).toBe(200);
    const secondCheck = await openTask(anna, procedureId, 'uebersetzung-pruefen', 60_000);
    expect(secondCheck.context).toMatchObject({ language: 'ar', round: 2, translation: { title: arabicTitle } });
    await complete(anna, secondCheck, { decision: 'approve' });

    // The reminder comes seconds after the mails (the test stack): Jonas withdraws by his link and
    // Al-Nur reports before it, so that Yeni Umut's reminder goes to Elif alone.
    const [toJonas] = await mailTo(title, jonas, (m) => m.subject === `${title} – Amt für Integration der Stadt Köln`);
    const withdraw = /\/einwilligung\/([0-9a-f]{64})/.exec((toJonas as CaughtMail).text)?.[1] as string;
    const withdrawn = await fetch(`${testStack().url}/einwilligung/${withdraw}`, { method: 'POST' });
    expect(await withdrawn.text()).toContain('Ihre Einwilligung ist widerrufen');
    const carla = await ApiClient.as('carla.nowak@amtsflow.localhost', DEMO_PASSWORD);
    const [jonasRow] = (await anna.get(`/api/organisation-contacts?${listQuery({ organisationId: yeniUmut, q: 'Jonas Becker' })}`)).body as { id: string }[];
    const audited = (await carla.get(`/api/audit?${listQuery({ entityId: jonasRow?.id, action: 'organisation-contacts.consent_withdrawn' })}`)).body as { actorId: string | null; detail: unknown }[];
    expect(audited).toEqual([expect.objectContaining({ actorId: null, detail: { purposes: ['informationskampagnen'], how: 'link' } })]);
    const [toRana] = await mailTo(arabicTitle, rana);
    expect((await submitAnswer(linkToken(toRana as CaughtMail), { antwort: '', feld_erreicht: '-3' })).status).toBe(400);
    expect((await submitAnswer(linkToken(toRana as CaughtMail), { antwort: '', feld_erreicht: '45', feld_anlass: 'Freitagstreffen im Vereinsraum' })).status).toBe(200);

    // Each consenting contact got the mail in their language, with both links; who did not consent got none.
    expect(toRana?.subject).toBe(`${arabicTitle} – Amt für Integration der Stadt Köln`);
    expect(toRana?.text).toContain('لقاح الإنفلونزا مجاني لكل من تجاوز الستين');
    const [toElif] = await mailTo(`Grip aşısı ${run}`, elif);
    expect(toElif?.text).toContain('60 yaş üstü herkes için grip aşısı ücretsizdir.');
    const [toOmar] = await mailTo(title, omar, (m) => m.subject === `${title} – Amt für Integration der Stadt Köln`);
    expect(toOmar?.text).toContain('Termine gibt es beim Gesundheitsamt');
    expect((await mailsAbout(run)).some((m) => m.envelopeTo.includes(noConsent))).toBe(false);
    for (const mail of [toRana, toElif, toOmar, toJonas] as CaughtMail[]) {
      expect(mail.text).toMatch(/Rückmeldung bis .+: http\S+\/answer\//);
      expect(mail.text).toMatch(/Keine Mails zu Informationskampagnen mehr erhalten: http\S+\/einwilligung\/[0-9a-f]{64}/);
      expect(mail.text).toMatch(/Beratung für Ihren Verein \(Gründung, Satzung, Fördermittel\): http\S+\/beratung\n/);
    }

    // The flyers: one per approved language and the German, each PDF with its own words.
    const flyers = (await anna.get(`/api/information-campaigns/${procedureId}/flyers`)).body as { language: string }[];
    expect(flyers.map((f) => f.language).sort()).toEqual(['ar', 'de', 'tr']);
    const turkishPdf = await anna.fetch(`/api/information-campaigns/${procedureId}/flyers/tr`);
    expect(turkishPdf.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(Buffer.from(await turkishPdf.arrayBuffer()))).toContain('60 yaş üstü herkes için grip aşısı ücretsizdir.');
    const arabicPdf = await anna.fetch(`/api/information-campaigns/${procedureId}/flyers/ar`);
    const arabicText = await pdfText(Buffer.from(await arabicPdf.arrayBuffer()));
    for (const sentence of ['لقاح الإنفلونزا مجاني لكل من تجاوز الستين.', 'المواعيد في مكتب الصحة.']) {
      expect({ sentence, found: hasEveryWord(arabicText, sentence) }).toEqual({ sentence, found: true });
    }
    expect((await anna.get(`/api/information-campaigns/${procedureId}/flyers/ti`)).status).toBe(404);

    // Yeni Umut reports after the reminder.
    const [reminder] = await mailTo(title, elif, (m) => m.subject.startsWith('Erinnerung:'));
    expect((await mailsAbout(title)).filter((m) => m.subject.startsWith('Erinnerung:') && m.envelopeTo.includes(jonas))).toEqual([]);
    expect((await mailsAbout(title)).filter((m) => m.subject.startsWith('Erinnerung:') && m.envelopeTo.includes(rana))).toEqual([]);
    expect((await submitAnswer(linkToken(reminder as CaughtMail), { antwort: '', feld_erreicht: '120', feld_anlass: 'Elternabend' })).status).toBe(200);

    const evaluation = await openTask(anna, procedureId, 'kampagne-auswerten', 60_000);
    const reach = evaluation.context.reach as {
      totals: Record<string, number>;
      byLanguage: { name: string; contacts: number; reached: number }[];
      byCommunity: { name: string; reported: number; reached: number }[];
      byDistrict: { name: string; reached: number }[];
      gaps: Record<string, string[]>;
    };
    expect(reach.totals).toEqual({ contacts: 4, organisationsMailed: 2, organisationsReported: 2, reached: 165 });
    expect(reach.byLanguage).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Arabisch', contacts: 1, reached: 45 }),
        expect.objectContaining({ name: 'Türkisch', contacts: 1, reached: 120 }),
        expect.objectContaining({ name: 'Deutsch', contacts: 2, reached: 165 }),
      ]),
    );
    expect(reach.byCommunity).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Syrische Community', reported: 1, reached: 45 })]));
    expect(reach.byDistrict).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Kalk', reached: 165 })]));
    expect(reach.gaps).toEqual({
      notMailed: [],
      notReported: [],
      untranslated: [],
      communities: ['Eritreische Community'],
      districts: ['Chorweiler'],
    });

    // The manager's overview says the same, from what is stored, while the campaign still runs.
    const listed = (await anna.get(`/api/information-campaigns?${listQuery({ q: title })}`)).body as Record<string, unknown>[];
    expect(listed).toEqual([
      expect.objectContaining({ id: procedureId, title, status: 'running', languages: ['ar', 'de', 'tr'], contacts: 4, organisationsMailed: 2, organisationsReported: 2, reached: 165 }),
    ]);
    const overview = (await anna.get(`/api/information-campaigns/${procedureId}`)).body as { reach: unknown; flyers: { language: string }[] };
    expect(overview.reach).toEqual(reach);
    expect(overview.flyers.map((f) => f.language).sort()).toEqual(['ar', 'de', 'tr']);

    await complete(anna, evaluation, { summary: 'Gut angenommen in Kalk.', followUp: 'Eritreische Vereine für die nächste Kampagne gewinnen.' });
    const done = await procedureWhen(anna, procedureId, 'completed');
    expect(done.outcome).toBe('Abgeschlossen: 4 Ansprechpersonen in 3 Sprachen angeschrieben, 2 von 2 Organisationen haben berichtet, 165 Personen erreicht');
  }, 300_000);

  it('refuses a campaign it cannot run, naming the field in German', async () => {
    const silent = await created('/api/organisations', { name: `Eritreischer Frauenverein ${run}`, kind: 'migrantenselbstorganisation', communities: ['Eritreische Community'] });
    await contact(silent, 'Senait Tesfay', 'ti', false);
    const translator = await created('/api/translators', { name: `Senait Haile ${run}`, email: `senait.${run}@sprachmittlung.localhost`, languages: ['ti'] });
    const unreachable = await anna.post('/api/procedures', {
      type: 'information-campaign',
      input: {
        departmentId: ((await anna.get(`/api/departments?${listQuery({}, [0, 0])}`)).body as { id: string }[])[0]?.id,
        title: `Impftermine ${run}`,
        text: 'Impftermine gibt es beim Gesundheitsamt und in jeder Hausarztpraxis.',
        translations: [{ language: 'ar', translatorId: translator }],
        organisationIds: [silent],
      },
    });
    expect(unreachable.status).toBe(400);
    expect(fieldOf(unreachable.body, 'input.translations.0.translatorId')).toBe(`Senait Haile ${run} übersetzt nicht ins Arabische.`);
    expect(fieldOf(unreachable.body, 'input.organisationIds.0')).toBe(
      `Bei „Eritreischer Frauenverein ${run}“ hat keine Ansprechperson mit E-Mail-Adresse in Mails zu Informationskampagnen eingewilligt.`,
    );

    const refused = await anna.post('/api/procedures', {
      type: 'information-campaign',
      input: {
        departmentId: '00000000-0000-4000-8000-000000000000',
        title: 'Impfung',
        text: 'Zu kurz',
        translations: [
          { language: 'de', translatorId: '00000000-0000-4000-8000-000000000000' },
          { language: 'xx', translatorId: '00000000-0000-4000-8000-000000000000' },
        ],
        organisationIds: [],
      },
    });
    expect(refused.status).toBe(400);
    expect(fieldOf(refused.body, 'input.text')).toBe('Der Text hat mindestens 20 Zeichen.');
    expect(fieldOf(refused.body, 'input.translations.0.language')).toBe('Deutsch ist die Sprache der Vorlage; bitte wählen Sie eine Sprache, in die übersetzt wird.');
    expect(fieldOf(refused.body, 'input.translations.1.language')).toMatch(/Sprache/);
    expect(fieldOf(refused.body, 'input.organisationIds')).toBe('Bitte wählen Sie mindestens eine Organisation.');

    expect((await anna.get('/api/information-campaigns/keine-kampagne')).status).toBe(404);
    const badFilter = await anna.get(`/api/information-campaigns?${listQuery({ status: 'vielleicht' })}`);
    expect(badFilter.status).toBe(400);
    expect(fieldOf(badFilter.body, 'query.filter.status')).toBeDefined();
  });
});
