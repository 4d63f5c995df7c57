import { createRequire } from 'node:module';
import { article } from '../model/article.js';
import { countryReader } from '../model/country-input.js';
import { quoteTimes } from './yaml-times.js';
import { isMap, isSeq, isScalar, LineCounter, Pair, parseDocument, Scalar, type Document, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../errors/errors.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { typedTimeProblem } from '../model/dates.js';
import { readDateFlag } from '../model/typed-date.js';
import { parsePairs } from './pairs.js';
import type { RecordKind } from '../model/types.js';
import type { SchemaDocuments } from '../store/schemas.js';

/** One `FIELD=VALUE`, `FIELD+=VALUE`, `FIELD-=VALUE` of `club set`, or a FIELD of `club unset`. */
export interface Assignment {
  /** As typed, for messages. */
  field: string;
  /** Field names, list indexes (from 0), and `{key}` for the item of a list of groups whose id (or country, or name) is key. */
  path: PathPart[];
  op: '=' | '+=' | '-=' | 'unset';
  value: string;
}

export type PathPart = string | number | { key: string };

interface Node {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Node>;
  items?: Node;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  description?: string;
  oneOf?: Node[];
  anyOf?: Node[];
}

/** What a schema node is, once `$ref`s into defs.schema.json are followed: its def name (date, country, id…) kept. */
interface Resolved extends Node {
  def?: string;
}

function resolve(node: Node | undefined, docs: SchemaDocuments): Resolved | undefined {
  if (node === undefined) return undefined;
  if (node.$ref === undefined) return node;
  const def = node.$ref.split('/').pop()!;
  const target = (docs.defs as { $defs: Record<string, Node> }).$defs[def];
  const { $ref: _ref, ...rest } = node;
  const inner = resolve(target, docs);
  return { ...inner, ...rest, def: (inner as Resolved | undefined)?.def ?? def };
}

const typesOf = (n: Resolved): string[] => ([] as string[]).concat(n.type ?? []);

/** The alternatives of a `oneOf` (a decision is text or an object): the object one, to walk into. */
function objectBranch(n: Resolved, docs: SchemaDocuments): Resolved {
  for (const alt of [...(n.oneOf ?? []), ...(n.anyOf ?? [])]) {
    const r = resolve(alt, docs)!;
    if (r.properties) return r;
  }
  return n;
}

/** Every field a record kind may have, by dot path, for the usage error's list. */
export function settableFields(kind: RecordKind, docs: SchemaDocuments): string[] {
  const out: string[] = [];
  const walk = (props: Record<string, Node>, prefix: string) => {
    for (const [name, schema] of Object.entries(props)) {
      const r = objectBranch(resolve(schema, docs)!, docs);
      out.push(`${prefix}${name}`);
      if (r.properties) walk(r.properties, `${prefix}${name}.`);
      const items = r.items ? objectBranch(resolve(r.items, docs)!, docs) : undefined;
      if (items?.properties) walk(items.properties, `${prefix}${name}[N].`);
    }
  };
  walk((docs[kind] as Node).properties ?? {}, '');
  return out;
}

/**
 * `venue.city`, `agenda[1].title`, `agenda.1.title`, `member_countries[FR].until`
 * → path parts; list indexes count from 0, as in diagnostics; a bracketed word
 * names the item of a list of groups by its id (or country, or name).
 */
export function parseFieldPath(field: string): PathPart[] {
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*|\.\d+|\[[\w-]+\])*$/.test(field)) {
    throw new UsageError(`\`${field}\` is not a field name`, 'a field is a name or a dot path, e.g. title, venue.city, agenda[0].minutes, positions[treasurer].title');
  }
  return field.split(/\.|(?=\[)/).map((p) => {
    if (/^\[\d+\]$/.test(p)) return Number(p.slice(1, -1));
    if (/^\[[\w-]+\]$/.test(p)) return { key: p.slice(1, -1) };
    return /^\d+$/.test(p) ? Number(p) : p;
  });
}

/** The field that names an item of a list of groups: id, else country, else name. */
function identityField(items: Resolved): string | undefined {
  return ['id', 'country', 'name'].find((k) => items.properties?.[k] !== undefined);
}

/** Turns `{key}` parts into the index of the item that has that id (or country, or name) in the document. */
function concretePath(doc: Document, a: Assignment): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of a.path) {
    if (typeof part !== 'object') {
      out.push(part);
      continue;
    }
    const seq = doc.getIn(out, true);
    const ids: string[] = [];
    let found = -1;
    if (isSeq(seq)) {
      seq.items.forEach((item, i) => {
        if (!isMap(item)) return;
        for (const k of ['id', 'country', 'name']) {
          const v = item.get(k);
          if (v === undefined) continue;
          ids.push(String(v));
          if (found < 0 && String(v).toLowerCase() === part.key.toLowerCase()) found = i;
          break;
        }
      });
    }
    if (found < 0) {
      const near = didYouMean(part.key, ids);
      throw new UsageError(`${a.field}: ${out.join('.') || 'the list'} has no item \`${part.key}\`${near ? `; ${near}` : ''}`, ids.length > 0 ? `it has: ${ids.join(', ')}` : 'the list is empty');
    }
    out.push(found);
  }
  return out;
}

/** `FIELD=VALUE`, `FIELD+=VALUE`, `FIELD-=VALUE` → an assignment; anything else is a usage error. */
export function parseAssignment(arg: string): Assignment {
  const m = /^([^=+\-\s][^=]*?)(\+=|-=|=)([\s\S]*)$/.exec(arg);
  if (!m) throw new UsageError(`\`${arg}\` is not FIELD=VALUE`, 'e.g. club set vasiltsov-d-v title="Customs Counsellor" languages+=zh');
  return { field: m[1]!, path: parseFieldPath(m[1]!), op: m[2] as Assignment['op'], value: m[3]! };
}

export function parseUnset(field: string): Assignment {
  return { field, path: parseFieldPath(field), op: 'unset', value: '' };
}

/** The schema node at a path, or a usage error naming the fields there are (with did-you-mean). */
function nodeAt(kind: RecordKind, a: Assignment, docs: SchemaDocuments): Resolved {
  let node: Resolved = resolve(docs[kind] as Node, docs)!;
  const fields = () => settableFields(kind, docs);
  // The field as typed with its i-th part replaced: a suggestion names the whole path (`venue.name_ru`, not `name_ru`).
  const segments = a.field.split(/\.|(?=\[)/);
  const withPart = (i: number, name: string) => segments.map((s, j) => (j === i ? name : s)).reduce((out, s) => `${out}${s.startsWith('[') ? '' : '.'}${s}`);
  for (const [i, part] of a.path.entries()) {
    node = objectBranch(node, docs);
    if (typeof part !== 'string') {
      if (!typesOf(node).includes('array') || node.items === undefined) {
        throw new UsageError(`\`${a.field}\`: only a list has numbered items`, `fields of ${article(kind)} ${kind}: ${fields().join(', ')}`);
      }
      node = resolve(node.items, docs)!;
      continue;
    }
    const next = node.properties?.[part];
    if (next === undefined) {
      const here = Object.keys(node.properties ?? {});
      const near = didYouMean(part, here, (c) => `\`${withPart(i, c)}\``) ?? didYouMean(a.field, fields());
      throw new UsageError(`${article(kind)} ${kind} has no field \`${a.field}\`${near ? `; ${near}` : ''}`, `fields of ${article(kind)} ${kind}: ${fields().join(', ')}`);
    }
    node = resolve(next, docs)!;
  }
  return node;
}

/** Reads one typed value as the schema's type: a date, a number, a boolean, a code from a list. */
function typedValue(node: Resolved, text: string, field: string): unknown {
  const value = text.trim();
  const types = typesOf(node);
  if (node.def === 'date' || node.def === 'partialDate') {
    // Read as typed everywhere else: 15.01.2026 is stored as 2026-01-15.
    const read = readDateFlag(field, value, node.def === 'partialDate');
    if (read.problem !== undefined) throw new UsageError(read.problem);
    return read.iso;
  }
  if (node.def === 'time') {
    const problem = typedTimeProblem(field, value);
    if (problem !== undefined) throw new UsageError(problem);
    return /^\d:\d\d$/.test(value) ? `0${value}` : value;
  }
  if (node.enum) {
    const found = node.enum.find((e) => String(e).toLowerCase() === value.toLowerCase());
    if (found !== undefined) return found;
    const choices = node.enum.map(String);
    // `country=Россия`, `country=Finland`, `country=РФ`: the names `list --where` and `import` read are written as the code.
    const code = node.def === 'country' ? countryReader(choices).read(value) : undefined;
    if (code !== undefined) return code;
    const near = didYouMean(value, choices);
    throw new UsageError(`${field}: \`${value}\` is not one of the allowed values${near ? `; ${near}` : ''}`,
      choices.length <= 12 ? `allowed: ${choices.join(', ')}` : undefined);
  }
  if (types.includes('boolean')) {
    if (/^(true|yes)$/i.test(value)) return true;
    if (/^(false|no)$/i.test(value)) return false;
    throw new UsageError(`${field}: \`${value}\` is not true or false`);
  }
  if (types.length > 0 && types.every((t) => t === 'integer' || t === 'number')) {
    const n = Number(value);
    if (value === '' || !Number.isFinite(n) || (types.includes('integer') && !types.includes('number') && !Number.isInteger(n))) {
      throw new UsageError(`${field}: \`${value}\` is not a ${types.includes('number') ? 'number' : 'whole number'}`);
    }
    return n;
  }
  if (types.includes('object') || node.properties) {
    throw new UsageError(`${field} is a group of fields; set them one by one`, `e.g. ${field}.${Object.keys(node.properties ?? { name: 0 })[0]}=…`);
  }
  if (types.includes('integer') && /^\d+$/.test(value)) return value; // a year as partial date is text in new writes
  const problem = formProblem(node, value, field.split('.').pop()!.replace(/\[.*$/, ''));
  if (problem !== undefined) throw new UsageError(`${field} must be ${problem}, not \`${value}\``);
  return value;
}

/** The forms a typed value is held to here, as the schema holds it, so a mistyped one is a usage error (exit 2), not a refused record. */
const FORMS: Partial<Record<string, string>> = {
  email: 'an e-mail address such as name@example.org',
  uri: 'a web address that starts with http:// or https://',
  id: 'an id: lowercase letters, digits and single hyphens, e.g. vasiltsov-d-v',
  phone: 'a telephone number in international form, e.g. +7 495 123-45-67',
  timezone: 'an IANA time zone such as Europe/Moscow',
};

/** What form `value` should have had, or undefined when it has it (or the schema says nothing beyond text). */
function formProblem(node: Resolved, value: string, name: string): string | undefined {
  if (!typesOf(node).includes('string') || node.def === 'text') return undefined;
  const formats = (createRequire(import.meta.url)('ajv-formats/dist/formats.js') as { fullFormats: Record<string, RegExp | ((v: string) => boolean)> }).fullFormats;
  const format = node.format === undefined ? undefined : formats[node.format];
  const fits = (check: RegExp | ((v: string) => boolean) | undefined) => check === undefined || (typeof check === 'function' ? check(value) : check.test(value));
  const pattern = node.pattern === undefined ? undefined : new RegExp(node.pattern, 'u');
  if (fits(format) && fits(pattern)) return undefined;
  return FORMS[node.def ?? node.format ?? name] ?? (node.description !== undefined ? node.description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) : `text that matches ${node.pattern}`);
}

/** A list of ids or codes is given comma-separated; a list of free text is one item per `+=`. */
function splitsOnCommas(items: Resolved): boolean {
  return items.def === 'id' || items.def === 'country' || items.def === 'language' || items.enum !== undefined;
}

/** Puts `key: value` into a mapping where the schema's order says, so a file keeps its key order. */
function insertInOrder(map: YAMLMap, key: string, value: unknown, order: readonly string[], doc: Document): void {
  const rank = order.indexOf(key);
  const ranks = map.items.map((p) => order.indexOf(String((p.key as Scalar | null)?.value)));
  let at = map.items.length;
  if (rank >= 0) {
    const before = ranks.map((r, i) => (r >= 0 && r < rank ? i : -1)).filter((i) => i >= 0);
    const after = ranks.findIndex((r) => r > rank);
    if (before.length > 0) at = before[before.length - 1]! + 1;
    else if (after >= 0) at = after;
  }
  map.items.splice(at, 0, new Pair(new Scalar(key), doc.createNode(value)));
}

/**
 * `+=` on a list of groups adds one item given as `key=value; key=value`;
 * `-=` removes the item with that id (or country, or name); `=` is refused.
 */
function groupListChange(doc: Document, path: (string | number)[], a: Assignment, items: Resolved, docs: SchemaDocuments): void {
  const keys = Object.keys(items.properties!);
  const identity = identityField(items);
  const example = `${a.field}+="${keys.slice(0, 2).map((k) => `${k}=…`).join('; ')}"`;
  if (a.op === '=') throw new UsageError(`${a.field} is a list of groups of fields: add one with +=, remove one with -=`, `e.g. ${example}`);
  const current = doc.getIn(path, true);
  const seq = isSeq(current) ? current : undefined;
  const idOf = (item: unknown) => (isMap(item) && identity ? String(item.get(identity)) : undefined);
  if (a.op === '-=') {
    const index = seq?.items.findIndex((i) => idOf(i)?.toLowerCase() === a.value.trim().toLowerCase()) ?? -1;
    if (index < 0) {
      const ids = seq?.items.map(idOf).filter((x): x is string => x !== undefined) ?? [];
      throw new UsageError(`${a.field} has no item \`${a.value.trim()}\``, ids.length > 0 ? `it has: ${ids.join(', ')}` : 'the list is empty');
    }
    seq!.items.splice(index, 1);
    if (seq!.items.length === 0) doc.deleteIn(path);
    return;
  }
  const item: Record<string, unknown> = {};
  for (const [k, v] of parsePairs(a.field, a.value, keys)) item[k] = typedValue(resolve(items.properties![k], docs)!, v, `${a.field}.${k}`);
  // In the schema's order, whatever order they were typed in.
  const ordered = Object.fromEntries(keys.filter((k) => k in item).map((k) => [k, item[k]]));
  if (identity && ordered[identity] !== undefined && seq?.items.some((i) => idOf(i)?.toLowerCase() === String(ordered[identity]).toLowerCase())) {
    throw new UsageError(`${a.field} already has \`${String(ordered[identity])}\``, `change it with ${a.field.replace(/\[.*$/, '')}[${String(ordered[identity])}].FIELD=VALUE`);
  }
  if (seq) seq.items.push(doc.createNode(ordered));
  else if (doc.hasIn(path)) throw new UsageError(`${a.field} is not a list in this file`);
  else {
    const parentPath = path.slice(0, -1);
    const map = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    if (!isMap(map)) throw new UsageError(`${a.field}: the group it belongs to is not in this file`);
    map.set(String(path[path.length - 1]), doc.createNode([ordered]));
  }
}

/** Applies the assignments to a record's document, in order; comments, blank lines and key order stay. */
/**
 * The assignments that change a value, applied in order to a copy of `doc`: one that leaves the record's value as it
 * was (a field set to what it holds, an item removed that is not there) is left out. Errors are those of applyAssignments.
 */
export function changingAssignments(doc: Document, kind: RecordKind, assignments: readonly Assignment[], docs: SchemaDocuments): Assignment[] {
  const copy = doc.clone();
  const out: Assignment[] = [];
  let before = JSON.stringify(copy.toJS());
  for (const a of assignments) {
    applyAssignments(copy, kind, [a], docs);
    const after = JSON.stringify(copy.toJS());
    if (after !== before) out.push(a);
    before = after;
  }
  return out;
}

/**
 * A field changed or removed beside its Russian form that was not (`venue.name` set, `venue.name_ru` kept): a
 * warning at the Russian form in `text`, the record as written. It may name the old hall, city or name, which
 * Russian documents would print; or it may still be right (a spelling mended in English), so it is kept, and said.
 */
export function keptTranslations(text: string, file: string, id: string, assignments: readonly Assignment[]): Diagnostic[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const changed = assignments.filter((a) => a.op === '=' || a.op === 'unset');
  const out: Diagnostic[] = [];
  for (const a of changed) {
    const key = a.path.at(-1);
    if (typeof key !== 'string' || key.endsWith('_ru')) continue;
    const translated = `${a.field}_ru`;
    if (changed.some((b) => b.field === translated)) continue;
    let node: unknown;
    try {
      node = doc.getIn(concretePath(doc, { ...a, path: [...a.path.slice(0, -1), `${key}_ru`] }), true);
    } catch {
      continue; // the item the field was in is gone: so is its Russian form
    }
    if (!isScalar(node) || !node.range) continue;
    const { line, col } = lineCounter.linePos(node.range[0]);
    const now = a.op === 'unset' ? 'is removed' : `is now \`${a.value}\``;
    out.push({
      code: 'translation-kept', severity: 'warning', file, line, column: col, path: translated,
      message: `\`${a.field}\` ${now}, but \`${translated}\` still says \`${String(node.value)}\``,
      hint: `if that names the old one, give the new one (\`club set ${id} ${translated}=…\`) or remove it (\`club unset ${id} ${translated}\`); Russian documents print it`,
    });
  }
  return out;
}

export function applyAssignments(doc: Document, kind: RecordKind, assignments: readonly Assignment[], docs: SchemaDocuments): void {
  for (const a of assignments) {
    if (a.path[0] === 'id') throw new UsageError('the id is the file name, not a field', 'to move a meeting to another day use club reschedule');
    const node = nodeAt(kind, a, docs);
    const path = concretePath(doc, a);
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1]!;
    if (a.op === 'unset') {
      if (!doc.hasIn(path)) throw new UsageError(`${a.field} is not set`);
      doc.deleteIn(path);
      // A group left empty (venue with no field) goes too.
      for (let p = parentPath; p.length > 0; p = p.slice(0, -1)) {
        const parent = doc.getIn(p, true);
        if ((isMap(parent) || isSeq(parent)) && parent.items.length === 0) doc.deleteIn(p);
        else break;
      }
      continue;
    }
    const isList = typesOf(node).includes('array');
    if ((a.op === '+=' || a.op === '-=') && !isList) throw new UsageError(`${a.field} is not a list: use ${a.field}=VALUE`);
    let value: unknown;
    if (isList) {
      const items = objectBranch(resolve(node.items, docs) ?? {}, docs);
      if (items.properties) {
        groupListChange(doc, path, a, items, docs);
        continue;
      }
      const parts = splitsOnCommas(items) ? a.value.split(',').map((s) => s.trim()).filter((s) => s !== '') : [a.value];
      const typed = parts.map((p) => typedValue(items, p, a.field));
      if (a.op === '=') value = typed;
      else {
        const current = doc.getIn(path, true);
        const seq = isSeq(current) ? current : undefined;
        if (a.op === '+=') {
          if (seq) {
            for (const t of typed) {
              if (seq.items.some((i) => isScalar(i) && i.value === t)) throw new UsageError(`${a.field} already has \`${String(t)}\``);
              seq.items.push(doc.createNode(t));
            }
            continue;
          }
          value = typed;
        } else {
          for (const t of typed) {
            const index = seq?.items.findIndex((i) => (isScalar(i) ? i.value : i) === t) ?? -1;
            if (index < 0) throw new UsageError(`${a.field} has no \`${String(t)}\``, seq ? `it has: ${seq.items.map((i) => (isScalar(i) ? String(i.value) : '…')).join(', ')}` : 'the list is empty');
            seq!.items.splice(index, 1);
          }
          if (seq!.items.length === 0) doc.deleteIn(path);
          continue;
        }
      }
    } else {
      value = typedValue(node, a.value, a.field);
    }
    if (doc.hasIn(path)) {
      const existing = doc.getIn(path, true);
      if (isScalar(existing) && !isList) {
        existing.value = value; // keeps the node's comment and quoting style
        quoteTimes(existing); // but a time is quoted: a plain 18:30 is a number to YAML 1.1
      }
      else doc.setIn(path, value);
      continue;
    }
    // A new key: created where the schema puts it, and its group with it when needed.
    let map: unknown = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    if (map === undefined) {
      doc.setIn(parentPath, doc.createNode({}));
      map = doc.getIn(parentPath, true);
    }
    if (!isMap(map)) throw new UsageError(`${a.field}: ${parentPath.join('.') || 'the record'} is not a group of fields in this file`);
    let parentNode: Resolved = resolve(docs[kind] as Node, docs)!;
    for (const part of parentPath) parentNode = objectBranch(typeof part === 'number' ? resolve(parentNode.items, docs)! : resolve(parentNode.properties?.[part], docs)!, docs);
    insertInOrder(map, String(last), value, Object.keys(parentNode.properties ?? {}), doc);
  }
}

