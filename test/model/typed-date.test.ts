import { describe, expect, it } from 'vitest';
import { readDateFlag, readTypedDate } from '../../src/model/typed-date.js';

describe('a typed date (prompts and flags), read as import reads a cell', () => {
  it('takes the day first as written in Russia, and ISO, and gives ISO', () => {
    expect(readTypedDate('15.01.2026')).toEqual({ iso: '2026-01-15' });
    expect(readTypedDate('15/01/2026')).toEqual({ iso: '2026-01-15' });
    expect(readTypedDate('5.1.2026')).toEqual({ iso: '2026-01-05' });
    expect(readTypedDate(' 2026-01-15 ')).toEqual({ iso: '2026-01-15' });
    expect(readDateFlag('--on', '10.03.2026')).toEqual({ iso: '2026-03-10' });
  });

  it('takes a month or a year only where a partial date is allowed', () => {
    expect(readTypedDate('01.2026', true)).toEqual({ iso: '2026-01' });
    expect(readTypedDate('2026', true)).toEqual({ iso: '2026' });
    expect(readTypedDate('01.2026').problem).toBe('a date as YYYY-MM-DD or DD.MM.YYYY');
    expect(readTypedDate('2026').problem).toBe('a date as YYYY-MM-DD or DD.MM.YYYY');
  });

  it('says in words why a day that does not exist is refused, in either order', () => {
    expect(readTypedDate('2019-02-30', true).problem).toBe('there is no 30 February in 2019');
    expect(readTypedDate('30.02.2019').problem).toBe('there is no 30 February in 2019');
    expect(readTypedDate('15.13.2026').problem).toMatch(/^there is no month 13/);
    expect(readTypedDate('tomorrow').problem).toBe('a date as YYYY-MM-DD or DD.MM.YYYY');
    expect(readDateFlag('--on', '30.02.2019').problem).toBe('--on `30.02.2019` is not a day: there is no 30 February in 2019');
    expect(readDateFlag('--joined', 'soon', true).problem).toBe('--joined must be a date as YYYY-MM-DD or DD.MM.YYYY (or YYYY-MM, MM.YYYY or YYYY when that is all that is known), not `soon`');
  });
});
