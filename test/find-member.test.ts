import { describe, expect, it } from 'vitest';
import { memberArgument, memberNamed } from '../src/cli/find-member.js';
import { findByName } from '../src/model/search-text.js';
import type { Member } from '../src/model/types.js';

const person = (name: string, name_native?: string) => ({ data: { name, ...(name_native ? { name_native } : {}) } as Member });
/** A secretary's club: Zhang Wei and Wang Fang written in Latin with Cyrillic native names, Li Ming with Chinese, two Ivanovs. */
const MEMBERS = new Map([
  ['zhang-wei', person('Zhang Wei', 'Чжан Вэй')],
  ['wang-fang', person('Wang Fang', 'Ван Фан')],
  ['li-ming', person('Li Ming', '李明')],
  ['ivanov-i-i', person('Ivanov I.I.')],
  ['ivanov-i-p', person('Ivanov I.P.', 'Иванов И.П.')],
  ['muller-k', person('Müller K.')],
]);
const named = [...MEMBERS].map(([id, m]) => ({ id, names: [m.data.name, m.data.name_native] }));

describe('findByName: a name finds the same members in any script', () => {
  it('a whole name, in the script it is stored in or another, is a whole match', () => {
    expect(findByName('张伟', named)).toEqual({ ids: ['zhang-wei'], whole: true }); // 张伟 → Zhang Wei
    expect(findByName('Иванов И.П.', named)).toEqual({ ids: ['ivanov-i-p'], whole: true });
    expect(findByName('ivanov i.p.', named)).toEqual({ ids: ['ivanov-i-p'], whole: true });
    expect(findByName('Ван Фан', named)).toEqual({ ids: ['wang-fang'], whole: true });
    expect(findByName('李明', named)).toEqual({ ids: ['li-ming'], whole: true });
  });
  it('a part finds whom `list --where name~` finds, in any script', () => {
    expect(findByName('张', named)).toEqual({ ids: ['zhang-wei'], whole: false });
    expect(findByName('Чжан', named)).toEqual({ ids: ['zhang-wei'], whole: false });
    expect(findByName('王', named)).toEqual({ ids: ['wang-fang'], whole: false });
    expect(findByName('иванов', named)).toEqual({ ids: ['ivanov-i-i', 'ivanov-i-p'], whole: false });
    expect(findByName('nobody', named)).toEqual({ ids: [], whole: false });
    expect(findByName(' ', named)).toEqual({ ids: [], whole: false });
  });
});

describe('memberNamed and memberArgument: what a command does with what was found', () => {
  it('an id, or one whole name, is taken by every command', () => {
    expect(memberArgument('ivanov-i-i', MEMBERS)).toBe('ivanov-i-i');
    expect(memberArgument('Иванов И.П.', MEMBERS)).toBe('ivanov-i-p');
    expect(memberArgument(' 张伟 ', MEMBERS)).toBe('zhang-wei');
  });
  it('one member found by a part is taken where nothing is written, and answered "did you mean" where a file is', () => {
    expect(memberNamed('Чжан', MEMBERS, { guess: true })).toBe('zhang-wei');
    expect(() => memberArgument('Чжан', MEMBERS, { label: '--attendee' })).toThrow(expect.objectContaining({
      message: '--attendee: no member has the id or name `Чжан`',
      hint: 'did you mean `zhang-wei`? (`Чжан` is part of the name Zhang Wei / Чжан Вэй; a command that writes takes an id or a whole name)',
    }));
  });
  it('several found are listed, guessing or not', () => {
    for (const guess of [true, false]) {
      expect(() => memberNamed('иванов', MEMBERS, { guess })).toThrow(expect.objectContaining({
        message: '`иванов` is in the names of 2 members: ivanov-i-i (Ivanov I.I.), ivanov-i-p (Ivanov I.P. / Иванов И.П.)',
        hint: 'give the one you mean by its id',
      }));
    }
  });
  it('none found: an id-shaped value is left to the id check; any other value is a usage error with the nearest', () => {
    expect(memberNamed('Вася', MEMBERS)).toBeUndefined();
    expect(memberArgument('ivanov-ii', MEMBERS)).toBe('ivanov-ii'); // the folder check says "did you mean member `ivanov-i-i`?"
    expect(() => memberArgument('Ivanv I.P.', MEMBERS, { label: '--apology' })).toThrow(expect.objectContaining({
      message: '--apology: no member has the id or name `Ivanv I.P.`', hint: expect.stringContaining('did you mean `ivanov-i-p`'),
    }));
  });
});
