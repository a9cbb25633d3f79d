import fs from 'node:fs';
import path from 'node:path';
import { procedureModules } from '../workflows/registry';
import { nodeFor } from '../workflows/step-map';

// A procedure's map cannot drift from its code: every step its runs recorded (the module tests on
// the real stack, gathered by npm run histories into histories/steps-seen.json) is a node of its
// map, and every node was reached by some run, or says why not.

const ROOT = path.resolve(__dirname, '..');

describe.each(procedureModules.map((m) => [m.type, m] as const))('the map of %s', (type, module) => {
  const file = path.join(ROOT, 'workflows', type, 'histories', 'steps-seen.json');
  const seen = JSON.parse(fs.readFileSync(file, 'utf8')) as { steps: string[]; outcomes: string[] };

  it('has a node for every step its runs recorded', () => {
    expect(seen.steps.filter((s) => !nodeFor(module.steps, s))).toEqual([]);
    expect(seen.steps.length).toBeGreaterThan(0);
  });

  it('has an end for every way its runs ended', () => {
    const ends = module.steps.nodes.filter((n) => n.kind === 'end');
    const generic = ['Abgebrochen', 'Fehlgeschlagen'];
    expect(seen.outcomes.filter((o) => !generic.includes(o) && !ends.some((e) => o.startsWith(e.outcome as string)))).toEqual([]);
  });

  it('has no node that no run reached, unless it says why', () => {
    const reached = (n: (typeof module.steps.nodes)[number]) =>
      n.kind === 'end' ? seen.outcomes.some((o) => o.startsWith(n.outcome as string)) : seen.steps.some((s) => nodeFor(module.steps, s) === n);
    expect(module.steps.nodes.filter((n) => !n.notReached && !reached(n)).map((n) => n.key)).toEqual([]);
  });
});
