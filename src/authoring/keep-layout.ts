import { isScalar, parseDocument, type Document } from 'yaml';

/** Where each top-level field of a YAML mapping is written (`key:` to the end of its value) and its value, as JSON. */
type Fields = Map<string, { start: number; end: number; value: string }>;

/** The fields of `text`; of `doc` when given, which must be `parseDocument(text)` as it was parsed, unchanged. */
function fields(text: string, doc: Document = parseDocument(text)): Fields | undefined {
  const map = doc.contents as { items?: { key: unknown; value: unknown }[] } | null;
  if (doc.errors.length > 0 || !map || !Array.isArray(map.items)) return undefined;
  const out = new Map<string, { start: number; end: number; value: string }>();
  const seen = new Set<string>();
  for (const pair of map.items) {
    const key = pair.key;
    const value = pair.value as { range?: [number, number, number]; toJS?(doc: unknown): unknown } | null;
    if (!isScalar(key) || typeof key.value !== 'string' || !key.range || !value?.range) continue;
    if (seen.has(key.value)) {
      out.delete(key.value); // a key written twice is left as it comes out
      continue;
    }
    seen.add(key.value);
    let json: string;
    try {
      json = JSON.stringify(value.toJS?.(doc), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    } catch {
      continue;
    }
    out.set(key.value, { start: key.range[0], end: value.range[1], value: json });
  }
  return out;
}

/**
 * For an edit of `doc`, parsed from `before`: call it before the edit changes `doc`; `keep(after)` then gives the text
 * the edit wrote (`after`, from yaml's toString) with every top-level field whose value it did not change written as
 * it was in `before`: a folded `notes: >-` over three lines stays so, not one long line, when only `title` changed.
 * A field whose value changed, or a text that is not one mapping, comes out as yaml wrote it. `before` is read from
 * `doc` as it is now, not parsed again (a YAML parse was a third of a one-field edit's planning).
 */
export function layoutOf(before: string, doc: Document): { keep(after: string): string } {
  const old = fields(before, doc);
  return { keep: (after) => (before === after ? after : keptLayout(before, old, after)) };
}

function keptLayout(before: string, old: Fields | undefined, after: string): string {
  const now = fields(after);
  if (old === undefined || now === undefined) return after;
  let text = after;
  for (const [key, at] of [...now].sort((a, b) => b[1].start - a[1].start)) {
    const was = old.get(key);
    if (was === undefined || was.value !== at.value) continue;
    text = text.slice(0, at.start) + before.slice(was.start, was.end) + text.slice(at.end);
  }
  return text;
}
