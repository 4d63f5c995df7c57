import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';
import type addFormatsModule from 'ajv-formats';
import type { RecordKind } from '../model/types.js';
import { countryName, guessCountry } from '../model/countries.js';
import path from 'node:path';
import { SCHEMA_DIR, SCHEMA_FILES, type SchemaDocuments } from '../store/schemas.js';
import { IoError } from '../errors/errors.js';
import { AJV_OPTIONS, FORMATS } from './ajv-options.js';
import type { Diagnostic, FieldPath } from '../diagnostics/diagnostic.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';


export type Locate = (path: FieldPath, at?: 'value' | 'key') => { line: number; column: number };

/** Checks plain record values against the compiled schemas and says what is wrong as diagnostics. */
export interface SchemaChecker {
  check(kind: RecordKind, value: unknown, file: string, locate: Locate): Diagnostic[];
  /** The country codes the schemas accept. */
  readonly countries: readonly string[];
}

const KIND_LABEL: Record<RecordKind, string> = {
  club: 'the club record',
  member: 'a member',
  officer: 'an officer term',
  meeting: 'a meeting',
  publication: 'a publication',
};

/**
 * The validators for every kind, compiled now with ajv. A schema ajv refuses (strict mode: a keyword it
 * does not know, `maxLength` with no `type`; a `$ref` to nothing; a bad pattern) is an IoError naming the
 * schema file and the place in it, not a crash: in club's own clone anyone may edit schemas/.
 */
export function compileValidators(docs: SchemaDocuments, dir: string = SCHEMA_DIR): Record<RecordKind, ValidateFunction> {
  // Required on use: when the validators compiled at build time are there, ajv is never loaded.
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
  const addFormats = (require('ajv-formats') as { default: typeof addFormatsModule.default }).default;
  const ajv = new Ajv2020(AJV_OPTIONS);
  addFormats(ajv, [...FORMATS]);
  const validators = {} as Record<RecordKind, ValidateFunction>;
  for (const kind of ['defs', 'club', 'member', 'officer', 'meeting', 'publication'] as const) {
    try {
      if (kind === 'defs') ajv.addSchema(docs.defs);
      else validators[kind] = ajv.compile(docs[kind]);
    } catch (error) {
      throw refusedSchema(docs, kind, error, dir);
    }
  }
  return validators;
}

/** Where in the schemas an error of ajv's lies, as far as its message and the documents tell, in club's words. */
function refusedSchema(docs: SchemaDocuments, kind: RecordKind | 'defs', error: unknown, dir: string): IoError {
  const message = error instanceof Error ? error.message : String(error);
  let file = SCHEMA_FILES[kind];
  let pointer: string | undefined;
  let what = message.replace(/^strict mode: /, '').replace(/ \(strict\w*\)$/, '');
  const at = /^(.*?) at "([\w.-]+\.schema\.json)#([^"]*)"/.exec(what);
  if (at) {
    what = at[1]!;
    file = at[2]!;
    pointer = at[3] || '/';
  } else if (/^schema is invalid: data(\/[^ ,]*)? /.test(message)) {
    pointer = /^schema is invalid: data(\/[^ ,]*)?/.exec(message)![1] ?? '/';
    what = `it does not follow JSON Schema: ${message.replace(/^schema is invalid: /, '').split(', ')[0]!.replace(/^data\S* /, '')}`;
  } else {
    const keyword = /^unknown keyword: "([^"]+)"/.exec(what)?.[1];
    const ref = (error as { missingRef?: string }).missingRef;
    const match = keyword !== undefined ? (key: string) => key === keyword
      : ref !== undefined ? (key: string, value: unknown) => key === '$ref' && typeof value === 'string' && ref.endsWith(value.replace(/^#/, ''))
      : error instanceof SyntaxError ? (key: string, value: unknown) => key === 'pattern' && typeof value === 'string' && !validPattern(value)
      : undefined;
    if (ref !== undefined) what = `\`$ref\` refers to ${ref}, which does not exist`;
    for (const k of match ? [kind, 'defs' as const] : []) {
      const found = findKey(docs[k], match!, '');
      if (found !== undefined) {
        file = SCHEMA_FILES[k];
        pointer = found;
        break;
      }
    }
  }
  const place = pointer === undefined ? '' : ` at #${pointer}`;
  // strict mode's commonest refusal, a keyword of one type where the schema names no type: say what to add.
  const missingType = /^missing type "(\w+)" for keyword "(\w+)"/.exec(what);
  const fix = missingType ? `add \`"type": "${missingType[1]}"\` beside \`${missingType[2]}\`${place}` : `fix the schema${place}`;
  return new IoError(`the schema ${path.join(dir, file)} cannot be used${place}: ${what}`,
    `${fix} (\`git diff -- schemas/\` shows what changed in club's own clone), or reinstall club (npm ci)`);
}

function validPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** The JSON pointer of the first key of `doc` that `match` accepts, depth first. */
function findKey(doc: unknown, match: (key: string, value: unknown) => boolean, at: string): string | undefined {
  if (doc === null || typeof doc !== 'object') return undefined;
  for (const [key, value] of Object.entries(doc)) {
    const here = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (match(key, value)) return here;
    const deeper = findKey(value, match, here);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/** A checker from validators compiled at build time when given, else compiled now. */
export function compileSchemas(docs: SchemaDocuments, precompiled?: Record<RecordKind, ValidateFunction>): SchemaChecker {
  const validators = precompiled ?? compileValidators(docs);
  const defs = (docs.defs as { $defs: { country: { enum: string[] } } }).$defs;
  const countries = defs.country.enum;

  return {
    countries,
    check(kind, value, file, locate) {
      const validate = validators[kind];
      if (validate(value)) return [];
      return describeErrors(validate.errors ?? [], kind, file, locate, countries);
    },
  };
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'a mapping of fields',
  boolean: 'true or false',
  null: 'empty',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text \`${shorten(value)}\``;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  return `\`${String(value)}\``;
}

function shorten(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

interface SchemaLike {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaLike>;
  format?: string;
  $ref?: string;
  enum?: unknown[];
  type?: string | string[];
}

/** A one-pair mapping that was surely meant as text with `: ` in it (`Approve: the plan`), as that text. */
function colonText(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  // Stop at the second key: this runs once per unknown field, and a record may have thousands.
  let only: [string, unknown] | undefined;
  for (const k in data) {
    if (!Object.prototype.hasOwnProperty.call(data, k)) continue;
    if (only !== undefined) return undefined;
    only = [k, (data as Record<string, unknown>)[k]];
  }
  if (only === undefined) return undefined;
  const [k, v] = only;
  return typeof v === 'string' || typeof v === 'number' ? `${k}: ${String(v)}` : undefined;
}

function describeErrors(errors: ErrorObject[], kind: RecordKind, file: string, locate: Locate, countries: readonly string[]): Diagnostic[] {
  // A value of the wrong type also fails its enum/pattern/format; say only the type.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'type' && e.keyword !== 'required' && e.keyword !== 'additionalProperties' && wrongType.has(e.instancePath)) continue;
    const d = describe(e, kind, file, locate, countries);
    if (!d) continue;
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function describe(e: ErrorObject, kind: RecordKind, file: string, locate: Locate, countries: readonly string[]): Diagnostic | undefined {
  const path = pathOf(e.instancePath);
  const field = formatPath(path);
  const label = field === '' ? KIND_LABEL[kind] : `\`${field}\``;
  const parent = (e.parentSchema ?? {}) as SchemaLike;
  const make = (code: string, message: string, at: FieldPath, where: 'value' | 'key' = 'value', hint?: string): Diagnostic => ({
    code, severity: 'error', message, ...(hint ? { hint } : {}), file, ...locate(at, where), path: formatPath(at),
  });

  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const where = field === '' ? KIND_LABEL[kind] : `\`${field}\``;
      // `- Approve the plan: as drafted` under decisions is a field, not a text: say to quote it.
      // The cheap tests first: colonText looks at the keys, and a record may have thousands of unknown ones.
      const quote = (known.includes('text') || known.length === 0) && !known.includes(name) && colonText(e.data) !== undefined
        ? `a \`: \` inside text makes YAML read it as a field; put the whole text in quotes: "${colonText(e.data)}"` : undefined;
      return make('unknown-field', `unknown field \`${name}\` in ${where}`, [...path, name], 'key',
        quote ?? didYouMean(name, known) ?? `the fields here are: ${known.join(', ')}`);
    }
    case 'required': {
      const name = String((e.params as { missingProperty: string }).missingProperty);
      const about = parent.properties?.[name]?.description;
      const where = field === '' ? KIND_LABEL[kind] : `\`${field}\``;
      return make('missing-field', `${where} is missing the required field \`${name}\``, path, 'value',
        about ? `add \`${name}:\` — ${asHint(about)}` : `add \`${name}:\``);
    }
    case 'type': {
      const expected = ([] as string[]).concat((e.params as { type: string | string[] }).type);
      const wanted = expected.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      let hint: string | undefined;
      if (expected.includes('string') && typeof e.data === 'number' && parent.format === 'date') {
        hint = 'write the whole date as YYYY-MM-DD, e.g. 2019-06-20';
      } else if (expected.includes('string') && (typeof e.data === 'number' || typeof e.data === 'boolean')) {
        hint = `put it in quotes if it is meant as text: "${String(e.data)}"`;
      } else if (e.data === null) {
        hint = 'give it a value, or remove the field';
      } else if (expected.includes('string') && colonText(e.data) !== undefined) {
        hint = `a \`: \` inside text makes YAML read it as a field; put the whole text in quotes: "${colonText(e.data)}"`;
      }
      return make('wrong-type', `${label} must be ${wanted}, not ${describeValue(e.data)}`, path, 'value', hint);
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = String(e.data);
      if (parent.title === 'Country') {
        const guess = guessCountry(value, countries);
        return make('unknown-country', `${label}: \`${shorten(value)}\` is not an ISO 3166-1 alpha-2 country code`, path, 'value',
          guess ? `did you mean \`${guess}\` (${countryName(guess)})?` : 'use the two-letter code, e.g. RU, FI, CZ');
      }
      if (allowed.length > 20) {
        return make('invalid-value', `${label}: \`${shorten(value)}\` is not a known ${lowerFirst(parent.title ?? 'value')} code`, path, 'value',
          didYouMean(value.toLowerCase(), allowed) ?? asHint(parent.description));
      }
      return make('invalid-value', `${label} must be one of ${allowed.join(', ')}, not \`${shorten(value)}\``, path, 'value',
        didYouMean(value, allowed));
    }
    case 'format':
    case 'pattern': {
      const value = String(e.data);
      if (e.keyword === 'pattern' && (e.params as { pattern: string }).pattern === NOT_BLANK) {
        if (value === '') return undefined; // minLength says it is empty
        return make('empty-value', `${label} holds only spaces`, path, 'value', 'give it a value, or remove the field');
      }
      if (parent.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return make('impossible-date', `${label}: ${value} is not a real date`, path, 'value', 'check the month and the day');
      }
      const what = parent.title ? lowerFirst(parent.title) : 'in the required form';
      // An address is checked by its format and, for its scheme (http or https only), by a pattern: one hint for both.
      const hint = e.keyword === 'format' ? FORMAT_HINTS[(e.params as { format: string }).format]
        : parent.format !== undefined && FORMAT_HINTS[parent.format] !== undefined ? FORMAT_HINTS[parent.format] : asHint(parent.description);
      return make('invalid-format', `${label} must be ${article(what)}, not \`${shorten(value)}\``, path, 'value', hint);
    }
    case 'minLength':
      return make('empty-value', `${label} is empty`, path, 'value', 'give it a value, or remove the field');
    case 'uniqueItems': {
      const { i, j } = e.params as { i: number; j: number };
      const later = Math.max(i, j);
      const items = e.data as unknown[];
      return make('duplicate-item', `${label} lists \`${shorten(String(items[later]))}\` twice`, [...path, later], 'value', 'remove one of them');
    }
    case 'minimum':
    case 'maximum':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      if (parent.title?.startsWith('Date')) {
        return make('invalid-format', `${label}: ${String(e.data)} is not a year`, path, 'value', asHint(parent.description));
      }
      return make('out-of-range', `${label} ${e.message ?? 'is out of range'}, not ${describeValue(e.data)}`, path);
    default:
      return make('schema', `${label} ${e.message ?? 'does not match the schema'}`, path);
  }
}

/** The schemas' pattern for text: one character that is not a space, a no-break or other Unicode space, or an invisible one. */
const NOT_BLANK = '[^\\s\\u180e\\u200b-\\u200d\\u2060]';

const FORMAT_HINTS: Record<string, string> = {
  email: 'write an address such as name@example.org',
  uri: 'write a full address starting with https://',
  date: 'write the date as YYYY-MM-DD',
};

/** `Country` → `country`; a word in capitals keeps them (`ISO 3166-1 alpha-2 code`, not `iSO …`). */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * A schema's description as a hint, written as club's own hints are: lower case first, no closing full stop, and its
 * sentences one clause each (`… all that is known. An unquoted year …` → `… all that is known; an unquoted year …`).
 */
function asHint(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  return lowerFirst(description).replace(/\.\s+(\p{Lu}\p{Ll})/gu, (_, start: string) => `; ${start.toLowerCase()}`).replace(/\.$/, '');
}

function article(phrase: string): string {
  return /^(a|an|the|in) /.test(phrase) ? phrase : `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
