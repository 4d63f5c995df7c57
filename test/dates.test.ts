import { describe, expect, it } from 'vitest';
import { earliest, isRealDate, latest } from '../src/model/dates.js';

describe('dates', () => {
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
