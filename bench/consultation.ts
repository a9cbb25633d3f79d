import nodemailer from 'nodemailer';
import type { ApiClient } from '../tests/support/client';
import { listQuery } from '../tests/support/client';
import { latency, timed, type Latency } from './stats';

// Department answers: the answer page to the procedure's history, and mail replies to the workflow.

interface Caught {
  envelopeTo: string[];
  text: string;
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`bench: gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Starts a consultation to every department and returns its id with each department's token, read from the mails. */
async function consultation(staff: ApiClient, admin: ApiClient, label: string, departmentIds: string[]) {
  const started = await staff.post('/api/procedures', {
    type: 'department-consultation',
    input: { subject: label, question: 'Wie viele Plätze in Sprachkursen bieten Sie an?', departmentIds },
  });
  if (started.status !== 201) throw new Error(`start: ${started.status}`);
  const mails = await waitFor(`the request mails of ${label}`, async () => {
    const found = (await admin.get(`/api/mailbox?${listQuery({ q: label }, [0, 199])}`)).body as Caught[];
    return found.length >= departmentIds.length ? found : undefined;
  });
  const tokens = mails.map((m) => {
    const token = /\/answer\/([A-Za-z0-9_-]{43})/.exec(m.text)?.[1];
    if (!token) throw new Error('no token in a request mail');
    return token;
  });
  return { id: started.body.id as string, tokens };
}

export interface ConsultationFigures {
  pageToHistory: Latency;
  mailsPerSecond: number;
  mails: number;
}

export async function benchConsultation(opts: {
  staff: ApiClient;
  admin: ApiClient;
  apiUrl: string;
  inboundPort: number;
  inboundDomain: string;
  rounds: number;
}): Promise<ConsultationFigures> {
  const { staff, admin } = opts;
  const departments = (await staff.get(`/api/departments?${listQuery({}, [0, 99])}`)).body as { id: string }[];
  const ids = departments.map((d) => d.id);

  // Answer page: submit → the answer is a step in the procedure's history.
  const samples: number[] = [];
  for (let round = 0; round < opts.rounds; round += 1) {
    const c = await consultation(staff, admin, `Bench-Seite ${round}-${Date.now()}`, ids);
    for (const token of c.tokens) {
      samples.push(
        await timed(async () => {
          const res = await fetch(`${opts.apiUrl}/answer/${token}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ antwort: 'Wir bieten 120 Plätze an.' }).toString(),
          });
          if (res.status !== 200) throw new Error(`answer page: ${res.status}`);
          const history = (await staff.get(`/api/procedures/${c.id}/history`)).body as { kind: string }[];
          if (!history.some((e) => e.kind === 'request.answered')) throw new Error('answer not in history');
        }),
      );
    }
  }

  // Mail replies: all departments of several consultations reply at once; done when every workflow moved on.
  const consultations: { id: string; tokens: string[] }[] = [];
  for (let round = 0; round < opts.rounds; round += 1) {
    consultations.push(await consultation(staff, admin, `Bench-Mail ${round}-${Date.now()}`, ids));
  }
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: opts.inboundPort, secure: false, pool: true, maxConnections: 4, ignoreTLS: true });
  const replies = consultations.flatMap((c) => c.tokens.map((token) => ({ token })));
  const start = process.hrtime.bigint();
  await Promise.all(
    replies.map(({ token }, i) =>
      transport.sendMail({
        from: `fachdienst${i}@stadt.localhost`,
        to: `reply+${token}@${opts.inboundDomain}`,
        subject: 'AW: Anfrage des Amts für Integration',
        text: `Wir bieten 80 Plätze an.\n\nAm Montag schrieb das Amt für Integration:\n> Wie viele Plätze …`,
      }),
    ),
  );
  await waitFor('every consultation to reach its consolidation task', async () => {
    for (const c of consultations) {
      const tasks = (await staff.get(`/api/tasks?${listQuery({ procedureId: c.id })}`)).body as unknown[];
      if (tasks.length === 0) return undefined;
    }
    return true;
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  transport.close();
  return { pageToHistory: latency(samples), mailsPerSecond: replies.length / seconds, mails: replies.length };
}
