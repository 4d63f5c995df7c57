import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layer order, top first, written here and nowhere else. A file may import from its own
 * layer or any layer below it, never from one above. Folders on one line are one layer.
 * A new folder under src/ must be given a place here (the test fails until it is).
 */
const LAYERS: readonly (readonly string[])[] = [
  ['cli', 'build'],
  ['authoring', 'query', 'render', 'report'],
  ['validate'],
  ['load'],
  ['parse', 'store'],
  ['model'],
  ['errors', 'diagnostics'],
];

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

/** `from '…'`, `import '…'`, `import('…')` and `export … from '…'`, static or dynamic, type-only or not. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

export interface Violation {
  file: string;
  imports: string;
  why: string;
}

function rank(folder: string): number | undefined {
  const i = LAYERS.findIndex((layer) => layer.includes(folder));
  return i < 0 ? undefined : i;
}

/** The top folder under src/ of a path relative to src/: `store/lock.ts` → `store`. */
const topFolder = (relative: string): string => relative.split('/')[0] ?? '';

/** Every import of `text` (a file at `file`, relative to src/) that points up, or into a folder with no layer. */
export function violations(file: string, text: string): Violation[] {
  const out: Violation[] = [];
  const from = topFolder(file);
  const fromRank = rank(from);
  if (fromRank === undefined) return [{ file, imports: '', why: `src/${from}/ has no place in LAYERS` }];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1]!;
    if (!spec.startsWith('.')) continue; // a package, not ours
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    if (target.startsWith('..')) {
      out.push({ file, imports: spec, why: 'reaches out of src/' });
      continue;
    }
    const to = topFolder(target);
    const toRank = rank(to);
    if (toRank === undefined) out.push({ file, imports: spec, why: `src/${to}/ has no place in LAYERS` });
    else if (toRank < fromRank) out.push({ file, imports: spec, why: `${from} is below ${to}` });
  }
  return out;
}

function sourceFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const relative = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path.join(dir, e.name), relative);
    return /\.[cm]?ts$/.test(e.name) ? [relative] : [];
  });
}

describe('layers point one way', () => {
  it('no file under src/ imports from a layer above its own', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => violations(f, readFileSync(path.join(SRC, f), 'utf8')));
    expect(found.map((v) => `src/${v.file} imports ${v.imports}: ${v.why}`)).toEqual([]);
  });

  it('every folder under src/ has a place in the order', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => rank(f) === undefined)).toEqual([]);
    expect(LAYERS.flat().filter((f) => !folders.includes(f))).toEqual([]);
  });

  it('catches an upward import, static, dynamic, type-only or re-exported', () => {
    expect(violations('store/lock.ts', "import { IoError } from '../cli/errors.js';\n")).toEqual([
      { file: 'store/lock.ts', imports: '../cli/errors.js', why: 'store is below cli' },
    ]);
    expect(violations('model/load.ts', "import type { Diagnostic } from '../validate/diagnostic.js';")).toEqual([
      { file: 'model/load.ts', imports: '../validate/diagnostic.js', why: 'model is below validate' },
    ]);
    expect(violations('model/x.ts', "const p = await import('../parse/yaml-record.js');")).toHaveLength(1);
    expect(violations('load/x.ts', "export { checkFiles } from '../validate/check.js';")).toHaveLength(1);
    expect(violations('validate/rules/rule.ts', "import type { Club } from '../../query/list.js';")).toEqual([
      { file: 'validate/rules/rule.ts', imports: '../../query/list.js', why: 'validate is below query' },
    ]);
  });

  it('lets a file import downward, sideways within its layer, and packages', () => {
    const text = [
      "import { Command } from 'commander';",
      "import { readFile } from 'node:fs/promises';",
      "import { EXIT } from '../errors/errors.js';",
      "import { loadClub } from '../load/load.js';",
      "import { words } from '../render/words.js';",
      "import { sortKey } from './sort.js';",
    ].join('\n');
    expect(violations('query/list.ts', text)).toEqual([]);
    expect(violations('store/read-folder.ts', "import { LIMITS } from '../parse/limits.js';")).toEqual([]);
  });

  it('names a folder that has no place in the order', () => {
    expect(violations('gadgets/x.ts', '')).toEqual([{ file: 'gadgets/x.ts', imports: '', why: 'src/gadgets/ has no place in LAYERS' }]);
    expect(violations('cli/x.ts', "import '../gadgets/y.js';")[0]?.why).toBe('src/gadgets/ has no place in LAYERS');
  });
});
