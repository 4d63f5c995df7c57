import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earliest, isFullDate, isRealDate, latest } from '../src/model/dates.js';

/** What the dates module did with regular expressions before it read whole dates character by character. */
const reference = {
  isFullDate: (v: string) => /^(\d{4})-(\d{2})-(\d{2})$/.test(v),
  isRealDate(v: string): boolean {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
    if (!m) return false;
    if (m[2] === undefined) return true;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return false;
    if (m[3] === undefined) return true;
    const day = Number(m[3]);
    const year = Number(m[1]);
    const days = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
    return day >= 1 && day <= days;
  },
};

describe('dates', () => {
  it('reads a whole date character by character exactly as the regular expressions did', () => {
    // Strings near the shape: digits, dashes, a few characters that are digits elsewhere (Arabic-Indic, fullwidth) or break the shape.
    const near = fc.array(fc.constantFrom(...'0123456789-', '0', '9', '1', '2', '/', ' ', '\n', 'a', '\u0661', '\uff11', ':', '.'), { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));
    const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(fc.oneof(near, dateLike, fc.string({ maxLength: 12 })), (v) => {
      expect(isFullDate(v)).toBe(reference.isFullDate(v));
      expect(isRealDate(v)).toBe(reference.isRealDate(v));
      if (reference.isFullDate(v)) expect([earliest(v), latest(v)]).toEqual([v, v]);
    }), { numRuns: 5_000 });
  });
  it('knows the length of every month, leap years by the Gregorian rule (as the schema\'s date format does)', () => {
    expect(isRealDate('2012-02-29')).toBe(true);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2019-02-29')).toBe(false);
    expect(isRealDate('0400-02-29')).toBe(true);
    expect(isRealDate('0100-02-29')).toBe(false);
    expect(isRealDate('2019-04-31')).toBe(false);
    expect(isRealDate('2019-12-31')).toBe(true);
    expect(isRealDate('2019-13')).toBe(false);
    expect(isRealDate('2019')).toBe(true);
  });
  it('reads a partial date as its first and last day, a whole date as itself', () => {
    expect([earliest('2008'), latest('2008')]).toEqual(['2008-01-01', '2008-12-31']);
    expect([earliest('2012-02'), latest('2012-02')]).toEqual(['2012-02-01', '2012-02-29']);
    expect([earliest('2019-02'), latest('2019-02')]).toEqual(['2019-02-01', '2019-02-28']);
    expect([earliest('2019-06-20'), latest('2019-06-20')]).toEqual(['2019-06-20', '2019-06-20']);
    expect([earliest('not a date'), latest('not a date')]).toEqual(['not a date', 'not a date']);
  });
});
