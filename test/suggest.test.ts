import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, editDistanceWithin, nearestOf } from '../src/diagnostics/suggest.js';

// The whole table, as editDistance first computed it: what the three-row version must agree with.
function fullTable(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ё', 'е', 'É'), maxLength: 12 });

describe('did you mean', () => {
  it('editDistance: insert, delete, substitute and swap of neighbours each cost one', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('country', 'contry')).toBe(1);
    expect(editDistance('country', 'cuontry')).toBe(1);
    expect(editDistance('joined', 'joiner')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('editDistance agrees with the whole table for any two words', () => {
    fc.assert(fc.property(word, word, (a, b) => {
      expect(editDistance(a, b)).toBe(fullTable(a, b));
    }), { numRuns: 2000 });
  });

  it('editDistanceWithin is the whole table\'s distance up to its limit, limit + 1 past it', () => {
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
      expect(editDistanceWithin(a, b, limit)).toBe(Math.min(fullTable(a, b), limit + 1));
    }), { numRuns: 2000 });
    // A swap after a row over the limit: it costs what that row's substitution did, so it cannot come back under.
    expect(editDistanceWithin('abcd', 'badc', 1)).toBe(2);
    expect(editDistanceWithin('xxab', 'xxba', 1)).toBe(1);
    expect(editDistanceWithin('unknown1234', 'organization', 4)).toBe(5);
  });

  it('nearestOf\'s ASCII names fold as the others do: case only', () => {
    expect(nearestOf('NAME', ['name', 'Name_native'])).toEqual(['name']);
    expect(nearestOf('Joined', ['JOINED'])).toEqual(['JOINED']);
  });

  it('nearestOf finds near names however far the other candidates are in length', () => {
    expect(nearestOf('contry', ['country', 'category', 'organization', 'c'])).toEqual(['country']);
    expect(nearestOf('ORGANISATION', ['organization', 'title'])).toEqual(['organization']);
    expect(nearestOf('Ёлкин', ['елкин', 'елкина-длинная-фамилия'])).toEqual(['елкин']);
    expect(nearestOf('org', ['organization', 'x'])).toEqual(['organization']);
    expect(didYouMean('unknown1234', ['name', 'country', 'category', 'division', 'joined'])).toBeUndefined();
    expect(didYouMean('divison', ['name', 'division'])).toBe('did you mean `division`?');
  });
});
