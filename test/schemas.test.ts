import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_FIELDS } from '../src/model/record-fields.js';
import { readSchemas, SCHEMA_FILES } from '../src/store/schemas.js';

const require = createRequire(import.meta.url);
const docs = readSchemas(path.resolve(import.meta.dirname, '../schemas'));

type Schema = Record<string, unknown>;

/** Every subschema that describes an object's properties, with where it sits. */
function objects(schema: unknown, where: string, out: { where: string; schema: Schema }[] = []): { where: string; schema: Schema }[] {
  if (typeof schema !== 'object' || schema === null) return out;
  const s = schema as Schema;
  if (s.properties) out.push({ where, schema: s });
  for (const [key, value] of Object.entries(s)) {
    if (key === 'enum' || key === 'examples') continue;
    if (typeof value === 'object' && value !== null) objects(value, `${where}/${key}`, out);
  }
  return out;
}

describe('the schemas', () => {
  it('each has an $id named after its file and declares draft 2020-12', () => {
    for (const [kind, file] of Object.entries(SCHEMA_FILES)) {
      const doc = docs[kind as keyof typeof docs];
      expect(doc.$id).toBe(file);
      expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });
  it('give every property a title and a description, and refuse unknown properties', () => {
    for (const [kind, doc] of Object.entries(docs)) {
      for (const { where, schema } of objects(doc, kind)) {
        expect(schema.additionalProperties, `${where} refuses unknown properties`).toBe(false);
        for (const [name, prop] of Object.entries(schema.properties as Record<string, Schema>)) {
          expect(prop.title, `${where}.${name} has a title`).toBeTypeOf('string');
          expect(prop.description, `${where}.${name} has a description`).toBeTypeOf('string');
        }
      }
    }
  });
  it('give every property examples, its own or its shared definition\'s, for editors to offer', () => {
    const defs = (docs.defs as { $defs: Record<string, Schema> }).$defs;
    for (const [kind, doc] of Object.entries(docs)) {
      if (kind === 'defs') continue;
      for (const { where, schema } of objects(doc, kind)) {
        for (const [name, prop] of Object.entries(schema.properties as Record<string, Schema>)) {
          const shared = typeof prop.$ref === 'string' ? defs[prop.$ref.split('/').pop()!] : undefined;
          expect(prop.examples ?? shared?.examples ?? (shared?.items as Schema | undefined)?.$ref, `${where}.${name} has examples`).toBeDefined();
        }
      }
    }
  });

  it('name exactly the fields the TypeScript types have', () => {
    for (const kind of ['club', 'member', 'officer', 'meeting', 'publication'] as const) {
      const props = Object.keys((docs[kind] as { properties: object }).properties).sort();
      expect(props, kind).toEqual([...RECORD_FIELDS[kind]].sort());
    }
  });
  it('list the ISO 3166-1 alpha-2 countries, no more and no less (XK is user-assigned, not ISO)', () => {
    const iso = Object.keys((require('i18n-iso-countries') as { getAlpha2Codes(): object }).getAlpha2Codes()).filter((c) => c !== 'XK').sort();
    const defs = docs.defs as { $defs: { country: { enum: string[] } } };
    expect(defs.$defs.country.enum).toEqual(iso);
    expect(iso).toHaveLength(249);
  });
  it('list the ISO 639-1 languages', () => {
    const iso = (require('iso-639-1') as { getAllCodes(): string[] }).getAllCodes().sort();
    const defs = docs.defs as { $defs: { language: { enum: string[] } } };
    expect(defs.$defs.language.enum).toEqual(iso);
  });
});
