import { createRequire } from 'node:module';
import type jsYamlModule from 'js-yaml';
import { LIMITS } from './limits.js';

let jsYamlLoaded: typeof jsYamlModule | undefined;
/**
 * js-yaml, loaded on first use: only a file simpleParse declines, and a diagnostic's position, need it, and making its
 * schemas cost every run ~1 ms of CPU at start-up (src/build/bundle.ts LAZY_REQUIRES: in the bundle, a require of the
 * same ES-module copy, still run only when first called).
 */
const jsYaml = (): typeof jsYamlModule => (jsYamlLoaded ??= createRequire(import.meta.url)('js-yaml') as typeof jsYamlModule);

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
// White space inside (`+7 495 000-00-01`, a phone; `1 Test Street`, an address): no number, int or float, of
// either parser has any, so both read it as the same string. Such texts sent every member with an international
// phone number to the precise parser (~30 times the cost of the fast path for the file).
const WHITE_SPACE = /\s/;

/**
 * Shares equal short texts between the records of one folder: one `RU`, one
 * `2019-06-20` rather than one per record. A direct-mapped cache, not a Map: a
 * lookup costs a few character reads, and a collision only loses some sharing.
 *
 * A text of 13 characters or more in js-yaml's value is a slice of the copy of the
 * whole file js-yaml made (its input with a NUL added), and keeps that copy alive:
 * sharing one `Federal Customs Service` lets 100,000 such copies go (12 MB).
 */
/** FNV-style hash of a short text, the one `shareSlice` computes over a slice of its source in place. */
function hashOf(text: string): number {
  let h = text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/** The hash's high bits folded into the low ones that pick a slot. */
const spread = (h: number): number => h ^ (h >>> 15);

export class TextPool {
  // Small at first: a pool is made per folder read, and most folders (and the one-record reads of an edit,
  // or of a test) hold a few files, where filling 16,384 slots (~0.2 ms each time) cost more than their
  // parsing. It grows to its full size once the folder shows it is large (2,048 texts), keeping what it holds.
  #slots: string[] = new Array<string>(256).fill('');
  #mask = 255;
  #shared = 0;

  share(text: string): string {
    const n = text.length;
    // Longer texts are rarely repeated: names, titles. Hashing them would cost more than it saves.
    if (n > 40) return text;
    const slot = this.#slot(hashOf(text));
    const held = this.#slots[slot]!;
    if (held === text) return held;
    this.#slots[slot] = text;
    return text;
  }

  /** `share(source.slice(start, end))`, without making the slice when the text is held already. */
  shareSlice(source: string, start: number, end: number): string {
    const n = end - start;
    if (n > 40) return source.slice(start, end);
    let h = n;
    for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), 16777619);
    const slot = this.#slot(h);
    const held = this.#slots[slot]!;
    if (held.length === n && source.startsWith(held, start)) return held;
    const text = source.slice(start, end);
    this.#slots[slot] = text;
    return text;
  }

  #slot(h: number): number {
    if (++this.#shared === 2048 && this.#mask !== 16383) this.#grow();
    return spread(h) & this.#mask;
  }

  #grow(): void {
    const held = this.#slots;
    this.#slots = new Array<string>(16384).fill('');
    this.#mask = 16383;
    for (const text of held) if (text !== '') this.#slots[spread(hashOf(text)) & 16383] = text;
  }
}

/**
 * Parses a record the fast way (js-yaml, YAML 1.2 core schema, no positions) when
 * the text is plain enough that it must give exactly what the precise parser
 * (`yaml`) gives; otherwise undefined. A property test holds the two to agreement.
 * Files read with one `pool` share their short texts (10 MB less at 100,000 members).
 */
export function fastParse(text: string, pool?: TextPool): Record<string, unknown> | undefined {
  if (!fastAllowed(text)) return undefined;
  return simpleParse(text, pool) ?? jsYamlParse(text, pool);
}

// A carriage return not followed by a line feed (an old Mac line end, or one inside a text): YAML counts it a line break,
// as the fast path does, but the precise parser (yaml) does not, so the two read such a file differently (`a: 1\rb: 2`
// two keys or a syntax error; `# c\rb: 1` a key or a comment). The precise parser decides, as it does for every writer.
const LONE_CR = /\r(?!\n)/;

/** Whether the fast path may read the text at all: not too large, and none of what it leaves to the precise parser. */
export function fastAllowed(text: string): boolean {
  if (text.length > FAST_MAX_CHARS || LONE_CR.test(text)) return false;
  return !(PRECISE_ONLY.test(text) && PRECISE_ONLY.test(text.replace(COMMENT, '')));
}

/** fastParse by js-yaml alone (what fastParse falls back to when simpleParse declines): the yardstick simpleParse is tested against. */
export function jsYamlParse(text: string, pool?: TextPool): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = jsYaml().load(text, { schema: jsYaml().CORE_SCHEMA, json: false });
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
    && NUMBER_LIKE.test(text) && !DATE_OR_TIME.test(text) && !DIGITS_THEN_DASH.test(text) && !WHITE_SPACE.test(text);
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
    jsYaml().load(text, {
      schema: jsYaml().CORE_SCHEMA,
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

// ---------------------------------------------------------------------------------------------
// simpleParse: the records club writes, and most written by hand, are a few lines of `key: value`,
// lists of plain words and small mappings in lists. For those, one pass over the text's characters
// builds the same value js-yaml (then `plain`) would, in about a quarter of the time (js-yaml was
// ~40% of `club validate` at 100,000 members). Anything else — block scalars, multi-line or escaped
// texts, comments after a value, numbers other than small whole ones, `- ` at a key's own indentation,
// unusual characters — makes it decline (undefined), and the file goes the js-yaml way as before.
// It runs only on texts fastParse would give to js-yaml (after the PRECISE_ONLY test), so what it
// accepts is a subset of what the fast path accepted: a property test holds it to jsYamlParse.
// ---------------------------------------------------------------------------------------------

/** Thrown inside simpleParse to decline; caught at its top. */
const DECLINE = Symbol('decline');

const SPACE = 0x20;
const NL = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;

/** Words a plain scalar of the core schema reads as null or true/false. */
const WORDS: Record<string, null | boolean> = Object.assign(Object.create(null) as Record<string, null | boolean>, {
  '~': null, null: null, Null: null, NULL: null,
  true: true, True: true, TRUE: true, false: false, False: false, FALSE: false,
});

/**
 * Whether a character may stand in a text simpleParse reads: printable ASCII, or a character
 * from U+00A0 on that YAML and both parsers take as it is (no surrogates, line or paragraph
 * separators, byte-order marks or non-characters: those decline).
 */
function ordinary(c: number): boolean {
  if (c < 0x7f) return c >= SPACE;
  if (c < 0xa0) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return c !== 0x2028 && c !== 0x2029 && c !== 0xfeff && c < 0xfffe;
}

class SimpleParser {
  /** Where the parser is: always at the start of a line between calls that read lines. */
  pos = 0;
  /** The keys of the mappings being read, outermost first. */
  readonly keys: string[] = [];

  constructor(readonly text: string, readonly pool: TextPool | undefined) {}

  /** The indentation of the next line with content (blank and comment lines are skipped), or -1 at the end. */
  nextIndent(): number {
    const t = this.text;
    const n = t.length;
    for (;;) {
      let i = this.pos;
      while (i < n && t.charCodeAt(i) === SPACE) i++;
      if (i >= n) {
        this.pos = n;
        return -1;
      }
      const c = t.charCodeAt(i);
      if (c === NL) {
        this.pos = i + 1;
        continue;
      }
      if (c === HASH) {
        // A comment line: its characters are held to the same rules (js-yaml refuses some anywhere in a file).
        i++;
        while (i < n) {
          const d = t.charCodeAt(i);
          if (d === NL) break;
          if (!ordinary(d)) throw DECLINE;
          i++;
        }
        this.pos = i;
        continue;
      }
      return i - this.pos;
    }
  }

  /** The mapping whose keys stand at column `indent`; the next line with content starts it (at `pos + indent`). */
  mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > 16) throw DECLINE;
    const t = this.text;
    const record: Record<string, unknown> = {};
    // This mapping's keys so far, on a stack shared with the mappings inside it: a few comparisons find a
    // key given twice, where asking the record would look through Object.prototype for every key.
    const keys = this.keys;
    const base = keys.length;
    // Past a few dozen keys, a set: the comparisons would grow with the square of the keys (a 64 KiB file of
    // `k1: x` lines has ten thousand of them).
    let seen: Set<string> | undefined;
    let first = true;
    for (;;) {
      const ind = first ? indent : this.nextIndent();
      if (!first && ind < indent) {
        keys.length = base;
        return record; // the end of the text (-1) or of this mapping
      }
      if (ind !== indent) throw DECLINE;
      first = false;
      // The key: a name of letters, digits, `_` and `-`, starting with a letter or `_`.
      const start = this.pos + indent;
      let i = start;
      let c = t.charCodeAt(i);
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f)) throw DECLINE;
      for (;;) {
        c = t.charCodeAt(++i);
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === DASH || (c >= 0x30 && c <= 0x39))) break;
      }
      if (c !== COLON || i - start > 100) throw DECLINE;
      // A word js-yaml reads as null or true/false would be a key of another spelling (key() declines those);
      // a name met twice is js-yaml's error.
      const key = this.key(start, i);
      if (seen !== undefined) {
        if (seen.has(key)) throw DECLINE;
        seen.add(key);
      } else {
        for (let k = base; k < keys.length; k++) if (keys[k] === key) throw DECLINE;
        if (keys.length - base === 32) seen = new Set(keys.slice(base)).add(key);
      }
      keys.push(key);
      i++;
      c = t.charCodeAt(i);
      if (c === SPACE) {
        while (t.charCodeAt(++i) === SPACE);
        c = t.charCodeAt(i);
      } else if (c === c && c !== NL) {
        throw DECLINE; // `key:value` is one plain text in YAML
      }
      if (c === NL || c !== c) {
        // Nothing after the colon: a block below, or null.
        this.pos = c === NL ? i + 1 : i;
        record[key] = this.blockBelow(indent, depth);
      } else {
        record[key] = this.inline(i, depth);
      }
    }
  }

  /** What follows `key:` with nothing after it on its line: a mapping or a list indented deeper, or null. */
  blockBelow(indent: number, depth: number): unknown {
    const ind = this.nextIndent();
    if (ind <= indent) return null;
    const t = this.text;
    const at = this.pos + ind;
    if (t.charCodeAt(at) === DASH) {
      const next = t.charCodeAt(at + 1);
      if (next === SPACE || next === NL || next !== next) return this.sequence(ind, depth + 1);
    }
    return this.mapping(ind, depth + 1);
  }

  /** A block list whose `-` stand at column `indent`; the next line with content starts it. */
  sequence(indent: number, depth: number): unknown[] {
    if (depth > 16) throw DECLINE;
    const t = this.text;
    const list: unknown[] = [];
    let first = true;
    for (;;) {
      const ind = first ? indent : this.nextIndent();
      if (!first && ind < indent) return list.slice(); // copied to its length, as plain() does
      if (ind !== indent) throw DECLINE;
      first = false;
      const dash = this.pos + indent;
      if (t.charCodeAt(dash) !== DASH || t.charCodeAt(dash + 1) !== SPACE) throw DECLINE; // an empty item (`-`) declines too
      const i = dash + 2;
      const c = t.charCodeAt(i);
      if (c === SPACE || c === NL || c !== c) throw DECLINE;
      if (this.keyAhead(i)) {
        // `- key: value`: a mapping whose keys stand where this one does.
        list.push(this.mapping(indent + 2, depth + 1));
      } else {
        list.push(this.inline(i, depth));
      }
    }
  }

  /** Whether a `key:` (a name, a colon, then a space or the line's end) starts at `i`. */
  keyAhead(i: number): boolean {
    const t = this.text;
    let c = t.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f)) return false;
    for (;;) {
      c = t.charCodeAt(++i);
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === DASH || (c >= 0x30 && c <= 0x39))) break;
    }
    if (c !== COLON) return false;
    c = t.charCodeAt(i + 1);
    return c === SPACE || c === NL || c !== c;
  }

  /** A value that starts at `i` and ends with its line: a text, a word, a small number, or `[a, b]`. Leaves `pos` at the next line. */
  inline(i: number, depth: number): unknown {
    const t = this.text;
    const n = t.length;
    let value: unknown;
    let end: number;
    const c = t.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      end = this.quotedEnd(i, c);
      value = this.quotedText(i + 1, end - 1);
    } else if (c === LBRACKET) {
      if (depth > 15) throw DECLINE;
      const list: unknown[] = [];
      let j = i + 1;
      while (t.charCodeAt(j) === SPACE) j++;
      if (t.charCodeAt(j) === RBRACKET) {
        end = j + 1;
      } else {
        for (;;) {
          const d = t.charCodeAt(j);
          let itemEnd: number;
          if (d === DQUOTE || d === SQUOTE) {
            itemEnd = this.quotedEnd(j, d);
            list.push(this.quotedText(j + 1, itemEnd - 1));
          } else {
            // A plain item: up to `,` or `]`; brackets, braces, colons and `#` decline.
            let k = j;
            for (;;) {
              const e = t.charCodeAt(k);
              if (e === COMMA || e === RBRACKET) break;
              if (e === COLON || e === HASH || e === LBRACKET || e === 0x7b || e === 0x7d || !ordinary(e)) throw DECLINE;
              k++;
            }
            itemEnd = k;
            while (t.charCodeAt(itemEnd - 1) === SPACE) itemEnd--;
            if (itemEnd === j) throw DECLINE; // `[a, , b]`, `[a,]`
            list.push(this.plainScalar(j, itemEnd));
            itemEnd = k;
          }
          j = itemEnd;
          while (t.charCodeAt(j) === SPACE) j++;
          const e = t.charCodeAt(j);
          if (e === RBRACKET) {
            end = j + 1;
            break;
          }
          if (e !== COMMA) throw DECLINE;
          j++;
          if (t.charCodeAt(j) !== SPACE) throw DECLINE;
          while (t.charCodeAt(j) === SPACE) j++;
        }
      }
      value = list.slice();
    } else {
      // A plain text (plainScalar looks at how it starts): `#` and `: ` anywhere in it decline.
      let k = i;
      for (; k < n; k++) {
        const e = t.charCodeAt(k);
        if (e === NL) break;
        if (e === HASH || !ordinary(e)) throw DECLINE;
        if (e === COLON) {
          const f = t.charCodeAt(k + 1);
          if (f === SPACE || f === NL || f !== f) throw DECLINE;
        }
      }
      let last = k;
      while (t.charCodeAt(last - 1) === SPACE) last--;
      value = this.plainScalar(i, last);
      this.pos = k < n ? k + 1 : n;
      return value;
    }
    // After a quoted text or a list: only spaces, then the line's end.
    while (t.charCodeAt(end) === SPACE) end++;
    const e = t.charCodeAt(end);
    if (e === NL) this.pos = end + 1;
    else if (e !== e) this.pos = n;
    else throw DECLINE;
    return value;
  }

  /** Where a quoted text that opens at `i` ends (past its closing quote), on the same line, with no escapes. */
  quotedEnd(i: number, quote: number): number {
    const t = this.text;
    for (let k = i + 1; ; k++) {
      const e = t.charCodeAt(k);
      if (e === quote) {
        if (quote === SQUOTE && t.charCodeAt(k + 1) === SQUOTE) throw DECLINE; // `''` is an escaped quote
        return k + 1;
      }
      if (e === 0x5c || !ordinary(e)) throw DECLINE; // escapes, line breaks, the text's end, unusual characters
    }
  }

  /** The key written from `start` to `end`: the same string for every record that names it. */
  key(start: number, end: number): string {
    const t = this.text;
    let h = end - start;
    for (let i = start; i < end; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
    const slot = (h ^ (h >>> 13)) & 1023;
    const held = KEYS[slot]!;
    if (held.length === end - start && t.startsWith(held, start)) return held;
    if (this.word(start, end) !== undefined) throw DECLINE; // only keys that are no such word are kept
    // `record.__proto__ = value` would set the record's prototype (or do nothing), not add a field as js-yaml does:
    // never a key here, whatever gate stands in front (parseRecord's fastAllowed refuses it too).
    if (end - start === 9 && t.startsWith('__proto__', start)) throw DECLINE;
    return (KEYS[slot] = t.slice(start, end));
  }

  /** The null or true/false a plain scalar from `start` to `end` is (`~`, `null`, `True`…), or undefined. */
  word(start: number, end: number): null | boolean | undefined {
    const t = this.text;
    const n = end - start;
    if (n === 1) return t.charCodeAt(start) === 0x7e ? null : undefined;
    if (n !== 4 && n !== 5) return undefined;
    const c = t.charCodeAt(start);
    if (c !== 0x6e && c !== 0x4e && c !== 0x74 && c !== 0x54 && c !== 0x66 && c !== 0x46) return undefined;
    const word = WORDS[t.slice(start, end)];
    return word;
  }

  text_(start: number, end: number): string {
    return this.pool === undefined ? this.text.slice(start, end) : this.pool.shareSlice(this.text, start, end);
  }

  /** A quoted text from `start` to `end` (no escapes in it). */
  quotedText(start: number, end: number): string {
    const c = this.text.charCodeAt(start);
    if (c <= 0x39 && (c >= 0x30 || c === 0x2b || c === DASH || c === 0x2e) && numberLike(this.text.slice(start, end))) {
      throw DECLINE; // as plain() does with every text
    }
    return this.text_(start, end);
  }

  /** A plain scalar from `start` to `end` as the core schema reads it: null, true/false, a small whole number, or a text. */
  plainScalar(start: number, end: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(start);
    const word = this.word(start, end);
    if (word !== undefined) return word;
    // The indicators YAML gives a meaning at a text's start (`- ? : , [ ] { } # & * ! | > ' " % @ \``) decline,
    // and so do `+` and `.` (`+1`, `.5`, `.inf`): the js-yaml way decides.
    if (c === DASH || c === 0x3f || c === COLON || c === COMMA || c === LBRACKET || c === RBRACKET || c === 0x7b || c === 0x7d || c === HASH
      || c === 0x26 || c === 0x2a || c === 0x21 || c === 0x7c || c === 0x3e || c === SQUOTE || c === DQUOTE || c === 0x25 || c === 0x40
      || c === 0x60 || c === 0x2b || c === 0x2e) throw DECLINE;
    if (c >= 0x30 && c <= 0x39) {
      let k = start + 1;
      while (k < end && t.charCodeAt(k) >= 0x30 && t.charCodeAt(k) <= 0x39) k++;
      if (k === end) {
        // Digits only: a whole number when small and written without a leading zero; other numbers decline.
        if ((c === 0x30 && k - start > 1) || k - start > 15) throw DECLINE;
        let number = 0;
        for (let j = start; j < end; j++) number = number * 10 + (t.charCodeAt(j) - 0x30); // exact: at most 15 digits
        return number;
      }
      // Not a number in either parser (see numberLike): digits then a dash (a date, a meeting id), or a time `HH:MM`.
      const d = t.charCodeAt(k);
      const time = d === COLON && k - start === 2 && end - start === 5 && isDigit(t.charCodeAt(start + 3)) && isDigit(t.charCodeAt(start + 4));
      if (d !== DASH && !time) throw DECLINE;
    }
    return this.text_(start, end);
  }
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Keys seen by simpleParse, by a hash of their text: a record's keys are made once, not once per record. */
const KEYS: string[] = new Array<string>(1024).fill('');

/**
 * The value of a record written in the plain subset of YAML described above, exactly as
 * jsYamlParse would give it (a property test holds the two together), or undefined.
 */
export function simpleParse(text: string, pool?: TextPool): Record<string, unknown> | undefined {
  const parser = new SimpleParser(text, pool);
  try {
    if (parser.nextIndent() !== 0) return undefined; // an empty file, or one that starts indented
    const value = parser.mapping(0, 0);
    return parser.nextIndent() === -1 ? value : undefined;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}
