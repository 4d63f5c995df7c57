import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchemas } from '../src/load/schema-check.js';
import { KIND_OF, type Collection } from '../src/model/types.js';
import { parseRecord } from '../src/parse/yaml-record.js';
import { readSchemas, SCHEMA_FILES } from '../src/store/schemas.js';
import { precompiledValidators } from '../src/store/validators.js';
import { testdir } from './helpers/testdir.js';

const docs = readSchemas(path.resolve(import.meta.dirname, '../schemas'));

/** Every record of a fixture's data folder, as kind, file and parsed value. */
function records(dataDir: string) {
  const out = [{ kind: 'club' as const, file: path.join(dataDir, 'club.yaml') }];
  for (const collection of Object.keys(KIND_OF) as Collection[]) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(dataDir, collection));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.yaml'))) out.push({ kind: KIND_OF[collection] as never, file: path.join(dataDir, collection, name) });
  }
  return out.map((r) => ({ ...r, parsed: parseRecord(r.file, readFileSync(r.file, 'utf8')) }));
}

describe('the validators compiled at build time and at run time', () => {
  it('give the same diagnostics on every record of the fixtures and the shipped data', () => {
    const precompiled = precompiledValidators(docs);
    expect(precompiled, 'run npm run build').toBeDefined();
    const built = compileSchemas(docs, precompiled);
    const fresh = compileSchemas(docs); // what the CLI falls back to when the build's are stale
    let problems = 0;
    for (const dir of ['test/fixtures/broken/data', 'test/fixtures/rich/data', 'data']) {
      for (const r of records(path.resolve(import.meta.dirname, '..', dir))) {
        if (r.parsed.value === undefined) continue;
        const a = built.check(r.kind, r.parsed.value, r.file, r.parsed.locate);
        expect(fresh.check(r.kind, r.parsed.value, r.file, r.parsed.locate), r.file).toEqual(a);
        problems += a.length;
      }
    }
    expect(problems).toBeGreaterThan(5); // the broken fixture has schema problems to compare
  });

  it('are not used when the schemas changed since the build', () => {
    const changed = structuredClone(docs);
    (changed.member as { description?: string }).description = 'changed after the build';
    expect(precompiledValidators(changed)).toBeUndefined();
  });

  it('are not used for schema files changed in text only (reformatted): the build compares the texts, and readSchemas reads them again on every call', () => {
    const dir = testdir(Object.fromEntries(Object.values(SCHEMA_FILES).map((name) => [name, readFileSync(path.resolve(import.meta.dirname, '../schemas', name), 'utf8')])));
    const same = readSchemas(dir);
    expect(readSchemas(dir)).toBe(same); // the same texts: the documents parsed last time
    expect(precompiledValidators(same)).toBeDefined();
    writeFileSync(path.join(dir, SCHEMA_FILES.member), JSON.stringify(same.member)); // equal JSON, other text
    const reformatted = readSchemas(dir);
    expect(reformatted).not.toBe(same);
    expect(reformatted).toEqual(same);
    expect(precompiledValidators(reformatted)).toBeUndefined();
    writeFileSync(path.join(dir, SCHEMA_FILES.member), JSON.stringify({ ...same.member, description: 'changed after the build' }));
    expect(readSchemas(dir).member.description).toBe('changed after the build');
    expect(readSchemas(path.resolve(import.meta.dirname, '../schemas'))).toEqual(same);
  });
});
