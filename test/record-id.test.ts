import { describe, expect, it } from 'vitest';
import { hasNonLatinLetters, meetingId, nextFreeId, personId, publicationId, toLatin } from '../src/model/record-id.js';
import { isValidId } from '../src/model/slug.js';

describe('ids', () => {
  it('from a Latin name: surname and initials', () => {
    expect(personId('Konovalenko S.A.')).toBe('konovalenko-s-a');
    expect(personId('Vasiltsov D.V.')).toBe('vasiltsov-d-v');
    expect(personId("O'Brien  K.")).toBe('o-brien-k');
  });
  it('from a name with accents', () => {
    expect(personId('Müller K.')).toBe('muller-k');
    expect(personId('Novák P.')).toBe('novak-p');
    expect(personId('Łukasz Ż.')).toBe('lukasz-z');
  });
  it('from a name typed in Cyrillic', () => {
    expect(personId('Коноваленко С.А.')).toBe('konovalenko-s-a');
    expect(personId('Щукин Ё.Ж.')).toBe('shchukin-yo-zh');
    expect(toLatin('Коноваленко С.А.')).toBe('Konovalenko S.A.');
  });
  it('from a name typed in Chinese characters', () => {
    expect(personId('王力')).toBe('wang-li');
    expect(toLatin('王力')).toBe('Wang Li');
  });
  it('tells Latin from other scripts', () => {
    expect(hasNonLatinLetters('Müller K.')).toBe(false);
    expect(hasNonLatinLetters('Иванов')).toBe(true);
    expect(hasNonLatinLetters('王力')).toBe(true);
  });
  it('for meetings and publications', () => {
    expect(meetingId('2019-09-10', 'Pskov')).toBe('2019-09-10-pskov');
    expect(meetingId('2019-09-10', 'Saint Petersburg')).toBe('2019-09-10-saint-petersburg');
    expect(meetingId('2019-09-10', 'Санкт-Петербург')).toBe('2019-09-10-sankt-peterburg');
    expect(publicationId('customs', '2019-07')).toBe('customs-2019-07');
  });
  it('on a collision, suggests the next free one', () => {
    const taken = new Set(['li-wei', 'li-wei-2']);
    expect(nextFreeId('li-wei', (c) => taken.has(c))).toBe('li-wei-3');
    expect(nextFreeId('wang-li', (c) => taken.has(c))).toBe('wang-li');
  });
  it('every id it makes is a valid id', () => {
    for (const name of ['Konovalenko S.A.', 'Коноваленко С.А.', '王力', 'Müller-Lüdenscheidt K.-H.', 'A  B']) expect(isValidId(personId(name))).toBe(true);
  });
  it('refuses ids that are not slugs, or that Windows reserves for devices', () => {
    for (const bad of ['../x', 'a/b', 'CON', 'con', 'nul', 'com1', 'lpt9', 'a--b', '-a', 'a-', '', 'x'.repeat(81)]) expect(isValidId(bad), bad).toBe(false);
    for (const good of ['console', 'com10x', 'a-b', '2019-06-20-moscow']) expect(isValidId(good), good).toBe(true);
  });
});
