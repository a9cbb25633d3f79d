import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { acquireCacheLock, PROGRESS_EVERY_MS, type CacheLock } from '../../stack/cache-lock';
import { findOnPath, isExecutableFile, waitForLongRun } from '../../stack/executables';
import { formatDuration } from '../../stack/processes';
import { defaultTemporalCacheDir } from '../../stack/temporal-cli';

// Temporal's time-skipping test server, for workflow tests whose timers run for days. The SDK
// would download it from Temporal's CDN, which a machine with only package registries cannot
// reach; the same server is the Java artifact io.temporal:temporal-test-server on Maven Central,
// fetched once with Maven into the cache the Temporal CLI uses, and started through a wrapper
// script that takes the SDK's command line (`<port> [flags]`).

export const TEMPORAL_TEST_SERVER_VERSION = '1.31.0';
const ARTIFACTS = [
  { groupId: 'io.temporal', artifactId: 'temporal-test-server', version: TEMPORAL_TEST_SERVER_VERSION },
  // Its SLF4J API has no binding: without one every start prints three warning lines.
  { groupId: 'org.slf4j', artifactId: 'slf4j-nop', version: '1.7.36' },
];
// Pinned, so that a fetch does not depend on whichever plugin version Maven would pick today.
const COPY_DEPENDENCIES = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies';
const WRAPPER = 'temporal-test-server';
const JAVA_HINT = 'Install Java 8 or newer (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME to a JDK or JRE.';

const say = (msg: string) => process.stderr.write(`[temporal-test-server] ${msg}\n`);

export class TestServerError extends Error {
  override name = 'TestServerError';
}

export function temporalTestServerDir(): string {
  return path.join(defaultTemporalCacheDir(process.env.XDG_CACHE_HOME), `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}`);
}

/**
 * The executable to hand to the SDK (`server.executable.path` of createTimeSkipping):
 * TEMPORAL_TEST_SERVER as is, else the cached wrapper, else a one-time fetch with Maven.
 */
export async function ensureTemporalTestServer(log: (msg: string) => void = say): Promise<string> {
  const explicit = process.env.TEMPORAL_TEST_SERVER?.trim();
  if (explicit) {
    const file = path.resolve(explicit);
    if (!isExecutableFile(file)) {
      throw new TestServerError(
        `TEMPORAL_TEST_SERVER is set to ${file}, which is not an executable file. Point it at a Temporal ` +
          `test server that takes the port as its first argument, or unset it to fetch ${TEMPORAL_TEST_SERVER_VERSION} once.`,
      );
    }
    return file;
  }
  const dir = temporalTestServerDir();
  const wrapper = path.join(dir, WRAPPER);
  if (!isExecutableFile(wrapper)) await fetchTestServer(dir, log);
  // The SDK would only say that the server did not answer within 5 s; a missing Java is said here.
  await checkJava(wrapper);
  return wrapper;
}

/** The Java the wrapper chooses (JAVA_HOME, else java on PATH) and its version, or why there is none. */
function checkJava(wrapper: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(wrapper, ['--java-version'], { encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      const lines = `${stdout}${stderr}`.trim().split('\n');
      if (err) reject(new TestServerError(lines.join('\n') || `${wrapper} --java-version: ${err.message}. ${JAVA_HINT}`));
      else resolve(`${lines[0]} (${lines[1] ?? 'version unknown'})`);
    });
  });
}

async function fetchTestServer(dir: string, log: (msg: string) => void): Promise<void> {
  const cacheDir = path.dirname(dir);
  fs.mkdirSync(cacheDir, { recursive: true });
  const wrapper = path.join(dir, WRAPPER);
  const lock = await acquireCacheLock(`${dir}.lock`, {
    isReady: () => isExecutableFile(wrapper),
    activity: `fetching the Temporal test server ${TEMPORAL_TEST_SERVER_VERSION}`,
    log,
  });
  if (lock === 'ready') return;
  try {
    if (isExecutableFile(wrapper)) return;
    // Leftovers of a fetch whose process died; we hold the lock, so none of them is in use.
    const prefix = `${path.basename(dir)}.fetch-`;
    for (const name of fs.readdirSync(cacheDir)) {
      if (name.startsWith(prefix)) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
    }
    // The directory only ever appears complete (by rename below); one without its wrapper was damaged: fetch anew.
    fs.rmSync(dir, { recursive: true, force: true });
    const work = fs.mkdtempSync(path.join(cacheDir, prefix));
    try {
      // Written first, so that Maven's check of Java is the wrapper's own choice of it.
      fs.writeFileSync(path.join(work, WRAPPER), wrapperScript(), { mode: 0o755 });
      const java = await checkJava(path.join(work, WRAPPER));
      const mvn = await findOnPath('mvn');
      if (!mvn) {
        throw new TestServerError(
          `Maven (mvn) is not on PATH; it fetches the Temporal test server ${TEMPORAL_TEST_SERVER_VERSION} from Maven ` +
            'Central once. Install it (Debian: apt-get install maven), or set TEMPORAL_TEST_SERVER to a test server executable.',
        );
      }
      await runMaven({ mvn, java, work, target: dir, lock, log });
      fs.chmodSync(work, 0o755);
      // Same file system: the directory appears complete or not at all.
      fs.renameSync(work, dir);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}

function pom(): string {
  const deps = ARTIFACTS.map(
    (a) =>
      `    <dependency><groupId>${a.groupId}</groupId><artifactId>${a.artifactId}</artifactId><version>${a.version}</version></dependency>`,
  ).join('\n');
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <!-- Generated by Amtsflow's tests/support/temporal-test-server.ts, only to fetch the test server's jars. -->
  <modelVersion>4.0.0</modelVersion>
  <groupId>localhost.amtsflow</groupId>
  <artifactId>temporal-test-server-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${deps}
  </dependencies>
</project>
`;
}

interface MavenRun {
  mvn: string;
  /** The wrapper's Java, for the log (Maven finds its own the same way). */
  java: string;
  work: string;
  target: string;
  lock: CacheLock;
  log: (msg: string) => void;
}

async function runMaven({ mvn, java, work, target, lock, log }: MavenRun): Promise<void> {
  fs.writeFileSync(path.join(work, 'pom.xml'), pom());
  log(
    `fetching the Temporal test server ${TEMPORAL_TEST_SERVER_VERSION} (Java, ~35 MB of jars) from Maven Central ` +
      `with ${mvn} (once; cached in ${target}; Java: ${java})`,
  );
  const started = Date.now();
  // -C: a jar whose checksum does not match Maven Central's is refused, not just warned about.
  const args = ['-B', '-C', '-Dstyle.color=never', '-f', path.join(work, 'pom.xml'), COPY_DEPENDENCIES,
    `-DoutputDirectory=${path.join(work, 'lib')}`, '-DincludeScope=runtime'];
  const child = spawn(mvn, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let downloads = 0;
  const result = await waitForLongRun(child, {
    everyMs: PROGRESS_EVERY_MS,
    onOutput: (text) => {
      downloads += text.match(/^(\[INFO\] )?Downloaded from /gm)?.length ?? 0;
    },
    progress: (elapsed) => {
      log(`… still fetching (${formatDuration(elapsed)}, ${downloads} files downloaded)`);
      lock.touch();
    },
  });
  const { output } = result;

  const jars = fs.existsSync(path.join(work, 'lib')) ? fs.readdirSync(path.join(work, 'lib')).filter((f) => f.endsWith('.jar')) : [];
  const main = `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}.jar`;
  if (result.code !== 0 || !jars.includes(main)) {
    const tail = output.trim().split('\n').filter((l) => !/^(\[INFO\] )?Download(ing|ed) from /.test(l)).slice(-25).join('\n');
    throw new TestServerError(
      `Fetching the Temporal test server with Maven failed (${result.error?.message ?? `mvn exit code ${result.code}`}) ` +
        `after ${formatDuration(Date.now() - started)}. Maven needs Maven Central (or a mirror in ~/.m2/settings.xml)` +
        `${tail ? `:\n${tail}` : '.'}`,
    );
  }
  log(`fetched ${jars.length} jars in ${formatDuration(Date.now() - started)} (${downloads} files downloaded)`);
}

/** The executable the SDK starts with `<port> [--enable-time-skipping]`; it finds its jars beside itself. */
function wrapperScript(): string {
  return `#!/bin/sh
# Temporal's time-skipping test server (io.temporal:temporal-test-server ${TEMPORAL_TEST_SERVER_VERSION}, Java), as the
# executable the Temporal SDK starts: ${WRAPPER} <port> [--enable-time-skipping]. Written by Amtsflow's
# tests/support/temporal-test-server.ts; its jars are in lib/ beside it. Java: JAVA_HOME, else java on PATH.
# --java-version prints the Java it would use.
dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 1
if [ -n "\${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
  if [ ! -x "$java" ]; then
    echo "${WRAPPER}: JAVA_HOME is $JAVA_HOME, which has no bin/java. ${JAVA_HINT}" >&2
    exit 127
  fi
elif ! java=$(command -v java); then
  echo "${WRAPPER}: no Java: JAVA_HOME is not set and java is not on PATH. ${JAVA_HINT}" >&2
  exit 127
fi
if [ "\${1:-}" = "--java-version" ]; then
  echo "$java" >&2
  exec "$java" -version
fi
# C1 only and the serial collector: the server listens in about 0.7 s instead of 1 s, and the
# SDK gives it 5 s on a machine that may be busy running the rest of the tests.
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$dir/lib/*" io.temporal.testserver.TestServer "$@"
`;
}
