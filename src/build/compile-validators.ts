// Run by `npm run build` after tsc: compiles the JSON Schemas into standalone
// validator code (.build/validators.cjs), so `club` does not load ajv and compile
// the schemas on every run (about 300 ms). The file carries the schemas it was
// made from (as JSON text); store/validators.ts ignores it when they differ.
// Its first line is a hash of everything its code depends on (the schemas, the
// options, the ajv and ajv-formats versions, this file's compiled code): when the
// file there already names the same hash, nothing is compiled (ajv not even
// loaded), so the build `npm test` runs after `npm ci`'s costs no schema compile.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from 'ajv';
import { AJV_OPTIONS, FORMATS } from '../load/ajv-options.js';
import { readSchemas, schemaText, SCHEMA_FILES } from '../store/schemas.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'validators.cjs');
const docs = readSchemas();
const require = createRequire(import.meta.url);
const version = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
const key = createHash('sha256')
  .update(JSON.stringify([schemaText(docs), AJV_OPTIONS, FORMATS, SCHEMA_FILES, version('ajv'), version('ajv-formats'), readFileSync(fileURLToPath(import.meta.url), 'utf8')]))
  .digest('hex').slice(0, 32);
const firstLine = `// club validators ${key}\n`;
let current = '';
try {
  current = readFileSync(out, 'utf8').slice(0, firstLine.length);
} catch {
  // none yet
}
if (current !== firstLine) {
  const { _ } = await import('ajv');
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const standaloneModule = (await import('ajv/dist/standalone/index.js')).default;
  const addFormatsModule = (await import('ajv-formats')).default;
  const standaloneCode = (standaloneModule as unknown as { default: typeof standaloneModule.default }).default;
  const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule.default }).default;

  const options: Options = { ...AJV_OPTIONS, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } };
  const ajv = new Ajv2020(options);
  addFormats(ajv, [...FORMATS]);
  ajv.addSchema(docs.defs);
  const kinds = ['club', 'member', 'officer', 'meeting', 'publication'] as const;
  for (const kind of kinds) ajv.addSchema(docs[kind]);
  const code = standaloneCode(ajv, Object.fromEntries(kinds.map((k) => [k, SCHEMA_FILES[k]])));
  writeFileSync(out, `${firstLine}${code}\nmodule.exports.schemaText = ${JSON.stringify(schemaText(docs))};\n`);
}
