import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse, jsYamlParse, simpleParse, TextPool } from '../src/parse/fast-parse.js';
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
  '[a, "b # c", d] # {e}', '"a #" # b', 'x #*y',
  // Number-like texts with white space inside (a phone, an address): no number of either parser has any.
  '1 Test Street', '+1 .5', '1 e3', '1e3 x', '0x1F 2', '.5 cm', '12 30', '-1.5 e-3', '+.inf x', '12\n  34', '[+7 495 000-00-00, 1 e3]', '"+7 495"'];
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
        // No problem, and the same value with and without a pool (JSON text: keys in order, numbers, texts): one expect per
        // file, not three (vitest's expect() costs ~40 us a call).
        const want = JSON.stringify(precise.value);
        expect({ diagnostics: precise.diagnostics, fast: JSON.stringify(fast), pooled: JSON.stringify(fastParse(text, pool)) }, text)
          .toEqual({ diagnostics: [], fast: want, pooled: want });
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
        // Every place the two disagree, in one assertion per file (an expect per path cost more than the look-ups).
        const at = (p: { line: number; column: number }) => `${p.line}:${p.column}`;
        const differ: string[] = [];
        for (const path of paths) {
          compared++;
          const [f, p] = [at(fast.locate(path)), at(precise.locate(path))];
          if (f !== p) differ.push(`${JSON.stringify(path)}: ${f}, precise ${p}`);
          if (path.length > 0 && typeof path[path.length - 1] === 'string') {
            const [fk, pk] = [at(fast.locate(path, 'key')), at(precise.locate(path, 'key'))];
            if (fk !== pk) differ.push(`key ${JSON.stringify(path)}: ${fk}, precise ${pk}`);
          }
        }
        expect({ differ, noSuchField: fast.locate(['no-such-field']) }, text).toEqual({ differ: [], noSuchField: precise.locate(['no-such-field']) });
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

  it('leaves a carriage return without a line feed to the precise path, which the two parsers read differently', () => {
    // What the precise parser makes of each, as every command and writer then sees it.
    const cases: [string, unknown][] = [['a: "+7 495\r000"\n', { a: '+7 495\r000' }], ['a: "x\ry"\n', { a: 'x\ry' }], ['# c\rb: 1\na: 2\n', { a: 2 }],
      ['a: x\r#c\n', undefined], ['a: 1\rb: 2\n', undefined]];
    for (const [text, value] of cases) {
      expect(fastParse(text), JSON.stringify(text)).toBeUndefined();
      const parsed = parseRecord('f.yaml', text);
      expect(parsed.value, JSON.stringify(text)).toEqual(value);
      expect(parsed.diagnostics.map((d) => d.code), JSON.stringify(text)).toEqual(value === undefined ? ['yaml-syntax'] : []);
    }
    expect(fastParse('a: x\r\nb: y\r\n')).toEqual({ a: 'x', b: 'y' }); // Windows line ends stay on the fast path
  });

  it('leaves to the precise path what it must: aliases, tags, duplicate keys, odd numbers, big files', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: &x 1 # an anchor\nb: *x # and its alias\n', 'a: [x, "y # z", !!str 1]\n', "a: ['p # q', &b r, *b]\n", 'a: !!str 1\n', 'a: 1\na: 2\n', 'a: 0x1F\n', 'a: +.5\n', 'a: 1e400\n', `a: "${'x'.repeat(70_000)}"\n`, '__proto__: 1\n', 'a: {b: 1}\n']) {
      expect(fastParse(text), text).toBeUndefined();
    }
  });
});

// simpleParse reads the plain records club writes in one pass over the characters; it must give exactly
// what the js-yaml way gives (which the tests above hold to the precise parser), or decline.
// Mostly what records hold, now and then something to decline (or to read with care).
const PLAIN_SCALARS = ['Member 0', 'Federal Customs Service', 'KG', 'en', 'member-000017', '2003-01-01', '2003-01', '2003', '"10:00"', '10:00', '30', '0',
  '123456789012345', 'https://example.org/a:b', 'a:b', 'true', 'False', 'nULL', 'null', '~', '"Null"', "'true'", '"2019"', "'2019-06-20'", '""', "''",
  '"é ü"', 'Ёжик в тумане', 'a  b  ', '"x"  ', "'y'   ", 'a\\b', 'x|y', 'x > y', 'a,b', 'a]b', 'a[b', 'a}b', 'x%', 'x@y', '[a, b, c]', '[ a , b ]',
  '[a b, "c d"]', '[]  ', '[ ]', '[2019, 7, \'x\']', 'x\u00a0y', '2019-06-20-moscow', 'NaN', 'yes', 'no', 'Y', '王力'];
const TRICKY_SCALARS = [...SCALARS, '007', '1234567890123456', 'a: b', 'x:', '"a\\tb"', '"x" y', '?x', '%x', '@x', '`x`', '|x', '>x', '-x', '- x', '.x', '+x',
  '[a,b]', '[a, ]', '[a, , b]', '["1e3"]', '[2019, 10:00]', '[x: y]', '[a] b', '[[a]]', '[a, [b]]', '\u2028', 'x\u0085y', 'a\ufeffb', 'emoji 🙂', '\ud800',
  '12:30:45', '1:20', '10:0a', '2019-', '[-1]', '[.5]', '[+1]', '["+1"]', "['-1']", '"-1"', "'.5'", '"0x1F"', 'x #', 'x#', '"x # y"'];
const PLAIN_KEYS = ['name', 'country', 'joined', 'title', 'to', 'from', 'n-1', '_x', 'Name', 'a1', 'name_ru'];
const TRICKY_KEYS = ['null', 'True', 'toString', '1a', '"q"', 'k k', 'constructor', 'a.b', 'ключ'];
const simpleScalar = fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_SCALARS), weight: 12 }, { arbitrary: fc.constantFrom(...TRICKY_SCALARS), weight: 1 });
const simpleKey = fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_KEYS), weight: 15 }, { arbitrary: fc.constantFrom(...TRICKY_KEYS), weight: 1 });
const indentOf = fc.constantFrom('  ', '  ', '    ', ' ', '');
const simpleValue = fc.oneof(
  simpleScalar.map((s) => ` ${s}`),
  fc.constant(''),
  fc.constant('   '),
  fc.tuple(indentOf, fc.array(simpleScalar, { minLength: 1, maxLength: 3 })).map(([ind, items]) => `\n${items.map((i) => `${ind}- ${i}`).join('\n')}`),
  fc.tuple(indentOf, fc.array(fc.tuple(simpleKey, simpleScalar), { minLength: 1, maxLength: 3 }))
    .map(([ind, pairs]) => `\n${pairs.map(([k, v]) => `${ind}${k}: ${v}`).join('\n')}`),
  // A list of mappings (a meeting's agenda), its keys under the first one's or not.
  fc.tuple(indentOf, fc.array(fc.array(fc.tuple(simpleKey, simpleScalar), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
    fc.constantFrom('  ', '   ', ' '))
    .map(([ind, items, under]) => `\n${items.map((pairs) => pairs.map(([k, v], i) => `${i === 0 ? `${ind}- ` : `${ind}${under}`}${k}: ${v}`).join('\n')).join('\n')}`),
);
const simpleSeparator = fc.oneof({ arbitrary: fc.constantFrom('\n', '\n\n', '\n# a comment *x &y\n', '\n  # indented comment\n', '\n   \n', '  \n'), weight: 15 },
  { arbitrary: fc.constantFrom('\r\n', ' # trailing\n', '\n# é \u0085\n', '', '\n\t\n', '\n---\n'), weight: 1 });
const simpleFile = fc.tuple(
  fc.array(fc.tuple(simpleKey, fc.constantFrom(':', ':', ':', ':', ':', ':', ':', ':', ' :', '::'), simpleValue, simpleSeparator), { minLength: 1, maxLength: 7 }),
  fc.constantFrom('', '', '', '', '# header\n', '\n', ' ', '  name: X\n'),
).map(([entries, head]) => `${head}${entries.map(([k, colon, v, sep]) => `${k}${colon}${v}${sep}`).join('')}`);

describe('the one-pass reader of plain records and the js-yaml way agree', () => {
  it('on every generated file it reads, it gives the value the js-yaml way gives, and declines the rest', () => {
    let taken = 0;
    const pool = new TextPool();
    fc.assert(
      fc.property(fc.oneof({ arbitrary: simpleFile, weight: 4 }, { arbitrary: file, weight: 1 }), (text) => {
        const simple = simpleParse(text);
        if (simple === undefined) return;
        taken++;
        const slow = jsYamlParse(text);
        // JSON text: the same keys in the same order, the same lists, numbers, texts, nulls and booleans (with and without a pool).
        // fastParse leaves some texts (`%`, `&`…) to the precise parser before either way looks; the others it reads the same.
        // One expect per text, not four.
        const fast = fastParse(text, pool);
        const left = 'left to the precise parser';
        expect({ jsYamlReads: slow !== undefined, simple: JSON.stringify(simple), pooled: JSON.stringify(simpleParse(text, pool)), fast: fast ?? left }, text)
          .toEqual({ jsYamlReads: true, simple: JSON.stringify(slow), pooled: JSON.stringify(slow), fast: fast === undefined ? left : slow });
      }),
      { numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(200); // ~360 of 4000: enough for the comparison to mean something
  });

  it('reads the records club writes', () => {
    const member = 'name: Member 0\ncountry: KG\ncategory: embassy\norganization: Federal Customs Service\ndivision: moscow\njoined: 2003-01-01\nlanguages: [en, ru]\n';
    expect(simpleParse(member)).toEqual({ name: 'Member 0', country: 'KG', category: 'embassy', organization: 'Federal Customs Service',
      division: 'moscow', joined: '2003-01-01', languages: ['en', 'ru'] });
    const meeting = 'title: Meeting 0\ndate: 2003-01-01\nstart: "10:00"\nvenue:\n  name: Hall\n  city: Moscow\nagenda:\n  - title: Opening report\n'
      + '    presenter: member-017855\n    minutes: 30\n  - title: Discussion\n    minutes: 60\nattendees: [member-017855, member-063712]\n';
    expect(simpleParse(meeting)).toEqual({ title: 'Meeting 0', date: '2003-01-01', start: '10:00', venue: { name: 'Hall', city: 'Moscow' },
      agenda: [{ title: 'Opening report', presenter: 'member-017855', minutes: 30 }, { title: 'Discussion', minutes: 60 }],
      attendees: ['member-017855', 'member-063712'] });
    expect(simpleParse('# yaml-language-server: $schema=../x.json\nname: Коноваленко С.А.\n\nto:\nx: ~\ny: true\n')).toEqual({ name: 'Коноваленко С.А.', to: null, x: null, y: true });
  });

  it('declines what the js-yaml way must decide, which still reads it', () => {
    for (const text of ['notes: >-\n  folded\n  text\n', 'notes: plain\n  continued\n', 'a: x # comment\n', 'a: x\r\n', 'a:\n- x\n', 'a: "x\\ty"\n',
      "a: 'it''s'\n", 'a: 1.5\n', 'a: 012\n', 'a: -1\n', 'a: [x,\n  y]\n', 'True: x\n', 'a:\n  - x\n  -\n', 'a: 1\na: 2\n', 'a: 🙂\n', '  a: 1\n']) {
      expect(simpleParse(text), text).toBeUndefined();
      expect(fastParse(text), text).toEqual(jsYamlParse(text));
    }
  });
});
