import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../stack/ports';
import { ApiClient } from './support/client';
import { ensureSchemathesis, SCHEMATHESIS_VERSION } from './support/schemathesis';
import { spawnEntry, type Spawned } from './support/spawn';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './support/stack-env';

// schemathesis generates requests from /api/openapi.json, logged in as staff and as admin, and checks
// the answers: no server error, and a request the document calls valid is accepted unless a business
// rule the document names refuses it. A stack of its own: as admin it edits and deletes master data
// (departments, indicators, users) that the other suites' procedures rely on.

const SEED = 20261201;
const MAX_EXAMPLES = 6;
// Not fuzzed: logout ends the run's own session; a trigger starts a whole procedure per call (a flood);
// /api/users/{id} would edit or delete the run's own login (its GET is tested in api-hardening).
const EXCLUDED = [
  ['--exclude-path', '/api/auth/logout'],
  ['--exclude-path-regex', '/trigger$'],
  ['--exclude-path', '/api/users/{id}'],
].flat();

interface Finding {
  check: string;
  operation: string;
  status: number | undefined;
  body: string;
  request: string;
}

interface Run {
  operations: number;
  cases: number;
  findings: Finding[];
  output: string;
}

function decode(content: unknown): string {
  const b64 = (content as { $base64?: string } | undefined)?.$base64;
  return b64 ? Buffer.from(b64, 'base64').toString('utf8') : '';
}

/** Every failed check of the run, from its NDJSON report, with the answer that failed it. */
function readFindings(file: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as { ScenarioFinished?: { recorder: any } };
    const recorder = event.ScenarioFinished?.recorder;
    if (!recorder) continue;
    for (const [caseId, checks] of Object.entries(recorder.checks ?? {}) as [string, any[]][]) {
      for (const check of checks) {
        if (check.status !== 'failure') continue;
        const interaction = recorder.interactions?.[caseId] ?? {};
        findings.push({
          check: check.name,
          operation: check.failure_info?.failure?.operation ?? recorder.label,
          status: interaction.response?.status_code,
          body: decode(interaction.response?.content),
          request: `${interaction.request?.method ?? ''} ${String(interaction.request?.uri ?? '').slice(0, 300)}`,
        });
      }
    }
  }
  return findings;
}

function runSchemathesis(bin: string, url: string, cookie: string, workDir: string, who: string): Promise<Run> {
  const sid = decodeURIComponent(cookie.replace(/^amtsflow\.sid=/, ''));
  const config = path.join(workDir, `${who}.toml`);
  // The session cookie as the document's security scheme, so that schemathesis knows it is the login.
  fs.writeFileSync(config, `[auth.openapi.session]\napi_key = ${JSON.stringify(encodeURIComponent(sid))}\n`);
  const reports = path.join(workDir, who);
  const args = [
    '--config-file', config,
    'run', `${url}/api/openapi.json`,
    '--checks', 'all',
    '--max-examples', String(MAX_EXAMPLES),
    '--seed', String(SEED),
    '--workers', '2',
    '--request-timeout', '60',
    '--generation-database', 'none',
    '--report', 'ndjson', '--report-dir', reports,
    '--no-color',
    ...EXCLUDED,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      const report = fs.existsSync(reports) ? fs.readdirSync(reports).find((f) => f.endsWith('.ndjson')) : undefined;
      if (!report) return reject(new Error(`schemathesis wrote no report:\n${output.slice(-4000)}`));
      resolve({
        operations: Number(/Tested: (\d+)/.exec(output)?.[1] ?? 0),
        cases: Number(/(\d+) generated/.exec(output)?.[1] ?? 0),
        findings: readFindings(path.join(reports, report)),
        output,
      });
    });
  });
}

/** Whether the document names the rule that refused it: a parameter's or the operation's "Geschäftsregeln". */
function documented(doc: any, finding: Finding): boolean {
  const [method, docPath] = finding.operation.split(' ');
  const operation = doc.paths?.[docPath ?? '']?.[(method ?? '').toLowerCase()];
  if (!operation) return false;
  let fields: { path: string }[];
  try {
    fields = JSON.parse(finding.body).error?.fields ?? [];
  } catch {
    return false;
  }
  if (fields.length === 0) return false;
  return fields.every(({ path: field }) => {
    // "body.year", "query.q", or a path inside a body field the API names from there: a start form's
    // "input.departmentIds.0", a task form's "data.leadDepartmentId" (the rule is the body field's).
    const [first, second] = field.split('.');
    const where = first === 'query' || first === 'body' || first === 'params' ? first : 'body';
    const name = where === first ? second : first;
    if (where === 'query') {
      const parameter = (operation.parameters ?? []).find((p: { name: string }) => p.name === name);
      return typeof parameter?.description === 'string' && parameter.description.includes('Geschäftsregeln');
    }
    return typeof operation.description === 'string' && operation.description.includes(`${name}:`);
  });
}

/** The document's operations less the excluded paths: each must have been run. */
function fuzzedOperations(document: unknown): number {
  const paths = (document as { paths: Record<string, Record<string, unknown>> }).paths;
  const excluded = (p: string) => p === '/api/auth/logout' || p === '/api/users/{id}' || /\/trigger$/.test(p);
  return Object.entries(paths)
    .filter(([p]) => !excluded(p))
    .reduce((n, [, methods]) => n + Object.keys(methods).filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m)).length, 0);
}

function listed(findings: Finding[]): string {
  return findings.map((f) => `  ${f.check} ${f.operation} → ${f.status} ${f.body.slice(0, 300)}\n    ${f.request}`).join('\n');
}

let dataDir: string;
let workDir: string;
let stack: Spawned;
let url: string;
let bin: string;
let doc: unknown;

beforeAll(async () => {
  bin = await ensureSchemathesis();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-fuzz-'));
  fs.chmodSync(dataDir, 0o755);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtsflow-schemathesis-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  stack = spawnEntry('stack/main.ts', {
    DATA_DIR: dataDir,
    PORT: String(port),
    ADMIN_PASSWORD,
    LOGIN_RATE_LIMIT: '100000',
    PUBLIC_RATE_LIMIT: '100000',
    LOGIN_ACCOUNT_LIMIT: '100000',
    TASK_REMINDER_AFTER: '1h',
    TASK_ESCALATE_AFTER: '2h',
  });
  await stack.waitFor(/Amtsflow is running/, 300_000);
  doc = (await new ApiClient(url).get('/api/openapi.json')).body;
}, 900_000);

afterAll(async () => {
  await stack?.stop('SIGTERM', 60_000);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
}, 90_000);

describe(`schemathesis ${SCHEMATHESIS_VERSION} against /api/openapi.json`, () => {
  it.each([
    ['staff', 'anna.schmidt@amtsflow.localhost', DEMO_PASSWORD],
    ['admin', 'admin@amtsflow.localhost', ADMIN_PASSWORD],
  ])('finds no server error and no undocumented refusal of a valid request as %s', async (who, email, password) => {
    const client = await ApiClient.as(email, password, url);
    const result = await runSchemathesis(bin, url, client.sessionCookie(), workDir, who);
    const serverErrors = result.findings.filter((f) => f.check === 'not_a_server_error' || (f.status ?? 0) >= 500);
    // In its stateful phase schemathesis fills a path id it found no value for with "None": no uuid,
    // so not a valid request by the document, and the 400 naming params.id is right.
    const placeholder = (f: Finding) => /\/None(\/|\s|'|"|$)/.test(f.request);
    const rejected = result.findings.filter((f) => f.check === 'positive_data_acceptance' && !placeholder(f));
    const byRule = rejected.filter((f) => documented(doc, f));
    const undocumented = rejected.filter((f) => !documented(doc, f));
    process.stdout.write(
      `[schemathesis] as ${who}: ${result.operations} operations, ${result.cases} cases, ${serverErrors.length} server errors; ` +
        `valid requests refused: ${rejected.length} (${byRule.length} by a documented rule, ${undocumented.length} else); ` +
        `other findings: ${result.findings.length - serverErrors.length - rejected.length}\n`,
    );
    expect(result.operations).toBe(fuzzedOperations(doc));
    expect(result.cases).toBeGreaterThan(1000);
    expect(listed(serverErrors)).toBe('');
    expect(listed(undocumented)).toBe('');
    // The session held to the end, so the cases ran logged in.
    expect((await client.get('/api/auth/me')).status).toBe(200);
  }, 600_000);
});
