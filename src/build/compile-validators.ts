// Run by `npm run build` after tsc: compiles the JSON Schemas into standalone
// validator code (.build/validators.cjs), so `club` does not load ajv and compile
// the schemas on every run (about 300 ms). The file carries the schemas it was
// made from (as JSON text); store/validators.ts ignores it when they differ.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { AJV_OPTIONS, FORMATS } from '../load/ajv-options.js';
import { readSchemas, schemaText, SCHEMA_FILES } from '../store/schemas.js';

const standaloneCode = (standaloneModule as unknown as { default: typeof standaloneModule.default }).default;
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule.default }).default;

const docs = readSchemas();
const options: Options = { ...AJV_OPTIONS, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } };
const ajv = new Ajv2020(options);
addFormats(ajv, [...FORMATS]);
ajv.addSchema(docs.defs);
const kinds = ['club', 'member', 'officer', 'meeting', 'publication'] as const;
for (const kind of kinds) ajv.addSchema(docs[kind]);
const code = standaloneCode(ajv, Object.fromEntries(kinds.map((k) => [k, SCHEMA_FILES[k]])));
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'validators.cjs');
writeFileSync(out, `${code}\nmodule.exports.schemaText = ${JSON.stringify(schemaText(docs))};\n`);
