import fs from 'node:fs';
import path from 'node:path';
import { allModules, procedureModules } from '../workflows/registry';

// A procedure is one folder: the generic parts name none of them, and reach them only through the
// registry. (Runs with the workflow tests: it reads files, it needs no stack.)

const ROOT = path.resolve(__dirname, '..');
const GENERIC = ['activities', 'api', 'answers', 'calendar', 'forms', 'commands', 'config', 'db', 'documents', 'grammar', 'incidents', 'mail', 'outbox', 'schedules', 'stack', 'worker', 'workflows/engine', 'admin/src'];
// A generic part's own tests may run a procedure as their fixture (the engine's human tasks on the Vorgang mit Freigabe).
const SKIP = /\/(node_modules|dist|migrations)\/|\.test\.tsx?$/;

function sources(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !SKIP.test(f));
}

const files = GENERIC.flatMap(sources);
const types = allModules.map((m) => m.type);
// The consultation building block belongs to the engine; its standalone module reuses its type.
const engineOwn = new Set(['department-consultation']);

describe('the engine and the shell', () => {
  it('import nothing from a procedure module', () => {
    const offenders = files.filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
      return specifiers.some((spec) => types.some((t) => spec.split('/').includes(t)));
    });
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('name no procedure type', () => {
    const offenders = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return types
        .filter((t) => !(engineOwn.has(t) && file.includes(`${path.sep}workflows${path.sep}engine${path.sep}`)))
        .filter((t) => text.includes(`'${t}'`) || text.includes(`"${t}"`) || text.includes(`\`${t}`))
        .map((t) => `${path.relative(ROOT, file)}: ${t}`);
    });
    expect(offenders).toEqual([]);
  });

  it('finds every module by the registry, each in its own folder named by its type', () => {
    for (const m of procedureModules) {
      expect(fs.existsSync(path.join(ROOT, 'workflows', m.type, 'index.ts'))).toBe(true);
      expect(fs.existsSync(path.join(ROOT, 'workflows', m.type, 'forms.ts'))).toBe(true);
      expect(fs.existsSync(path.join(ROOT, 'workflows', m.type, 'console', 'index.ts'))).toBe(true);
    }
    expect(files.length).toBeGreaterThan(100);
  });
});
