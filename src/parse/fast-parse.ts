import jsYaml from 'js-yaml';
import { LIMITS } from './limits.js';

/** Files larger than this always take the precise path: records are far smaller. */
const FAST_MAX_CHARS = 64 * 1024;

// Text the fast path leaves to the precise one: anchors, aliases, tags, directives,
// flow mappings, merge and complex keys, tabs, document markers, prototype names,
// and number notations on which js-yaml and YAML 1.2's core schema disagree.
const PRECISE_ONLY = /[&*!%{\t]|<<|^\?|^(---|\.\.\.)|__proto__|constructor|0[bBoOxX]/m;

// A `#` at a line's start or after a space begins a comment, or is text of the block or quoted
// scalar it stands in; either way, what follows it on its line up to the next quote is no syntax
// (only a quote could end a quoted scalar), so `every *_ru field` in a comment is no alias.
const COMMENT = /(?:^| )#[^'"\n]*/gm;

// A plain value that starts like a number but is not a date or a time may be read
// differently by the two parsers (`+.5`, `1e400`): the precise path decides.
const NUMBER_LIKE = /^[-+]?\.?\d/;
const DATE_OR_TIME = /^(\d{4}(-\d{2}(-\d{2})?)?|\d{2}:\d{2})$/;
// Digits then a dash (`2019-06-20-moscow`, a meeting id): no number of either parser has a
// dash after a digit except in an exponent (`1e-5`), so both read it as the same string.
const DIGITS_THEN_DASH = /^\d+-/;

/**
 * Shares equal short texts between the records of one folder: one `RU`, one
 * `2019-06-20` rather than one per record. A direct-mapped cache, not a Map: a
 * lookup costs a few character reads, and a collision only loses some sharing.
 *
 * A text of 13 characters or more in js-yaml's value is a slice of the copy of the
 * whole file js-yaml made (its input with a NUL added), and keeps that copy alive:
 * sharing one `Federal Customs Service` lets 100,000 such copies go (12 MB).
 */
export class TextPool {
  readonly #slots: string[] = new Array<string>(16384).fill('');

  share(text: string): string {
    const n = text.length;
    // Longer texts are rarely repeated: names, titles. Hashing them would cost more than it saves.
    if (n > 40) return text;
    let h = n;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    const slot = (h ^ (h >>> 15)) & 16383;
    const held = this.#slots[slot]!;
    if (held === text) return held;
    this.#slots[slot] = text;
    return text;
  }
}

/**
 * Parses a record the fast way (js-yaml, YAML 1.2 core schema, no positions) when
 * the text is plain enough that it must give exactly what the precise parser
 * (`yaml`) gives; otherwise undefined. A property test holds the two to agreement.
 * Files read with one `pool` share their short texts (10 MB less at 100,000 members).
 */
export function fastParse(text: string, pool?: TextPool): Record<string, unknown> | undefined {
  if (text.length > FAST_MAX_CHARS) return undefined;
  if (PRECISE_ONLY.test(text) && PRECISE_ONLY.test(text.replace(COMMENT, ''))) return undefined;
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined; // the precise parser says what is wrong, and where
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return plain(value, 0, pool) === NOT_PLAIN ? undefined : (value as Record<string, unknown>);
}

const NOT_PLAIN = Symbol('not plain');

/** Can a text be read differently by the two parsers? Only one that starts like a number (a digit, or `+ - .`). */
function numberLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return c <= 0x39 && (c >= 0x30 || c === 0x2b || c === 0x2d || c === 0x2e)
    && NUMBER_LIKE.test(text) && !DATE_OR_TIME.test(text) && !DIGITS_THEN_DASH.test(text);
}

/**
 * The value as a record keeps it, or NOT_PLAIN when the precise parser must decide.
 * Lists come back copied to their length: js-yaml grows them by push, which leaves
 * room for 17 items in each. Every field is stored back, shared or not: that also
 * leaves js-yaml's objects smaller (measured: the values of 100,000 members take 25 MB less).
 */
function plain(value: unknown, depth: number, pool: TextPool | undefined): unknown {
  if (typeof value === 'string') {
    if (numberLike(value)) return NOT_PLAIN;
    return pool === undefined ? value : pool.share(value);
  }
  if (typeof value !== 'object') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isSafeInteger(value) || (Number.isFinite(value) && Math.abs(value) < 1e15) ? value : NOT_PLAIN;
    return NOT_PLAIN;
  }
  if (value === null) return null;
  if (depth >= LIMITS.depth - 1) return NOT_PLAIN;
  if (Array.isArray(value)) {
    const list = value.slice();
    for (let i = 0; i < list.length; i++) {
      const item = plain(list[i], depth + 1, pool);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      list[i] = item;
    }
    return list;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const field = plain(record[key], depth + 1, pool);
    if (field === NOT_PLAIN) return NOT_PLAIN;
    record[key] = field;
  }
  return record;
}

interface PositionNode {
  start: number;
  kind: string;
  result: unknown;
  children: PositionNode[];
}

/** Skips spaces, line breaks and comments from `offset` to where the node's text begins. */
function skipBlank(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i++;
    if (text[i] !== '#') return i;
    while (i < text.length && text[i] !== '\n') i++;
  }
}

/** A node wrapping a single child that is the same value (js-yaml reports some nodes twice) is that child. */
function unwrap(node: PositionNode): PositionNode {
  let n = node;
  while (n.children.length === 1 && n.children[0]!.kind === n.kind && n.children[0]!.result === n.result) n = n.children[0]!;
  return n;
}

const keyIndexes = new WeakMap<PositionNode, Map<string, number>>();

/** Where each key of a mapping node is among its children (the last of a name wins), built once per node. */
function keyIndex(node: PositionNode): Map<string, number> {
  let index = keyIndexes.get(node);
  if (index === undefined) {
    index = new Map();
    for (let k = 0; k + 1 < node.children.length; k += 2) index.set(String(unwrap(node.children[k]!).result), k);
    keyIndexes.set(node, index);
  }
  return index;
}

const matches = new WeakMap<PositionNode, boolean>();

/**
 * Whether the node's events account for its value: js-yaml sends no events for an empty list
 * item. Worked out once per node (counting a mapping's keys costs as many steps as it has keys,
 * and a file with thousands of unknown keys asks for thousands of positions in one mapping).
 */
function eventsMatchValue(node: PositionNode): boolean {
  let ok = matches.get(node);
  if (ok === undefined) {
    ok = node.kind === 'mapping' ? node.children.length === 2 * Object.keys(node.result as object).length
      : node.kind === 'sequence' ? node.children.length === (node.result as unknown[]).length
        : true;
    matches.set(node, ok);
  }
  return ok;
}

const NULL_WORD = /\s*(null|Null|NULL|~)/y;

/** Whether a null is written out at `offset` (`null`, `~`…), not left empty; read there, without copying the rest of the text. */
function writtenNull(text: string, offset: number): boolean {
  NULL_WORD.lastIndex = offset;
  return NULL_WORD.test(text);
}

/**
 * Where each node of a file the fast path read begins, from js-yaml's node
 * events, so a diagnostic can point into the file without loading the precise
 * parser. Returns undefined if the events do not make a tree, and the locator
 * returns undefined for a node it cannot place; the caller then asks the precise parser.
 */
export function fastLocator(text: string): ((path: readonly (string | number)[], at?: 'value' | 'key') => number | undefined) | undefined {
  const stack: PositionNode[] = [{ start: 0, kind: 'root', result: undefined, children: [] }];
  try {
    jsYaml.load(text, {
      schema: jsYaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ start: state.position, kind: '', result: undefined, children: [] });
        } else {
          const node = stack.pop()!;
          node.kind = state.kind ?? 'null';
          node.result = state.result;
          stack[stack.length - 1]!.children.push(node);
        }
      },
    });
  } catch {
    return undefined;
  }
  const root = stack[0]!.children[0];
  if (stack.length !== 1 || root === undefined) return undefined;
  return (path, at = 'value') => {
    let node = unwrap(root);
    let offset = skipBlank(text, node.start);
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      // js-yaml sends no events for an empty list item: when the events and the value differ, ask the precise parser.
      if (!eventsMatchValue(node)) return undefined;
      if (node.kind === 'mapping') {
        const found = keyIndex(node).get(String(part)) ?? -1;
        if (found < 0) return offset;
        const key = unwrap(node.children[found]!);
        if (i === path.length - 1 && at === 'key') return skipBlank(text, key.start);
        node = unwrap(node.children[found + 1]!);
        // `key:` with no value: point at the key, as the precise path does.
        offset = node.result === null && node.children.length === 0 && !writtenNull(text, node.start)
          ? skipBlank(text, key.start)
          : skipBlank(text, node.start);
      } else if (node.kind === 'sequence' && typeof part === 'number' && part < node.children.length) {
        node = unwrap(node.children[part]!);
        offset = skipBlank(text, node.start);
      } else {
        return offset;
      }
    }
    return offset;
  };
}
