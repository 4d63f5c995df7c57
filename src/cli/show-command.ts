import { stringify as yamlStringify } from 'yaml';
import { countryName } from '../model/countries.js';
import { memberNamed } from './find-member.js';
import type { RawRecord } from '../load/load.js';
import { KIND_OF, type Member } from '../model/types.js';
import { fieldCatalogue } from '../query/fields.js';
import { relatedTo, type Related } from '../query/related.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { EXIT, UsageError } from '../errors/errors.js';
import { printable } from '../report/printable.js';
import type { Io } from './io.js';
import { loadData, warnIfInvalid } from './load-data.js';
import { resolveToday } from './today.js';

export interface ShowOptions {
  data?: string;
  asOf?: string;
  format: 'text' | 'json' | 'yaml';
}

/** `club show <id>`: one record, wherever it is, with what refers to it. */
export async function showCommand(id: string, options: ShowOptions, io: Io): Promise<number> {
  if (options.asOf !== undefined) resolveToday(options.asOf, {}, io.now()); // a real YYYY-MM-DD, as everywhere
  // A record is shown as it is; the folder is checked as of today, whatever --as-of says.
  const data = await loadData({ ...options, asOf: undefined }, io);
  let found = data.records.filter((r) => r.id === id);
  if (found.length === 0) found = byName(data.records, id);
  if (found.length === 0) {
    // The nearest id, or the id of the nearest name in any script.
    const names = new Map<string, string>();
    for (const r of data.records) {
      for (const n of personNames(r)) for (const form of [n, n.split(/\s+/)[0]!]) names.set(form, r.id); // the whole name and the surname
    }
    const near = didYouMean(id, [...data.records.map((r) => r.id), ...names.keys()], (c) => `\`${names.get(c) ?? c}\`${names.has(c) ? ` (${c})` : ''}`);
    throw new UsageError(`no record has the id or name \`${id}\``, near ?? 'list the ids with `club list members` (or officers, meetings, publications)');
  }
  warnIfInvalid(data, io);
  const shown = found.map((record) => ({ record, related: relatedTo(record, data.club) }));
  if (options.format === 'json' || options.format === 'yaml') {
    const docs = shown.map(({ record, related }) => ({
      collection: record.collection,
      id: record.id,
      file: record.file,
      valid: record.valid,
      record: { id: record.id, ...record.value },
      related,
    }));
    const doc = docs.length === 1 ? docs[0] : docs;
    io.stdout.write(options.format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : yamlStringify(doc, { lineWidth: 0 }));
    return EXIT.ok;
  }
  io.stdout.write(shown.map(({ record, related }) => showText(record, related, data.schemaDocs)).join('\n'));
  return EXIT.ok;
}

const personNames = (r: RawRecord): string[] =>
  r.collection === 'members' ? [r.value.name, r.value.name_native].filter((n): n is string => typeof n === 'string') : [];

/**
 * The member a name finds, in any script, as the pickers find one (find-member.ts): the whole name
 * (`Иванов И.И.`, and `张伟` transliterated), else a part of it (`иван`, `张`), taken here as showing writes nothing;
 * several are listed in a usage error. Members whose files have errors are found too: show shows them.
 */
function byName(records: readonly RawRecord[], query: string): RawRecord[] {
  const people = new Map(records.filter((r) => r.collection === 'members').map((r) => [r.id, { data: { ...r.value, name: personNames(r)[0] } as unknown as Member }]));
  const id = memberNamed(query, people, { guess: true });
  return id === undefined ? [] : records.filter((r) => r.id === id && r.collection === 'members');
}

function showText(record: RawRecord, related: Related, docs: Parameters<typeof fieldCatalogue>[1]): string {
  const countryFields = new Set(fieldCatalogue(KIND_OF[record.collection], docs).filter((f) => f.type === 'country').map((f) => f.path));
  const lines = [`${KIND_OF[record.collection]} ${printable(record.id)}  (${printable(record.file)}${record.valid ? '' : ', has errors'})`];
  const walk = (value: unknown, key: string, indent: string, path: string) => {
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
      lines.push(`${indent}${printable(key)}: ${printable(value.join(', '))}`);
    } else if (Array.isArray(value)) {
      lines.push(`${indent}${printable(key)}:`);
      // A meeting's agenda items go by the numbers its agenda, minutes and `record --item-note` use: breaks get none.
      let n = 0;
      const label = (item: unknown, i: number) => (record.collection !== 'meetings' || path !== 'agenda' ? `${i + 1}`
        : (item as { kind?: unknown } | null)?.kind === 'break' ? 'break' : `${++n}`);
      value.forEach((item, i) => walk(item, label(item, i), `${indent}  `, path));
    } else if (value !== null && typeof value === 'object') {
      lines.push(`${indent}${printable(key)}:`);
      for (const [k, v] of Object.entries(value)) walk(v, k, `${indent}  `, path === '' ? k : `${path}.${k}`);
    } else {
      const text = printable(String(value).replace(/\s*\n\s*/g, ' '));
      lines.push(`${indent}${printable(key)}: ${countryFields.has(path) ? `${text} (${countryName(text)})` : text}`);
    }
  };
  for (const [k, v] of Object.entries(record.value)) walk(v, k, '  ', k);
  for (const [section, items] of Object.entries(related)) {
    lines.push('', `${section[0]!.toUpperCase()}${section.slice(1)}:`);
    const width = Math.max(...items.map((i) => i.id.length));
    for (const item of items) lines.push(`  ${printable(item.id).padEnd(width)}  ${printable(item.text)}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
