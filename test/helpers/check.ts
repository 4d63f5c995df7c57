import path from 'node:path';
import { expect } from 'vitest';
import { readDataFolder } from '../../src/store/read-folder.js';
import { readSchemas } from '../../src/store/schemas.js';
import { precompiledValidators } from '../../src/store/validators.js';
import { checkFiles } from '../../src/validate/check.js';
import { compareDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { compileSchemas } from '../../src/load/schema-check.js';
import { AS_OF, baseTree } from './club-tree.js';
import { testdir, type Tree } from './testdir.js';

// The validators the build compiled (what the CLI runs), not a fresh ajv compile per test file:
// compiling takes seconds of CPU. test/validators.test.ts holds the run-time compile to the same answers.
const docs = readSchemas(path.resolve(import.meta.dirname, '../../schemas'));
const precompiled = precompiledValidators(docs);
if (precompiled === undefined) throw new Error('the precompiled validators are missing or stale: run npm run build');
const schemas = compileSchemas(docs, precompiled);

/**
 * Writes the base club with `changes` applied (a `null` removes a file) to a
 * temporary folder and checks it as `club validate` does. Files are reported
 * relative to the data folder.
 */
export async function check(changes: Record<string, string | Buffer | null>, asOf = AS_OF): Promise<Diagnostic[]> {
  const tree: Tree = baseTree();
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) delete tree[name];
    else tree[name] = content;
  }
  const dir = testdir(tree);
  const folder = await readDataFolder(dir, dir);
  const files = folder.files.map((f) => ({ file: f.file, collection: f.collection, stem: f.stem, text: f.text ?? '' }));
  return [...folder.diagnostics, ...checkFiles(files, schemas, asOf).diagnostics].sort(compareDiagnostics);
}

/** 1-based line and column of the first occurrence of `needle` in `text` (of `after`, when given, then `needle` past it). */
export function at(text: string, needle: string, after?: string): { line: number; column: number } {
  const start = after === undefined ? 0 : text.indexOf(after);
  if (start < 0) throw new Error(`marker ${after} not in text`);
  const offset = text.indexOf(needle, start);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Asserts exactly one diagnostic with `code`, at this file, line and column; returns it. */
export function expectOne(diagnostics: Diagnostic[], code: string, file: string, pos: { line: number; column: number }): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found.map((d) => ({ code: d.code, file: d.file, line: d.line, column: d.column }))).toEqual([
    { code, file, line: pos.line, column: pos.column },
  ]);
  return found[0]!;
}

/** Asserts no diagnostic at all: the valid case of a rule also leaves the folder clean. */
export function expectClean(diagnostics: Diagnostic[]): void {
  expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
}
