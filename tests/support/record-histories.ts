import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { resolveTemporalCli } from '../../stack/temporal-cli';
import { procedureModules } from '../../workflows/registry';
import { recordedStep } from '../../workflows/step-map';
import { ROOT } from './spawn';

// `npm run histories`: after the procedures' end-to-end tests ran on the real stack, their event
// histories are written beside each module (workflows/<type>/histories/), one for each way a
// procedure ended or waits. The replay test then runs them against every later change of the code.

const PER_TYPE = 8;

interface Row {
  id: string;
  type: string;
  status: string;
  outcome: string | null;
  current_step: string | null;
  parent_id: string | null;
}

/** "Zusammengeführt (2 von 3 Dienststellen …)" → "zusammengefuehrt": the way it ended, without the case's details. */
export function slug(text: string): string {
  const head = text.split(/[:(]/)[0] ?? text;
  return head
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function nameOf(row: Row): string {
  const part = row.parent_id ? 'teil-' : '';
  if (row.status === 'running') return `${part}wartet-${slug(row.current_step ?? 'start')}`;
  return `${part}${row.status}-${slug(row.outcome ?? '')}`;
}

export async function recordHistories(
  stack: { databaseUrl: string; temporalAddress: string },
  mode: 'add' | 'replace',
  log: (msg: string) => void,
): Promise<void> {
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  // The CLI writes a history in the JSON form the SDK's replayer reads (historyFromJSON).
  const cli = await resolveTemporalCli({ explicit: process.env.TEMPORAL_CLI, xdgCacheHome: process.env.XDG_CACHE_HOME, log });
  if (!cli) throw new Error('no Temporal CLI to export the histories with');
  const exportHistory = async (workflowId: string) =>
    (await promisify(execFile)(cli.path, ['workflow', 'show', '--address', stack.temporalAddress, '--workflow-id', workflowId, '--output', 'json'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  try {
    const { rows } = await db.query<Row>('select id, type, status, outcome, current_step, parent_id from procedures order by started_at');
    for (const module of procedureModules) {
      const dir = path.join(ROOT, 'workflows', module.type, 'histories');
      const chosen = new Map<string, Row>();
      for (const row of rows.filter((r) => r.type === module.type)) {
        const name = nameOf(row);
        if (!chosen.has(name) && chosen.size < PER_TYPE) chosen.set(name, row);
      }
      if (chosen.size === 0) continue;
      // Histories accumulate: one recorded before a patched() change keeps its old branch covered.
      // Only `replace` starts the folder afresh (when the last patch is deprecated).
      if (mode === 'replace') fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, row] of chosen) {
        if (fs.existsSync(path.join(dir, `${name}.json`))) continue;
        // The id too: a replay must run under the same workflow id (its children's ids derive from it).
        const recorded = { workflowId: row.id, history: JSON.parse(await exportHistory(row.id)) as unknown };
        fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(recorded, null, 2)}\n`);
      }
      // Every step any run of the type recorded, and how they ended: what the map test holds the module's map to.
      const events = await db.query<{ key: string; kind: string }>(
        'select distinct e.key, e.kind from procedure_events e join procedures p on p.id = e.procedure_id where p.type = $1',
        [module.type],
      );
      const ends = await db.query<{ outcome: string }>('select distinct outcome from procedures where type = $1 and outcome is not null', [module.type]);
      // Adding keeps what earlier runs saw: a run of one module's tests sees only part of another's steps.
      const seenFile = path.join(dir, 'steps-seen.json');
      const before = mode === 'add' && fs.existsSync(seenFile) ? (JSON.parse(fs.readFileSync(seenFile, 'utf8')) as { steps: string[]; outcomes: string[] }) : { steps: [], outcomes: [] };
      const seen = {
        steps: [...new Set([...before.steps, ...events.rows.map(recordedStep).filter((k): k is string => k !== undefined)])].sort(),
        outcomes: [...new Set([...before.outcomes, ...ends.rows.map((r) => (r.outcome.split(/[:(]/)[0] ?? r.outcome).trim())])].sort(),
      };
      fs.writeFileSync(seenFile, `${JSON.stringify(seen, null, 2)}\n`);
      log(`[histories] ${module.type}: ${[...chosen.keys()].join(', ')}; ${seen.steps.length} steps`);
    }
  } finally {
    await db.end();
  }
}
