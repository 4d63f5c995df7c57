import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAscii, lazyCollator } from '../../src/model/collation.js';

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const collators = ['en', 'ru'].map((lang) => [lang, new Intl.Collator(lang, { numeric: true, sensitivity: 'base' })] as const);

describe('compareAscii: Intl.Collator\'s answer (numeric, base), for two texts of printable ASCII', () => {
  it('orders every pair of single characters as the English and the Russian collators do', () => {
    const differ: string[] = [];
    for (const [lang, c] of collators) {
      for (const a of ASCII) for (const b of ASCII) if (compareAscii(a, b) !== c.compare(a, b)) differ.push(`${lang} ${JSON.stringify(a)} ${JSON.stringify(b)}`);
    }
    expect(differ).toEqual([]);
  });

  it('gives the collators\' answer for any two texts: names, ids, numbers with leading zeros, prefixes, punctuation', () => {
    // Mostly the characters names and ids are made of, so that texts often share a start; now and then any printable one.
    const unit = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('a', 'A', 'b', 'I', 'v', ' ', '.', '-', '0', '1', '2', '9', '00', '10', "'") },
      { weight: 1, arbitrary: fc.constantFrom(...ASCII) });
    const text = fc.array(unit, { maxLength: 12 }).map((u) => u.join(''));
    fc.assert(fc.property(text, text, (a, b) => collators.every(([, c]) => compareAscii(a, b) === c.compare(a, b))), { numRuns: 3000 });
  });

  it('examples: case aside, numbers by value, a start before the longer text, a space before punctuation', () => {
    const cases: [string, string, number][] = [
      ['Ivanov I.I.', 'ivanov i.i.', 0], ['item 2', 'item 10', -1], ['a01', 'a1', 0], ['a', 'a0', -1], ['a00', 'a0', 0],
      ['Ivanov', 'Ivanov I.I.', -1], ['a b', 'a-b', -1], ['a-b', 'ab', -1], ['2019-06-20-moscow', '2019-06-20-narva', -1], ['x9', 'xa', -1],
    ];
    for (const [a, b, expected] of cases) {
      expect(compareAscii(a, b), `${a} ${b}`).toBe(expected);
      expect(collators[0]![1].compare(a, b), `${a} ${b}`).toBe(expected);
    }
  });

  it('leaves to the collator what is not printable ASCII, or a number of 16 digits or more', () => {
    for (const [a, b] of [['Иванов', 'Ivanov'], ['Müller', 'Muller'], ['a\tb', 'ab'], ['a\u0000b', 'ab'], ['1234567890123456', '2']]) expect(compareAscii(a!, b!)).toBeUndefined();
    const en = lazyCollator('en');
    const c = collators[0]![1];
    for (const [a, b] of [['Иванов', 'Ivanov'], ['Müller', 'Muller'], ['a\u0000b', 'ab'], ['1234567890123456', '1234567890123457'], ['Li Wei', 'li wei']]) {
      expect(en.compare(a!, b!), `${a} ${b}`).toBe(c.compare(a!, b!));
    }
  });
});
