import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { inboundMails, mailbox } from '../db/schema';
import { startMailCatcher } from '../mail/catcher';
import { startInboundListener } from '../mail/inbound';
import { createInboundPath } from '../mail/inbound-path';
import { freePort } from '../stack/ports';
import { supervise, type SupervisedServer } from '../stack/supervisor';
import { eventually } from './support/client';
import { startTestDatabase, type TestDatabase } from './support/test-database';

// The embedded stack's supervisor with the real mail servers (closed under it, started again on
// their port) and with a server that will not stay up (given up, with the reason).

const INBOUND_DOMAIN = 'antwort.amtsflow.test';
let tdb: TestDatabase;
let logs: string[];
const log = (msg: string) => logs.push(msg);

beforeAll(async () => {
  tdb = await startTestDatabase();
});

afterAll(async () => {
  await tdb?.stop();
});

beforeEach(() => {
  logs = [];
});

async function send(port: number, to: string, messageId: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ from: 'jugendamt@stadt.test', to, subject: `Probe ${messageId}`, text: 'Hallo', messageId });
  } finally {
    transport.close();
  }
}

const noGiveUp = (message: string) => {
  throw new Error(`gave up unexpectedly: ${message}`);
};

describe('the supervisor of the embedded servers', () => {
  it('starts the mail catcher again on its port after its server was closed under it', async () => {
    const port = await freePort();
    const catcher = await supervise('mail catcher', () => startMailCatcher({ db: tdb.db, port, log }), { log, giveUp: noGiveUp, initialDelayMs: 200 });
    try {
      await send(port, 'vorher@stadt.test', '<vorher@supervisor.test>');
      catcher.first.server.close(() => undefined);
      await eventually(async () => (logs.some((l) => /mail catcher is back/.test(l)) ? true : undefined), 10_000, 'the catcher back');
      expect(logs[0]).toBe('[supervisor] mail catcher ended (closed without being stopped); starting it again in 200 ms');
      expect(catcher.restarts()).toBe(1);
      expect(catcher.current()?.port).toBe(port);
      await send(port, 'nachher@stadt.test', '<nachher@supervisor.test>');
      const stored = await tdb.db.select({ messageId: mailbox.messageId }).from(mailbox);
      expect(stored.map((m) => m.messageId).sort()).toEqual(['<nachher@supervisor.test>', '<vorher@supervisor.test>']);
    } finally {
      await catcher.stop();
    }
  });

  it('starts the inbound listener again on its port after its server was closed under it', async () => {
    const port = await freePort();
    const path = createInboundPath({ db: tdb.db, handle: async () => undefined, recoveryMs: 0, log });
    const listener = await supervise(
      'inbound mail listener',
      () => startInboundListener({ inbound: path, port, inboundDomain: INBOUND_DOMAIN, log }),
      { log, giveUp: noGiveUp, initialDelayMs: 200 },
    );
    try {
      listener.first.server.close(() => undefined);
      await eventually(async () => (logs.some((l) => /inbound mail listener is back/.test(l)) ? true : undefined), 10_000, 'the listener back');
      await send(port, `reply+token@${INBOUND_DOMAIN}`, '<antwort@supervisor.test>');
      const [row] = await tdb.db.select().from(inboundMails).where(eq(inboundMails.messageId, '<antwort@supervisor.test>'));
      expect(row?.receivedVia).toBe('smtp');
    } finally {
      await listener.stop();
      await path.stop();
    }
  });

  it('does not restart a server it was asked to stop', async () => {
    const port = await freePort();
    const catcher = await supervise('mail catcher', () => startMailCatcher({ db: tdb.db, port, log }), { log, giveUp: noGiveUp, initialDelayMs: 50 });
    await catcher.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(logs).toEqual([]);
    expect(catcher.restarts()).toBe(0);
  });

  it('backs off 1, 2, 4 … times the first delay while the server cannot start, and gives up after too many failures, saying why', async () => {
    let starts = 0;
    const given: string[] = [];
    const dying = (): SupervisedServer => ({ ended: Promise.resolve('exit code 1'), stop: async () => undefined });
    const server = await supervise(
      'Temporal dev server',
      async () => {
        starts++;
        if (starts === 1) return dying();
        throw new Error('port 7233 is in use');
      },
      { log, giveUp: (m) => given.push(m), initialDelayMs: 20, maxFailures: 3, windowMs: 60_000 },
    );
    await eventually(async () => (given.length ? true : undefined), 5_000, 'giving up');
    expect(logs.filter((l) => /(starting it|trying) again/.test(l)).map((l) => /in (\d+ ms)$/.exec(l)?.[1])).toEqual(['20 ms', '40 ms', '80 ms']);
    expect(logs[1]).toBe('[supervisor] Temporal dev server could not be started (start failed: port 7233 is in use); trying again in 40 ms');
    expect(given).toEqual([expect.stringMatching(/^Temporal dev server failed 4 times within 1m00s \(last: start failed: port 7233 is in use\); giving up and stopping the stack/)]);
    expect(starts).toBe(4);
    await server.stop();
  });

  it('stops at once while it waits to restart', async () => {
    const server = await supervise('PostgreSQL', async () => ({ ended: Promise.resolve('killed by SIGKILL'), stop: async () => undefined }), {
      log,
      giveUp: noGiveUp,
      initialDelayMs: 60_000,
    });
    await eventually(async () => (logs.length ? true : undefined), 2_000, 'the death noticed');
    const began = Date.now();
    await server.stop();
    expect(Date.now() - began).toBeLessThan(1_000);
    expect(server.restarts()).toBe(0);
  });
});
