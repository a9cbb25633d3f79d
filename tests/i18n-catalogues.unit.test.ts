import fs from 'node:fs';
import path from 'node:path';
import { shellCatalogues } from '../admin/src/i18n/catalogues';
import { allModules, procedureModules } from '../workflows/registry';

// Both languages whole: every word the console writes is in the German and the English catalogue
// (the shell's, react-admin's and each procedure module's), and every key the console's code asks
// for by name is in both. A key missing on either side fails here, not in front of a colleague.

const ROOT = path.join(__dirname, '..');
type Catalog = { [key: string]: string | Catalog };

function keys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

/** Module catalogues: workflows/<type>/console/messages.ts, as the console's shell merges them. */
function moduleCatalogs(): { type: string; de: Catalog; en: Catalog }[] {
  return allModules.map((m) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { messages } = require(path.join(ROOT, 'workflows', m.type, 'console', 'messages.ts')) as { messages: { de: Catalog; en: Catalog } };
    return { type: m.type, ...messages };
  });
}

/** Step names: German is each module's steps.ts label, English its catalogue's app.steps.<type>. */
function germanSteps(): string[] {
  const keyOf = (s: string) => s.replace(/\./g, '_');
  return procedureModules.flatMap((m) => [
    ...m.steps.nodes.map((n) => `app.steps.${m.type}.${keyOf(n.key)}`),
    ...m.steps.edges.filter((e) => e.label).map((e) => `app.steps.${m.type}.edges.${keyOf(`${e.from}>${e.to}`)}`),
  ]);
}

const modules = moduleCatalogs();
const german = new Set([...shellCatalogues.de.flatMap((c) => keys(c as Catalog)), ...modules.flatMap((m) => keys(m.de)), ...germanSteps()]);
const english = new Set([...shellCatalogues.en.flatMap((c) => keys(c as Catalog)), ...modules.flatMap((m) => keys(m.en))]);

/** Every file of the console's code: the shell and the modules' console parts. */
function consoleSources(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'i18n' ? [] : walk(full);
      return /\.tsx?$/.test(e.name) && !/messages\.ts$/.test(e.name) ? [full] : [];
    });
  return [...walk(path.join(ROOT, 'admin', 'src')), ...allModules.flatMap((m) => walk(path.join(ROOT, 'workflows', m.type, 'console')))];
}

describe('the console’s catalogues', () => {
  it('hold the same keys in German and English', () => {
    expect([...german].filter((k) => !english.has(k)).sort()).toEqual([]);
    expect([...english].filter((k) => !german.has(k)).sort()).toEqual([]);
  });

  it('hold every key the console’s code names, in both languages', () => {
    const named = new Map<string, string>();
    for (const file of consoleSources()) {
      const text = fs.readFileSync(file, 'utf8');
      // A whole key in quotes; keys built at run time (`app.role.${r}`) end before the ${ and are left out.
      for (const m of text.matchAll(/['"`]((?:app|resources|ra)\.[A-Za-z0-9_.-]+[A-Za-z0-9_])['"`]/g)) {
        if (m[1]) named.set(m[1], path.relative(ROOT, file));
      }
    }
    expect(named.size).toBeGreaterThan(100);
    const missing = [...named].filter(([k]) => !german.has(k) || !english.has(k)).map(([k, file]) => `${k} (${file}): ${german.has(k) ? '' : 'de '}${english.has(k) ? '' : 'en'}`);
    expect(missing).toEqual([]);
  });

  it('write no step name of a procedure only in German', () => {
    for (const m of modules) {
      const steps = germanSteps().filter((k) => k.startsWith(`app.steps.${m.type}.`));
      expect({ type: m.type, missing: steps.filter((k) => !english.has(k)) }).toEqual({ type: m.type, missing: [] });
    }
  });
});
