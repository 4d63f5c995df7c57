// The floor: what no validator of these files can beat. Reads every file of a data folder,
// parses it with js-yaml (YAML 1.2 core schema) and runs the validators compiled at build
// time (.build/validators.cjs) on it; nothing else (no positions, no rules, no report).
// Prints the number of files and of schema failures, so the work cannot be skipped.
//
//   node test/bench/floor.mjs <data-folder>
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const validators = createRequire(import.meta.url)(path.join(ROOT, '.build/validators.cjs'));
const KIND = { members: 'member', officers: 'officer', meetings: 'meeting', publications: 'publication' };

const dir = process.argv[2];
let files = 0;
let invalid = 0;
const check = (kind, file) => {
  const value = jsYaml.load(readFileSync(file, 'utf8'), { schema: jsYaml.CORE_SCHEMA });
  files++;
  if (!validators[kind](value)) invalid++;
};
check('club', path.join(dir, 'club.yaml'));
for (const [collection, kind] of Object.entries(KIND)) {
  let names = [];
  try {
    names = readdirSync(path.join(dir, collection));
  } catch {
    continue;
  }
  for (const name of names) if (/\.ya?ml$/.test(name)) check(kind, path.join(dir, collection, name));
}
process.stdout.write(`${files} files, ${invalid} invalid\n`);
