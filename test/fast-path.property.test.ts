import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse, TextPool } from '../src/parse/fast-parse.js';
import { parsePrecisely, parseRecord } from '../src/parse/yaml-record.js';

const SCALARS = ['0123', '0o17', '0x1F', '0b101', '1_000', '1e3', '-1.5e-3', '.5', '5.', '+12', '-0', '.inf', '-.Inf', '.NaN', 'NaN', '1:20', '12:30:45',
  'yes', 'no', 'on', 'off', 'Y', 'True', 'TRUE', 'Null', 'NULL', '~', '', 'null', '2019-06-01', '2019-06', '2019', '2019-06-01T10:00:00Z', '10:00',
  '+.5', '1e400', '-0x1F', '+0x1F', '12e03', "'quoted: text'", '"double \\" quoted"', '"\\u00e9"', 'a # comment', 'a#b', 'Konovalenko S.A.', 'Коноваленко',
  '王力', '"multi\n  line"', 'plain\n  continued', '|\n  block\n  text', '>\n  folded\n  text', '- not a list', '[a, b]', '[1, 2.5, "x"]', '[]', '+7 495 000-00-00',
  'RU', 'NO', 'x: y', '"a: b"', "'it''s'", '@at', '`tick`', '0.1', '00', '08', '1,000', 'https://example.org/a?b=c', 'e', 'E3',
  // Date-like strings: meeting ids, and near misses of numbers and dates.
  '2019-06-20-moscow', '2019-06-20-saint-petersburg', '2019-06-20-1e5', '2019-06-20-', '2019-6-1', '1-2', '12-e3', '1e-5', '1-e5', '2019-06-20 moscow',
  '[2019-06-20-moscow, 2019-09-10-pskov]', '2019-06-20-moscow # a comment', '"2019-06-20-moscow"',
  // Comments that name syntax (`*_ru`, `&`, `{…}`, `!`), and ` #` inside quotes, ahead of a quote or not.
  'a # every *_ru field & {x} !t', '"x # y" # *z', "'it''s # not' # &a", '"quoted # with *star"', "'single # *x, &y'",
  '[a, "b # c", d] # {e}', '"a #" # b', 'x #*y'];
const KEYS = ['name', 'country', 'joined', 'notes', 'title', '2019', 'with space', 'k'];

const scalar = fc.constantFrom(...SCALARS);
const entry = fc.tuple(fc.constantFrom(...KEYS), fc.oneof(
  scalar.map((s) => ` ${s}`),
  fc.array(scalar, { minLength: 1, maxLength: 3 }).map((items) => `\n${items.map((i) => `  - ${i.replace(/\n/g, '\n    ')}`).join('\n')}`),
  fc.array(fc.tuple(fc.constantFrom(...KEYS), scalar), { minLength: 1, maxLength: 3 }).map((pairs) => `\n${pairs.map(([k, v]) => `  ${k}: ${v.replace(/\n/g, '\n    ')}`).join('\n')}`),
));
const separator = fc.constantFrom('\n', '\n\n', '\n# a comment\n', '   # trailing comment\n', '\r\n',
  '\n# every *_ru field & {x} !t <<\n', '   # see *x, &y\n', '\n  # indented *comment\n');
const file = fc.tuple(fc.array(fc.tuple(entry, separator), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '# header\n', '\n'))
  .map(([entries, head]) => `${head}${entries.map(([[k, v], sep]) => `${k}:${v}${sep}`).join('')}`);

describe('the fast path and the precise path agree', () => {
  it('on every generated file the fast path takes, both give the same value and the precise one finds nothing wrong', () => {
    let fastTaken = 0;
    const pool = new TextPool(); // shared by every file, as loadClub shares one
    fc.assert(
      fc.property(file, (text) => {
        const fast = fastParse(text);
        if (fast === undefined) return;
        fastTaken++;
        const precise = parsePrecisely('f.yaml', text);
        expect(precise.diagnostics, text).toEqual([]);
        expect(JSON.stringify(fast), text).toBe(JSON.stringify(precise.value));
        expect(JSON.stringify(fastParse(text, pool)), text).toBe(JSON.stringify(precise.value));
      }),
      { numRuns: 3000 },
    );
    // The generator reaches the fast path often enough for the comparison to mean something.
    expect(fastTaken).toBeGreaterThan(300);
  });

  it('and point at the same line and column for every key and value', () => {
    let compared = 0;
    fc.assert(
      fc.property(file, (text) => {
        if (fastParse(text) === undefined) return;
        const fast = parseRecord('f.yaml', text);
        const precise = parsePrecisely('f.yaml', text);
        const paths: (string | number)[][] = [];
        const walk = (v: unknown, path: (string | number)[]) => {
          paths.push(path);
          if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
          else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
        };
        walk(precise.value, []);
        for (const path of paths) {
          compared++;
          expect(fast.locate(path), `${JSON.stringify(path)} in\n${text}`).toEqual(precise.locate(path));
          if (path.length > 0 && typeof path[path.length - 1] === 'string') {
            expect(fast.locate(path, 'key'), `key ${JSON.stringify(path)} in\n${text}`).toEqual(precise.locate(path, 'key'));
          }
        }
        expect(fast.locate(['no-such-field'])).toEqual(precise.locate(['no-such-field']));
      }),
      { numRuns: 2000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('a record from the fast path still points at its fields when a rule asks', () => {
    const parsed = parseRecord('f.yaml', 'name: X\ncountry: RU\nlanguages: [en, ru]\n');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.locate(['languages', 1])).toEqual({ line: 3, column: 17 });
    expect(parsed.locate(['country'], 'key')).toEqual({ line: 2, column: 1 });
  });

  it('keeps a file that names meetings by id (a date, then a place) on the fast path', () => {
    const text = 'title: Attachés meet\noutlet: customs\ndate: 2019-07\nmeetings:\n  - 2019-06-20-moscow\n  - 2019-09-10-saint-petersburg\n';
    expect(fastParse(text)).toEqual({ title: 'Attachés meet', outlet: 'customs', date: '2019-07', meetings: ['2019-06-20-moscow', '2019-09-10-saint-petersburg'] });
    expect(fastParse('id: 2019-06-20-1e5\n')).toEqual({ id: '2019-06-20-1e5' });
  });

  it('keeps a file on the fast path whatever its comments say (club.yaml: "every `*_ru` field")', () => {
    const text = '# every `*_ru` field & {its} !translation\nname: Club # *not an alias\nname_ru: Клуб\nsince: 2002-12\n  # <<: *x\n';
    expect(fastParse(text)).toEqual({ name: 'Club', name_ru: 'Клуб', since: '2002-12' });
    expect(fastParse('title: "Meeting # 3 *" # about *x\n')).toEqual({ title: 'Meeting # 3 *' });
  });

  it('leaves to the precise path what it must: aliases, tags, duplicate keys, odd numbers, big files', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: &x 1 # an anchor\nb: *x # and its alias\n', 'a: [x, "y # z", !!str 1]\n', "a: ['p # q', &b r, *b]\n", 'a: !!str 1\n', 'a: 1\na: 2\n', 'a: 0x1F\n', 'a: +.5\n', 'a: 1e400\n', `a: "${'x'.repeat(70_000)}"\n`, '__proto__: 1\n', 'a: {b: 1}\n']) {
      expect(fastParse(text), text).toBeUndefined();
    }
  });
});
