import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { defaultTemporalCacheDir } from '../../stack/temporal-cli';

// schemathesis (from PyPI) in a virtualenv of its own in the cache outside the clone, beside the
// Temporal CLI and GreenMail: made once per machine, by CI's step or by the first `npm test`.

export const SCHEMATHESIS_VERSION = '4.32.5';

const execFileAsync = promisify(execFile);
const say = (msg: string) => process.stdout.write(`[schemathesis] ${msg}\n`);

export function schemathesisDir(): string {
  return path.join(defaultTemporalCacheDir(process.env.XDG_CACHE_HOME), `schemathesis-${SCHEMATHESIS_VERSION}`);
}

export function schemathesisBin(dir = schemathesisDir()): string {
  return path.join(dir, 'bin', 'st');
}

async function version(bin: string): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync(bin, ['--version'], { timeout: 60_000 });
    return /version (\S+)/.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const show = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
      for (const line of chunk.toString().split('\n')) if (/^(Downloading|Successfully installed)/.test(line.trim())) say(line.trim().slice(0, 160));
    };
    child.stdout.on('data', show);
    child.stderr.on('data', show);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail}`))));
  });
}

/** The `st` of the pinned version: cached, or installed with pip into a new virtualenv (with progress). */
export async function ensureSchemathesis(): Promise<string> {
  const dir = schemathesisDir();
  // A virtualenv's scripts name its own path, so it is made where it stays; the mark, written last, says it is whole.
  const complete = path.join(dir, '.amtsflow-complete');
  if (fs.existsSync(complete) && (await version(schemathesisBin(dir))) === SCHEMATHESIS_VERSION) return schemathesisBin(dir);
  const python = process.env.PYTHON ?? 'python3';
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  say(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${dir} (once per machine, about a minute) …`);
  try {
    await run(python, ['-m', 'venv', dir]);
  } catch (err) {
    throw new Error(`${python} -m venv failed (Debian: apt-get install python3-venv): ${(err as Error).message}`, { cause: err });
  }
  await run(path.join(dir, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--no-input', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  const installed = await version(schemathesisBin(dir));
  if (installed !== SCHEMATHESIS_VERSION) throw new Error(`schemathesis in ${dir} says version ${installed ?? 'nothing'}`);
  fs.writeFileSync(complete, `${SCHEMATHESIS_VERSION}\n`);
  say(`ready: ${schemathesisBin(dir)}`);
  return schemathesisBin(dir);
}
