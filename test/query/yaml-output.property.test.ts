import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parse, stringify } from 'yaml';
import { plainYaml, plainYamlList } from '../../src/parse/plain-yaml.js';

const plainRecordsYaml = (records: readonly unknown[]) => plainYamlList(records, 0);

// `list --format yaml` writes plain records itself (plainYamlList at lineWidth 0) and leaves the rest to yaml: what it
// writes must be yaml's text byte for byte, and yaml must read it back as the records.
const yamlOf = (records: Record<string, unknown>[]) => stringify(records, { lineWidth: 0 });

/** Texts made of what names, codes and dates hold, and of everything YAML treats specially. */
const piece = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'Name', 'x_y', 'Коноваленко', 'С.А.', '王力', 'é', 'e\u0301', 'İ', 'ß', 'Ωmega', 'O\'Brien', 'a.b', 'a-b', 'a@b.org', 'x (y)', 'a/b', 'a,b', 'a&b', 'a+b', '_', '7', '2019', '12', 'e3', '0x1F'), weight: 8 },
  { arbitrary: fc.constantFrom(' ', '  ', ':', ': ', '#', ' #', "'", '"', '-', '- ', '?', '!', '*', '&', '%', '@', '`', '|', '>', '[', ']', '{', '}', ',', '~', '=', '\\', '\t', '\n', '\r', '\u0085', '\u2028', '\ufeff', '\u00a0', '🙂', '.'), weight: 3 },
  { arbitrary: fc.constantFrom('null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'false', 'FALSE', 'yes', 'no', 'on', 'y', '.inf', '.nan', 'Infinity'), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }), weight: 1 },
);
/** Mostly what a record holds (words, joined as names and ids are), now and then anything. */
const word = fc.constantFrom('a', 'Name', 'x_y', 'Коноваленко', 'С.А.', '王力', 'é', 'O\'Brien', 'a.b', 'a@b.org', '(y)', 'member', '0001', 'moscow', 'Jr.', '7');
const text = fc.oneof(
  { arbitrary: fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '-', '')).map(([w, sep]) => w.join(sep)), weight: 12 },
  { arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')), weight: 2 },
  { arbitrary: fc.constantFrom('', '2019-06-20', '2019-06', '2019', '10:00', '2019-06-20-moscow', '2019-06-20-1e5', '2019-06-20-', '2019-06-20-0x1F', '2019-6-1',
    '1-2', '-1', '+7 495 000-00-00'), weight: 1 },
);
const scalar = fc.oneof(
  { arbitrary: text, weight: 6 },
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.oneof(fc.integer(), fc.constantFrom(0, -0, 2019, 1.5, -2.25, 1e21, 2 ** 53, NaN, Infinity, -Infinity)), weight: 1 },
);
const value = fc.oneof(
  { arbitrary: scalar, weight: 8 },
  { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 3 },
  { arbitrary: fc.constantFrom(undefined, { a: 1 }, [[1]], [{ a: 'x' }]), weight: 1 },
);
const key = fc.oneof({ arbitrary: fc.constantFrom('id', 'name', 'country', 'venue.city', 'guests.name', 'name_ru', 'a-b'), weight: 6 }, { arbitrary: text, weight: 1 });
const records = fc.array(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), { minLength: 1, maxLength: 3 });

describe('list --format yaml writes plain records as yaml does', () => {
  it('byte for byte what yaml writes, whenever it writes them itself; and it does for most', () => {
    let written = 0;
    fc.assert(fc.property(records, (rs) => {
      const own = plainRecordsYaml(rs);
      if (own === undefined) return;
      written++;
      expect(own, JSON.stringify(rs)).toBe(yamlOf(rs));
    }), { numRuns: 1000 });
    expect(written).toBeGreaterThan(100); // ~200 of 1000: the comparison means something
  });

  it('writes the records list shows every day, and yaml reads them back', () => {
    const rs = [
      { id: 'member-0001', name: 'Коноваленко С.А.', country: 'RU', joined: '2003-01-01', left: null, languages: ['en', 'ru'], email: 'li@example.org', phone: null },
      { id: 'member-0002', name: "O'Brien, Jr.", country: 'IE', joined: '2019-06', left: null, languages: [], email: null, phone: null },
      { id: '2019-06-20-moscow', title: 'Meeting', date: '2019-06-20', minutes: 30, held: true, attendees: ['member-0001', 'member-0002'] },
    ];
    const own = plainRecordsYaml(rs);
    expect(own).toBe(yamlOf(rs));
    expect(parse(own!)).toEqual(rs);
  });

  it('leaves to yaml what it would write otherwise: quotes, other numbers, a list in a list, a list or record met twice, an empty record, a key too long to be plain', () => {
    const long = [{ id: 'x', ['k'.repeat(1024)]: 1 }];
    expect(plainRecordsYaml(long)).toBe(yamlOf(long)); // 1024: still plain
    // A venue, a meeting's agenda: mappings and lists of mappings in a record are written as yaml writes them.
    for (const rs of [[{ id: 'x', v: { a: 1 } }], [{ id: 'x', agenda: [{ title: 'Opening', by: ['a'] }, { title: 'Close' }] }]]) {
      expect(plainRecordsYaml(rs), JSON.stringify(rs)).toBe(yamlOf(rs));
    }
    const shared = ['x'];
    const record = { id: 'x' };
    expect(yamlOf([record, record])).toContain('*a1'); // yaml's alias of a record met twice
    for (const rs of [[record, record], [{ id: 'a: b' }], [{ id: 'x', n: 1.5 }], [{ id: 'x', n: -0 }], [{ id: 'x', s: 'true' }], [{ id: '2019' }], [{ id: 'x', v: {} }],
      [{ id: 'x', l: [[1]] }], [{ id: 'x', a: shared, b: shared }], [{ id: 'x', l: shared }, { id: 'y', l: shared }], [{}], [{ id: 'x', u: undefined }], [{ id: 'x ' }],
      [{ id: 'x', ['k'.repeat(1025)]: 1 }]]) {
      expect(plainRecordsYaml(rs), JSON.stringify(rs)).toBeUndefined();
    }
  });
});

/** Records as files hold them: mappings of scalars, lists, mappings, lists of mappings, a few levels deep; now and then long texts. */
const longText = fc.tuple(fc.array(word, { minLength: 6, maxLength: 14 }), fc.constantFrom(' ', '')).map(([w, sep]) => w.join(sep));
const leaf = fc.oneof({ arbitrary: scalar, weight: 8 }, { arbitrary: longText, weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', maxDepth: 3 },
    { arbitrary: leaf, weight: 6 },
    { arbitrary: fc.array(fc.oneof(leaf, tie('mapping')), { maxLength: 3 }), weight: 2 },
    { arbitrary: tie('mapping'), weight: 2 },
    { arbitrary: fc.constantFrom([[1]], {}), weight: 1 }),
  mapping: fc.dictionary(fc.oneof({ arbitrary: key, weight: 8 }, { arbitrary: longText, weight: 1 }), tie('tree'), { minKeys: 1, maxKeys: 4 }),
}));
const fileRecord = fc.dictionary(key, tree, { minKeys: 0, maxKeys: 6 });

describe('record files: plainYaml writes what yaml writes', () => {
  it('byte for byte yaml\'s stringify (lineWidth 80, its default) and Document text (lineWidth 0), whenever it writes a record itself; and it does for many', () => {
    let written = 0;
    fc.assert(fc.property(fileRecord, fc.constantFrom(0, 80), (record, lineWidth) => {
      const own = plainYaml(record, lineWidth);
      if (own === undefined) return;
      written++;
      const theirs = lineWidth === 0 ? new Document(record).toString({ lineWidth: 0 }) : stringify(record);
      expect(own, JSON.stringify(record)).toBe(theirs);
    }), { numRuns: 1500 });
    expect(written).toBeGreaterThan(150);
  });

  it('writes a member and a meeting as yaml does, and leaves to yaml what it would write otherwise', () => {
    const member = { name: 'Коноваленко С.А.', country: 'RU', joined: '2003-01-01', languages: ['en', 'ru'], email: 'li@example.org', notes: null };
    const meeting = { title: 'Meeting', date: '2019-06-20', venue: { name: 'Hall', city: 'Moscow' }, agenda: [{ title: 'Opening', minutes: 30, by: ['a', 'b'] }, { title: 'Close' }], held: true };
    for (const record of [member, meeting]) {
      expect(plainYaml(record, 80)).toBe(stringify(record));
      expect(plainYaml(record, 0)).toBe(new Document(record).toString({ lineWidth: 0 }));
    }
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'X', venue: Object.assign(Object.create(null) as object, { city: 'Moscow' }) });
    expect(plainYaml(bare, 80)).toBe(stringify(bare)); // a record as the parser gives it: no prototype
    const shared = { a: 1 };
    const folds = { notes: Array.from({ length: 20 }, () => 'word').join(' ') };
    expect(stringify(folds)).not.toBe(`notes: ${folds.notes}\n`); // yaml folds it at 80 columns
    expect(plainYaml(folds, 0)).toBe(new Document(folds).toString({ lineWidth: 0 }));
    for (const record of [{}, { a: {} }, { a: [{}] }, { a: [[1]] }, { a: shared, b: shared }, { a: 'x: y' }, { a: 1.5 }, { a: undefined }, { 'a b ': 1 }, { start: '10:00' }, folds]) {
      expect(plainYaml(record, 80), JSON.stringify(record)).toBeUndefined();
    }
  });

  it('at 80 columns, a long value that starts far right is moved to the next line by yaml, spaces or not: left to yaml', () => {
    // yaml moves a value that starts past column 60 (80 less its least content width) and does not fit the line.
    const lengths = [1, 18, 19, 20, 21, 22, 39, 40, 41, 57, 58, 59, 60, 61, 62, 79, 80, 81, 100];
    let compared = 0;
    for (const k of lengths) {
      for (const v of lengths) {
        const key = 'k'.repeat(k);
        const value = 'v'.repeat(v);
        for (const record of [{ [key]: value }, { [key]: [value] }, { a: { [key]: value } }, { a: [{ [key]: value, b: 1 }] }]) {
          const own = plainYaml(record, 80);
          if (own === undefined) continue;
          compared++;
          expect(own, JSON.stringify(record)).toBe(stringify(record));
        }
      }
    }
    expect(compared).toBeGreaterThan(700); // most are short enough to be written directly
  });
});
