import path from 'node:path';
import { stringify } from 'yaml';
import { loadClub, type LoadResult } from '../../src/load/load.js';
import { plainYaml } from '../../src/parse/plain-yaml.js';
import type { Collection } from '../../src/model/types.js';
import { readSchemas } from '../../src/store/schemas.js';
import { precompiledValidators } from '../../src/store/validators.js';
import { compileSchemas } from '../../src/load/schema-check.js';

export const schemaDocs = readSchemas(path.resolve(import.meta.dirname, '../../schemas'));
// The validators the build compiled, as the CLI uses them (compiling takes seconds of CPU per
// test file); test/validators.test.ts holds the run-time compile to the same answers.
const precompiled = precompiledValidators(schemaDocs);
if (precompiled === undefined) throw new Error('the precompiled validators are missing or stale: run npm run build');
export const schemas = compileSchemas(schemaDocs, precompiled);

/** yaml's stringify(value): plainYaml writes the same text for most records, without building yaml's document (test/query/yaml-output.property.test.ts). */
const yamlText = (value: object): string => plainYaml(value as Record<string, unknown>, 80) ?? stringify(value);

/** Loads records given as objects (written out as YAML first) the way the CLI loads files, without touching disk. */
export function loadObjects(club: object, records: Partial<Record<Collection, Record<string, object>>>): LoadResult {
  const files = [{ file: 'club.yaml', collection: 'club' as const, stem: 'club', text: yamlText(club) }];
  for (const [collection, byId] of Object.entries(records) as [Collection, Record<string, object>][]) {
    for (const [id, value] of Object.entries(byId)) {
      files.push({ file: `${collection}/${id}.yaml`, collection: collection as never, stem: id, text: yamlText(value) });
    }
  }
  return loadClub(files, schemas);
}
