import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { defaultTemporalCacheDir } from '../../stack/temporal-cli';

// A real IMAP server for the tests of the mailbox poller: GreenMail standalone (Java), fetched
// once from Maven Central into the cache outside the clone that the Temporal CLI uses too.

export const GREENMAIL_VERSION = '2.1.13';
// Maven Central's published checksum of greenmail-standalone-2.1.13.jar: a changed or broken download is refused.
const GREENMAIL_SHA256 = '21b361e46e8ffe83afe7915a2b01231c4a163c8d0fa5de607e32ed19732d908d';
const MAVEN_CENTRAL = process.env.MAVEN_CENTRAL_URL ?? 'https://repo1.maven.org/maven2';
const JAR_URL = `${MAVEN_CENTRAL}/com/icegreen/greenmail-standalone/${GREENMAIL_VERSION}/greenmail-standalone-${GREENMAIL_VERSION}.jar`;

const say = (msg: string) => process.stdout.write(`[greenmail] ${msg}\n`);

export function greenMailJarPath(): string {
  return path.join(defaultTemporalCacheDir(process.env.XDG_CACHE_HOME), `greenmail-${GREENMAIL_VERSION}.jar`);
}

/** GREENMAIL_JAR, the cached jar, or a one-time download from Maven Central (with progress). */
export async function ensureGreenMailJar(): Promise<string> {
  if (process.env.GREENMAIL_JAR) return process.env.GREENMAIL_JAR;
  const target = greenMailJarPath();
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  say(`downloading GreenMail ${GREENMAIL_VERSION} (IMAP test server, ~11 MB) from ${JAR_URL} …`);
  const res = await fetch(JAR_URL);
  if (!res.ok || !res.body) throw new Error(`GreenMail download failed: HTTP ${res.status} for ${JAR_URL}`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const chunks: Buffer[] = [];
  let received = 0;
  let reported = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    received += chunk.length;
    if (received - reported >= 2 * 1024 * 1024) {
      reported = received;
      say(`… ${(received / 1024 / 1024).toFixed(1)} MB${total ? ` of ${(total / 1024 / 1024).toFixed(1)} MB` : ''}`);
    }
  }
  const jar = Buffer.concat(chunks);
  const digest = createHash('sha256').update(jar).digest('hex');
  if (digest !== GREENMAIL_SHA256) throw new Error(`GreenMail download has sha256 ${digest}, expected ${GREENMAIL_SHA256}; not used`);
  // Written beside the target, then renamed: a parallel run never sees half a jar.
  const partial = `${target}.${process.pid}.${randomUUID().slice(0, 8)}.part`;
  fs.writeFileSync(partial, jar);
  fs.renameSync(partial, target);
  say(`saved ${target}`);
  return target;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface GreenMail {
  port: number;
  user: string;
  password: string;
  /** IMAP_URL for the poller. */
  url: string;
  output(): string;
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same port: an IMAP server going away and coming back (mailbox empty). */
  restart(): Promise<void>;
}

/** GreenMail with one IMAP account on 127.0.0.1 and a free port; its REST API on another free port. */
export async function startGreenMail(): Promise<GreenMail> {
  const jar = await ensureGreenMailJar();
  const [port, apiPort] = [await freePort(), await freePort()];
  const user = 'antworten';
  const password = 'Postfach-Geheimnis-1';
  let out = '';
  let child: ChildProcess | undefined;

  async function start() {
    const proc = spawn(
      'java',
      [
        `-Dgreenmail.imap.port=${port}`,
        '-Dgreenmail.hostname=127.0.0.1',
        `-Dgreenmail.api.port=${apiPort}`,
        '-Dgreenmail.api.hostname=127.0.0.1',
        `-Dgreenmail.users=${user}:${password}@antwort.amtsflow.localhost`,
        '-jar',
        jar,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    proc.stdout?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-200_000)));
    proc.stderr?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-200_000)));
    proc.once('error', (err) => (out += `\nspawn failed: ${err.message} (is Java 11+ installed? Debian: apt-get install openjdk-17-jre-headless)\n`));
    const deadline = Date.now() + 60_000;
    while (!(await accepts(port))) {
      if (proc.exitCode !== null || Date.now() > deadline) {
        throw new Error(`GreenMail did not start on port ${port}:\n${out.slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function stop() {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return {
    port,
    user,
    password,
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    output: () => out,
    stop,
    async restart() {
      await stop();
      await start();
    },
  };
}
