/**
 * Names compared as Intl.Collator(lang, { numeric: true, sensitivity: 'base' }) compares them, without making one for
 * two texts of printable ASCII: making a collator loads ICU's collation data, ~7.5 ms of every run that sorts (list,
 * show, the documents), and most names and ids here are ASCII. test/model/collation.test.ts holds the short cut to
 * the collator's answer, for English and Russian, on texts of every printable ASCII character.
 *
 * For printable ASCII, the collator (CLDR's root order; Russian only moves Cyrillic, before Latin) compares at its
 * first level only: a space, then punctuation and symbols in ASCII_ORDER, then numbers, then letters, a capital equal to
 * its small letter. A run of digits is one number, compared by value (leading zeros aside). The first difference
 * decides; a text that is the start of the other comes first.
 */
const ASCII_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
/** Each printable ASCII character's place: symbols first, digits (a number is NUMBER), letters without case. */
const RANK = new Int16Array(128).fill(-1);
for (let i = 0; i < ASCII_ORDER.length; i++) RANK[ASCII_ORDER.charCodeAt(i)] = i;
const NUMBER = ASCII_ORDER.length;
for (let c = 0x61; c <= 0x7a; c++) RANK[c] = RANK[c - 0x20] = NUMBER + 1 + (c - 0x61);
const PRINTABLE = /^[\x20-\x7e]*$/;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** -1, 0 or 1 as the collator would say, for two texts of printable ASCII whose numbers have at most 15 digits; else undefined. */
export function compareAscii(a: string, b: string): number | undefined {
  if (!PRINTABLE.test(a) || !PRINTABLE.test(b)) return undefined;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      // Two numbers: the one with more digits (leading zeros aside) is larger, else the first digit that differs.
      let xs = i;
      while (xs < a.length - 1 && a.charCodeAt(xs) === 0x30 && isDigit(a.charCodeAt(xs + 1))) xs++;
      let ys = j;
      while (ys < b.length - 1 && b.charCodeAt(ys) === 0x30 && isDigit(b.charCodeAt(ys + 1))) ys++;
      let xe = xs;
      while (xe < a.length && isDigit(a.charCodeAt(xe))) xe++;
      let ye = ys;
      while (ye < b.length && isDigit(b.charCodeAt(ye))) ye++;
      if (xe - xs > 15 || ye - ys > 15) return undefined; // ICU's long numbers: let the collator say
      if (xe - xs !== ye - ys) return xe - xs < ye - ys ? -1 : 1;
      for (let k = 0; k < xe - xs; k++) {
        const d = a.charCodeAt(xs + k) - b.charCodeAt(ys + k);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      i = xe;
      j = ye;
      continue;
    }
    const rx = isDigit(x) ? NUMBER : RANK[x]!;
    const ry = isDigit(y) ? NUMBER : RANK[y]!;
    if (rx !== ry) return rx < ry ? -1 : 1;
    i++;
    j++;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return 0;
}

/**
 * The collator's compare for `lang`, the Intl.Collator made only when two texts are not both printable ASCII.
 * (A number of 16 digits or more also goes to the collator.)
 */
export function lazyCollator(lang: string): { compare(a: string, b: string): number } {
  let made: Intl.Collator | undefined;
  return {
    compare: (a: string, b: string): number => compareAscii(a, b) ?? (made ??= new Intl.Collator(lang, { numeric: true, sensitivity: 'base' })).compare(a, b),
  };
}
