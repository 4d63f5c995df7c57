import { createRequire } from 'node:module';
import type { Document, Node, ParsedNode } from 'yaml';
import type { Diagnostic, FieldPath } from '../diagnostics/diagnostic.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import { fastAllowed, fastLocator, jsYamlParse, simpleParse, type TextPool } from './fast-parse.js';
import { LIMITS } from './limits.js';

// yaml is loaded only for files the fast path leaves to it, or that need positions.
let yamlModule: typeof import('yaml') | undefined;
const Y = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
const isAlias = (n: unknown) => Y().isAlias(n);
const isMap = (n: unknown) => Y().isMap(n);
const isScalar = (n: unknown) => Y().isScalar(n);
const isSeq = (n: unknown) => Y().isSeq(n);

/** One record file, parsed: its value, and what is needed to point into its text. */
export interface ParsedRecord {
  file: string;
  /** The plain value (objects have no prototype), or undefined when the file could not be read as one mapping. */
  value: Record<string, unknown> | undefined;
  diagnostics: Diagnostic[];
  /** 1-based line and column of the node at `path` (or of its key), as near as the file allows. */
  locate(path: FieldPath, at?: 'value' | 'key'): { line: number; column: number };
  /** Read the fast way: `fastRecordLocator(file, text)` gives the same `locate` again, from the text alone. */
  fast?: true;
  /**
   * Read by simpleParse, which reads a number only from plain digits (no sign, point, exponent, base or
   * leading zero, at most 15): each number in the value is written as its own decimal digits.
   */
  digitsOnly?: true;
}

// yaml's error codes, put in the secretary's words where the library's own message is terse.
const YAML_CODES: Record<string, { code: string; message?: string }> = {
  MULTIPLE_DOCS: { code: 'multiple-documents', message: 'the file holds more than one YAML document; a record file holds exactly one' },
  TAB_AS_INDENT: { code: 'tab-indent', message: 'a tab is used for indentation; YAML indents with spaces only' },
};

class LimitExceeded extends Error {
  constructor(readonly code: string, readonly detail: string, readonly node: Node | undefined) {
    super(detail);
  }
}

/**
 * Parses the text of one record file as YAML 1.2 (core schema: `2019-06-01` stays
 * the string it is, `no` is not false) into a plain value. Never throws: every
 * problem is a diagnostic. Files read with one `pool` share their short texts (see fastParse).
 */
export function parseRecord(file: string, source: string, pool?: TextPool): ParsedRecord {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // fastParse in two steps, the one-pass reader first: what it reads nests a few levels at most, so the depth
  // needs no look (a walk over every character of every file); only the files it declines are measured.
  const allowed = fastAllowed(text);
  const simple = allowed ? simpleParse(text, pool) : undefined;
  if (simple !== undefined) return { file, value: simple, diagnostics: [], locate: fastRecordLocator(file, source), fast: true, digitsOnly: true };
  const tooDeep = depthExceeded(text, LIMITS.depth);
  if (tooDeep !== undefined) {
    // The parser would take seconds, and overflow its stack, on a million brackets or `- `: refuse before it starts.
    const before = text.slice(0, tooDeep).split('\n');
    const at = { line: before.length, column: before[before.length - 1]!.length + 1 };
    return {
      file, value: undefined, locate: () => at,
      diagnostics: [{ code: 'too-deep', severity: 'error', message: `the file nests more than ${LIMITS.depth} levels deep`, file, ...at, path: '' }],
    };
  }
  const fast = allowed ? jsYamlParse(text, pool) : undefined;
  if (fast !== undefined) return { file, value: fast, diagnostics: [], locate: fastRecordLocator(file, source), fast: true };
  const crowded = allowed ? undefined : flatNodesExceeded(text, LIMITS.nodes);
  if (crowded !== undefined) {
    // 100,000 `key: value` lines took the precise parser 2.4 s of CPU before its count refused them; this is the same verdict, at the same spot.
    const before = text.slice(0, crowded).split('\n');
    const at = { line: before.length, column: before[before.length - 1]!.length + 1 };
    return { file, value: undefined, locate: () => at, diagnostics: [{ code: 'too-many-nodes', severity: 'error', message: tooManyNodes(LIMITS.nodes), file, ...at, path: '' }] };
  }
  return parsePrecisely(file, text);
}

const tooManyNodes = (limit: number) => `the file expands to more than ${limit.toLocaleString('en')} values (aliases included); a record is far smaller`;

// One line of a flat top-level mapping whose node count is certain: a plain key whose text is its value (not
// `null`, `true`, a number…), a one-line plain value that cannot start or hold anything else (no quote, anchor,
// alias, tag, flow bracket, block scalar, `: ` or `#` inside), an optional comment. Group 1: the key; group 2: the value.
const FLAT_PAIR = /^([A-Za-z_][\w-]*): +([^\s\-?:,[\]{}#&*!|>'"%@`\x00-\x1f\x7f-\x9f\ufeff\ufffe\uffff][^:#\x00-\x1f\x7f-\x9f\ufeff\ufffe\uffff]*?) *(?:#[^\x00-\x08\x0a-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]*)?\r?$/;
const SKIPPED = /^ *(?:#[^\x00-\x08\x0a-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]*)?\r?$/;
const NOT_TEXT_KEY = /^(?:null|true|false)$/i;

/**
 * The offset of the value the precise parser's count (toPlain) would refuse, for a text that opens with more
 * than `limit` lines of one flat mapping (`key: value`), or undefined. The mapping is node 1 and each value one
 * more, in text order, so the `limit`th pair's value is node `limit` + 1 whatever follows it (a later syntax error
 * refuses the file too, only with another code). Any other line, or a key met twice (its value is skipped, not
 * counted), and the answer is undefined: the precise parser decides. Texts with fewer lines are not looked at.
 */
export function flatNodesExceeded(text: string, limit: number): number | undefined {
  if (count(text, '\n', limit) < limit - 1) return undefined;
  const keys = new Set<string>();
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    const pair = FLAT_PAIR.exec(line);
    if (pair !== null) {
      const key = pair[1]!;
      if (NOT_TEXT_KEY.test(key) || keys.has(key)) return undefined;
      keys.add(key);
      if (keys.size + 1 > limit) return start + line.indexOf(pair[2]!, key.length + 1);
    } else if (!SKIPPED.test(line)) {
      return undefined;
    }
    if (newline < 0) break;
    start = end + 1;
  }
  return undefined;
}

/**
 * Where the fields of a file the fast path read are. No problems, so no positions yet:
 * they are worked out when a diagnostic asks for one, from js-yaml's node events, or with
 * the precise parser if those fail. Only for a text parseRecord read the fast way
 * (`fast: true`); a loader may keep the text and make this when it is first needed.
 */
export function fastRecordLocator(file: string, source: string): ParsedRecord['locate'] {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let offsets: ReturnType<typeof fastLocator> | null | undefined;
  let starts: number[] | undefined;
  let precise: ParsedRecord | undefined;
  return (path: FieldPath, at?: 'value' | 'key') => {
    if (offsets === undefined) offsets = fastLocator(text) ?? null;
    const offset = offsets?.(path, at);
    if (offset !== undefined) return lineAndColumn((starts ??= lineStarts(text)), offset);
    return (precise ??= parsePrecisely(file, text)).locate(path, at);
  };
}

/** Parses with `yaml`: slower, but every node knows where it is, and every problem is found. `nodes`: LIMITS.nodes, smaller only in tests. */
export function parsePrecisely(file: string, text: string, nodes: number = LIMITS.nodes): ParsedRecord {
  const lineCounter = new (Y().LineCounter)();
  const doc = Y().parseDocument(text, {
    version: '1.2',
    schema: 'core',
    merge: false,
    // yaml's own duplicate check compares every key with every other (50,000 keys: 20 s); toPlain uses a Set.
    uniqueKeys: false,
    // An integer past 2^53 would be rounded silently (123456789012345678901234567890 → 1.2345678901234568e+29): read it exactly, then refuse it.
    intAsBigInt: true,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
    lineCounter,
  });

  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  const report = (code: string, message: string, offset: number, path: FieldPath = [], hint?: string) => {
    diagnostics.push({ code, severity: 'error', message, ...(hint ? { hint } : {}), file, ...position(offset), path: formatPath(path) });
  };

  const locate = (path: FieldPath, at: 'value' | 'key' = 'value') => position(offsetOf(doc, path, at));

  const reportedAt = new Set<number>();
  for (const error of doc.errors) {
    // A second error at the same spot is the parser's follow-on to the first.
    if (reportedAt.has(error.pos[0])) continue;
    reportedAt.add(error.pos[0]);
    const known = YAML_CODES[error.code];
    const explained = known ? undefined : explainSyntaxError(text, error, (offset) => position(offset));
    if (explained) {
      report('yaml-syntax', explained.message, explained.offset, [], explained.hint);
      // An open bracket or quote swallows the rest of the file: every later error only follows from it.
      if (explained.swallowsRest) break;
      continue;
    }
    const message = known?.message ?? `the YAML cannot be read: ${firstLine(error.message)}`;
    report(known?.code ?? 'yaml-syntax', message, error.pos[0]);
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      // `!!js/function`, `!!python/object/apply`, `!foo`: a tag that means something to another program is refused, not read as text.
      const tag = /Unresolved tag: (.*)/.exec(warning.message)?.[1]?.replace('tag:yaml.org,2002:', '!!') ?? 'this tag';
      report('unknown-tag', `the tag ${tag} is not one a record may use: a record holds text, numbers, true/false, lists and mappings`,
        warning.pos[0], [], 'remove the tag and write the value as plain text');
      continue;
    }
    diagnostics.push({
      code: 'yaml-warning', severity: 'warning', message: firstLine(warning.message),
      file, ...position(warning.pos[0]), path: '',
    });
  }
  if (doc.errors.length > 0) return { file, value: undefined, diagnostics, locate };

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    report('empty-file', 'the file is empty; a record file holds one YAML mapping of fields', 0);
    return { file, value: undefined, diagnostics, locate };
  }
  if (!isMap(doc.contents)) {
    const got = isSeq(doc.contents) ? 'a list' : 'a single value';
    report('not-a-mapping', `the file holds ${got}; a record file holds one YAML mapping of fields (name: value)`,
      doc.contents.range?.[0] ?? 0);
    return { file, value: undefined, diagnostics, locate };
  }

  try {
    const value = toPlain(doc, doc.contents, { nodes: 0, limit: nodes, depth: 0, expanding: new Set() }, [], report);
    return { file, value: value as Record<string, unknown>, diagnostics, locate };
  } catch (error) {
    if (!(error instanceof LimitExceeded)) throw error;
    report(error.code, error.detail, error.node?.range?.[0] ?? 0);
    return { file, value: undefined, diagnostics, locate };
  }
}

/**
 * The offset where the text first nests deeper than `limit`, counting flow
 * brackets and block levels (indentation, and compact `- - -` on one line), or
 * undefined. A quick look, not a parse: it counts at least as deep as YAML
 * nests, so nothing deeper ever reaches the parser's recursion.
 */
function depthExceeded(text: string, limit: number): number | undefined {
  // Two exact shortcuts, so most records are not walked character by character: flow depth
  // grows only at `[` and `{`, so it cannot pass `limit` with no more of them than that;
  // block levels sit at strictly increasing columns of one line or another, so they number
  // at most the longest line's length + 1.
  const flow = count(text, '[', limit) + count(text, '{', limit) > limit ? flowDepthExceeded(text, limit) : undefined;
  return flow ?? (longestLine(text) >= limit ? blockDepthExceeded(text, limit) : undefined);
}

/** How often `c` occurs in `text`, counting no further than `stop` + 1. */
function count(text: string, c: string, stop: number): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0 && n <= stop; i = text.indexOf(c, i + 1)) n++;
  return n;
}

/** The length of the longest line, line break characters other than `\n` included. */
function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    if (i - start > longest) longest = i - start;
    start = i + 1;
  }
  return Math.max(longest, text.length - start);
}

/** Can a quote at `i` begin a quoted scalar? Only where a value begins: after `:`, `-`, `?`, `[`, `{`, `,` or at a line's start. */
function quoteMayStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || '\n\r:-?[{,'.includes(text[j]!);
}

function flowDepthExceeded(text: string, limit: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === "'" && quote === "'" && text[i + 1] === "'") i++; // '' is a quote inside single quotes
      else if (c === quote) quote = undefined;
      else if (c === '\n' && depth === 0) quote = undefined; // a stray quote in a plain scalar
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if ((c === '"' || c === "'") && quoteMayStart(text, i)) {
      // A quote inside a plain scalar (`b 'c`) starts nothing: brackets after it still count.
      quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

const COMPACT = /[-?:](?: +|$)/y;
const BLOCK_SCALAR = /[|>][-+0-9]*\s*$/;

/** Block nesting: each deeper indentation is a level, and so is each `- `, `? ` or `: ` that opens a line. */
function blockDepthExceeded(text: string, limit: number): number | undefined {
  const levels: number[] = [];
  let scalarIndent: number | undefined; // lines indented deeper than this are a block scalar's text
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let indent = start;
    while (indent < end && text[indent] === ' ') indent++;
    const column = indent - start;
    const blank = indent >= end || text[indent] === '#' || text[indent] === '\r';
    if (!blank && scalarIndent !== undefined && column > scalarIndent) {
      // text of a block scalar
    } else if (!blank) {
      scalarIndent = undefined;
      while (levels.length > 0 && levels[levels.length - 1]! >= column) levels.pop();
      levels.push(column);
      COMPACT.lastIndex = indent;
      while (COMPACT.lastIndex < end && COMPACT.test(text)) {
        levels.push(COMPACT.lastIndex - start);
        if (levels.length > limit) return COMPACT.lastIndex;
      }
      if (levels.length > limit) return indent;
      if (BLOCK_SCALAR.test(text.slice(Math.max(indent, end - 16), end))) scalarIndent = column;
    }
    start = end + 1;
  }
  return undefined;
}

/** Offsets where each line begins. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset (columns in UTF-16 units, as yaml's LineCounter counts them). */
function lineAndColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

function shortNumber(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

const aliasTargets = new WeakMap<Document, Map<Node, Node | undefined>>();

/**
 * The node an alias refers to: the last node anchored with its name before it.
 * Every alias of a document is resolved in one walk, once (yaml's own
 * `resolve` walks the whole document for each alias: 50,000 aliases took minutes).
 */
function targetOf(doc: Document, alias: Node): Node | undefined {
  let targets = aliasTargets.get(doc);
  if (targets === undefined) {
    const found = new Map<Node, Node | undefined>();
    const anchored = new Map<string, Node>();
    Y().visit(doc, (_key, node) => {
      if (node === null || typeof node !== 'object') return; // an empty key or value (`? *a`) is null here
      if (isAlias(node)) found.set(node as Node, anchored.get((node as { source: string }).source));
      else if (typeof (node as { anchor?: string }).anchor === 'string') anchored.set((node as { anchor: string }).anchor, node as Node);
    });
    targets = found;
    aliasTargets.set(doc, targets);
  }
  return targets.get(alias);
}

interface Walk {
  nodes: number;
  /** The most nodes allowed (LIMITS.nodes). */
  limit: number;
  depth: number;
  /** Anchored nodes being expanded right now: meeting one again is a cycle. */
  expanding: Set<Node>;
}

type Report = (code: string, message: string, offset: number, path?: FieldPath, hint?: string) => void;

/**
 * Builds the plain value of a node. Aliases are expanded here, counted node by
 * node against LIMITS.nodes so an alias bomb stops early; mappings become
 * prototype-less objects so `__proto__` or `constructor` are ordinary keys.
 */
function toPlain(doc: Document, node: Node | null, walk: Walk, path: FieldPath, report: Report): unknown {
  if (node === null) return null;
  if (++walk.nodes > walk.limit) {
    throw new LimitExceeded('too-many-nodes', tooManyNodes(walk.limit), node);
  }
  if (isAlias(node)) {
    const target = targetOf(doc, node);
    if (!target) throw new LimitExceeded('yaml-syntax', `the alias *${node.source} refers to no anchor`, node);
    if (walk.expanding.has(target)) {
      throw new LimitExceeded('alias-cycle', `the alias *${node.source} refers to a value that contains itself`, node);
    }
    walk.expanding.add(target);
    const value = toPlain(doc, target, walk, path, report);
    walk.expanding.delete(target);
    return value;
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') {
      if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
      report('number-too-large', `the number ${shortNumber(node.source ?? String(v))} is too large to be kept exactly (beyond 2^53)`,
        node.range?.[0] ?? 0, path, 'put it in quotes if it is meant as text, or write a smaller number');
      return Number(v); // the file is refused for it; the schema still checks the field as the number it nearly is
    }
    // Core-schema scalars are the four above; anything else came from a tag such as !!timestamp.
    report('unsupported-value', `the tag ${(node.tag ?? '').replace('tag:yaml.org,2002:', '!!')} makes this value something a record cannot hold`.replace('  ', ' '),
      node.range?.[0] ?? 0, path, 'remove the tag and write the value as plain text');
    return null;
  }
  if (walk.depth >= LIMITS.depth) {
    throw new LimitExceeded('too-deep', `the file nests more than ${LIMITS.depth} levels deep`, node);
  }
  walk.depth++;
  try {
    if (isSeq(node)) {
      return node.items.map((item, i) => toPlain(doc, item as Node, walk, [...path, i], report));
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const keyValue = isAlias(keyNode) ? toPlain(doc, keyNode, walk, path, report) : isScalar(keyNode) ? keyNode.value : undefined;
        if (keyValue === undefined || (typeof keyValue === 'object' && keyValue !== null)) {
          report('complex-key', 'a key must be a plain name, not a list or mapping', keyNode?.range?.[0] ?? node.range?.[0] ?? 0, path);
          continue;
        }
        const key = String(keyValue);
        if (seen.has(key)) {
          report('duplicate-key', `the key \`${key}\` appears twice in one mapping`, keyNode?.range?.[0] ?? 0, path, 'keep one of them');
          continue;
        }
        seen.add(key);
        if (key === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN') {
          // YAML 1.1 merge keys are not part of YAML 1.2; say so rather than report an odd unknown field.
          report('merge-key', 'merge keys (`<<`) are not supported in record files', keyNode.range?.[0] ?? 0, path,
            'write the fields out in full');
          continue;
        }
        out[key] = toPlain(doc, pair.value as Node | null, walk, [...path, key], report);
      }
      return out;
    }
  } finally {
    walk.depth--;
  }
  report('unsupported-value', 'this node cannot be read', (node as Node).range?.[0] ?? 0, path);
  return null;
}

const pairIndexes = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();

/** A mapping's pairs by key, built once: finding each of 50,000 keys by a search through all of them was quadratic. */
function pairIndex(map: { items: { key: unknown; value: unknown }[] }): Map<string, { key: unknown; value: unknown }> {
  let index = pairIndexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const p of map.items) {
      if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

/** The offset of the node at `path`, or of the nearest enclosing node that exists. */
function offsetOf(doc: Document, path: FieldPath, at: 'value' | 'key'): number {
  let node = doc.contents as ParsedNode | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (isAlias(node)) node = (targetOf(doc, node) as ParsedNode | undefined) ?? null;
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(part));
      if (!pair) return offset;
      const keyNode = pair.key as ParsedNode;
      if (i === path.length - 1 && at === 'key') return keyNode.range?.[0] ?? offset;
      node = (pair.value as ParsedNode | null) ?? null;
      // `key:` with no value: point at the key, not at the empty spot after it.
      const empty = node === null || (node.range !== undefined && node.range[0] === node.range[1]);
      offset = (empty ? keyNode.range?.[0] : node?.range?.[0]) ?? offset;
      if (node === null) return offset;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as ParsedNode | undefined;
      if (!item) return offset;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

/** A place in the text: the offset of a token and the character that opens it. */
interface Opener { offset: number; type: string; source?: string; end?: { source?: string }[] }

/** Every CST token of the text that opens something (a quoted value, a flow collection), in text order. */
function openers(text: string): Opener[] {
  const found: Opener[] = [];
  const walk = (token: unknown, depth: number): void => {
    if (token === null || typeof token !== 'object' || depth > 200) return;
    if (Array.isArray(token)) {
      for (const t of token) walk(t, depth + 1);
      return;
    }
    const t = token as Record<string, unknown>;
    if (typeof t.type === 'string' && typeof t.offset === 'number'
      && (t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar' || t.type === 'flow-collection')) {
      found.push(t as unknown as Opener);
    }
    for (const key of Object.keys(t)) if (key !== 'type' && key !== 'offset' && key !== 'indent') walk(t[key], depth + 1);
  };
  for (const token of new (Y().Parser)().parse(text)) walk(token, 0);
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * A syntax error put where the reader must fix it, in club's words: yaml reports an unclosed quote or
 * bracket where the text ran out, and bad indentation at a comment above the line at fault.
 * Undefined for an error it does not know: that one keeps yaml's own wording and place.
 */
function explainSyntaxError(text: string, error: { code: string; message: string; pos: [number, number] },
  position: (offset: number) => { line: number; column: number }): { offset: number; message: string; hint: string; swallowsRest?: boolean } | undefined {
  const at = (offset: number) => { const p = position(offset); return `${p.line}:${p.column}`; };
  // A carriage return alone (an old Mac line end) is no line end to yaml: the lines it meant run together, so yaml's
  // own message (`Nested mappings are not allowed…`) names a symptom. Every later error follows from it.
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    return {
      offset: loneCr.index,
      message: 'the YAML cannot be read: a line ends in a carriage return alone (an old Mac line end), which YAML here does not take as the end of a line',
      hint: 'save the file with LF (or CR LF) line ends',
      swallowsRest: true,
    };
  }
  if (error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(error.message)) {
    const quote = error.message.charAt('Missing closing '.length);
    const type = quote === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
    // The quoted value left open runs on to where yaml stopped: the last one of its kind that starts before.
    const open = openers(text).filter((o) => o.type === type && o.offset < error.pos[0]
      && (o.source === undefined || o.source.length < 2 || !o.source.endsWith(quote) || o.offset + o.source.length >= error.pos[0])).pop();
    if (!open) return undefined;
    return {
      offset: open.offset,
      message: `a quoted value is not closed: the quote ${quote} at ${at(open.offset)} has no closing ${quote}`,
      hint: `close it with ${quote} at the end of the value, or remove the opening quote`,
      swallowsRest: true,
    };
  }
  const flow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(error.message);
  if (error.code === 'BAD_INDENT' && flow) {
    const bracket = flow[2]!;
    const opening = bracket === ']' ? '[' : '{';
    const open = openers(text).filter((o) => o.type === 'flow-collection' && o.offset <= error.pos[0] && text[o.offset] === opening
      && !(o.end ?? []).some((e) => e.source === bracket)).pop();
    if (!open) return undefined;
    const what = bracket === ']' ? 'a list' : 'a mapping';
    return {
      offset: open.offset,
      message: `${what} in brackets is not closed: the ${opening} at ${at(open.offset)} has no closing ${bracket}`,
      hint: `close it with ${bracket} on the same line, or indent its continued lines further than the field`,
      swallowsRest: true,
    };
  }
  if (error.code === 'BAD_INDENT' && /^All mapping items must start at the same column/.test(error.message)) {
    // yaml stops at the line before the one at fault, often a comment: step over blank and comment lines to the field.
    let i = error.pos[0];
    for (;;) {
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (text[i] === '#') {
        while (i < text.length && text[i] !== '\n') i++;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') { i++; continue; }
      break;
    }
    if (i >= text.length) return undefined;
    const above = fieldAbove(text, i);
    if (above !== undefined) return misindented(text, i, above, position);
    const p = position(i);
    return {
      offset: i,
      message: `this line is indented differently from the fields around it: the fields of one mapping start at the same column (this one at column ${p.column})`,
      hint: 'indent it with as many spaces as the field above it, or, if it belongs inside that field, further',
    };
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    // `category: customs` then `  division: x`: yaml reads `customs division` as a key and stops at the value above.
    // The field at fault is the first `key:` on a later line, if every line up to it is indented further (a continuation).
    const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
    const keyAbove = keyStart(text, lineStart);
    const indentAbove = indentOf(text, lineStart);
    for (let start = text.indexOf('\n', error.pos[0]) + 1; start > 0 && start < text.length; start = text.indexOf('\n', start) + 1) {
      const first = indentOf(text, start) + start;
      if (first >= text.length || '\r\n#'.includes(text[first]!)) continue;
      if (first - start <= indentAbove) return undefined;
      if (keyName(text, first) !== undefined) return misindented(text, first, keyAbove, position);
    }
  }
  return undefined;
}

/** Spaces at the start of the line that begins at `start`. */
function indentOf(text: string, start: number): number {
  let i = start;
  while (text[i] === ' ') i++;
  return i - start;
}

/** Where the key of the line beginning at `start` begins, past its indentation and any `- `. */
function keyStart(text: string, start: number): number {
  let i = start + indentOf(text, start);
  while (text[i] === '-' && text[i + 1] === ' ') {
    i += 2;
    while (text[i] === ' ') i++;
  }
  return i;
}

/** The plain key written at `at` (`division` of `division: x`), or undefined when the line is no `key:` line. */
function keyName(text: string, at: number): string | undefined {
  const end = text.indexOf('\n', at);
  const line = text.slice(at, end < 0 ? text.length : end);
  return /^([^\s#:'"\[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(line)?.[1];
}

/** The key of the nearest line above `at` that is not blank or a comment, where it starts. */
function fieldAbove(text: string, at: number): number | undefined {
  let end = text.lastIndexOf('\n', at - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const first = start + indentOf(text, start);
    if (first < end && !'\r#'.includes(text[first]!)) {
      const key = keyStart(text, start);
      return keyName(text, key) !== undefined ? key : undefined;
    }
    end = start - 1;
  }
  return undefined;
}

/** A `key:` at `at` indented more or less than the field above it (whose key starts at `above`), in club's words. */
function misindented(text: string, at: number, above: number, position: (offset: number) => { line: number; column: number }) {
  const name = keyName(text, at);
  const was = keyName(text, above);
  const column = position(at).column;
  const wanted = position(above).column;
  const field = name === undefined ? 'this line' : `\`${name}:\``;
  const topLevel = wanted === 1 && text.lastIndexOf('\n', above - 1) + 1 === above;
  return {
    offset: at,
    message: `${field} is indented ${column > wanted ? 'more' : 'less'} than the line above it (column ${column}, where \`${was ?? ''}:\` is at column ${wanted}), so YAML cannot read the file`,
    hint: topLevel
      ? `start ${field} at column 1: the fields of a record start at column 1`
      : `start ${field} at column ${wanted}, like \`${was ?? ''}:\`${column > wanted ? '' : ', or at the column of the field it belongs to'}: the fields of one mapping start at the same column`,
  };
}


/**
 * When the value at `line`:`column` is a plain (unquoted) scalar that runs on past its first line, the
 * next line it took in (`  - ru` then `   - en` is the one value `ru - en`): the line number and its text.
 * For the error path only: it parses the file again to be sure of where the value ends.
 */
export function plainContinuation(source: string, line: number, column: number): { line: number; text: string } | undefined {
  return continuationFinder(source)(line, column);
}

/** plainContinuation for many places of one file: the file is parsed once, on the first question. */
export function continuationFinder(source: string): (line: number, column: number) => { line: number; text: string } | undefined {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let starts: number[] | undefined;
  let plain: Map<number, number> | undefined; // start offset → end offset of every plain scalar spanning lines
  return (line, column) => {
    starts ??= lineStarts(text);
    if (line < 1 || line > starts.length) return undefined;
    if (plain === undefined) {
      const found = new Map<number, number>();
      const doc = Y().parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false });
      Y().visit(doc, {
        Scalar(_key, node) {
          const range = node.range;
          if (range !== undefined && range !== null && node.type === 'PLAIN' && text.lastIndexOf('\n', range[1] - 1) >= range[0]) found.set(range[0], range[1]);
        },
      });
      plain = found;
    }
    const offset = starts[line - 1]! + column - 1;
    const end = plain.get(offset);
    if (end === undefined) return undefined;
    // The first line after the value's own that holds some of it (blank lines fold into it too).
    for (let at = line; at < starts.length && starts[at]! < end; at++) {
      const next = text.slice(starts[at]!, (starts[at + 1] ?? text.length + 1) - 1).replace(/\r$/, '');
      if (next.trim() !== '') return { line: at + 1, text: next.trim() };
    }
    return undefined;
  };
}
