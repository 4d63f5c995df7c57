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
  it('a whole name as it is stored is a whole match; in another script, a whole match only once transliterated', () => {
    expect(findByName('Иванов И.П.', named)).toEqual({ ids: ['ivanov-i-p'], whole: true, transliterated: false });
    expect(findByName('ivanov i.p.', named)).toEqual({ ids: ['ivanov-i-p'], whole: true, transliterated: false });
    expect(findByName('Ван Фан', named)).toEqual({ ids: ['wang-fang'], whole: true, transliterated: false });
    expect(findByName('李明', named)).toEqual({ ids: ['li-ming'], whole: true, transliterated: false });
    expect(findByName('muller k.', named)).toEqual({ ids: ['muller-k'], whole: true, transliterated: false }); // accents aside
    expect(findByName('张伟', named)).toEqual({ ids: ['zhang-wei'], whole: true, transliterated: true }); // 张伟 → Zhang Wei, stored as Чжан Вэй
    expect(findByName('Ли Минг', named)).toEqual({ ids: ['li-ming'], whole: true, transliterated: true }); // stored as 李明
  });
  it('a native name as it is written wins over the same Latin name reached by transliteration (王立 and 王力 are both Wang Li)', () => {
    const two = [{ id: 'wang-li', names: ['Wang Li', '王力'] }, { id: 'wang-li-2', names: ['Wang Li', '王立'] }];
    expect(findByName('王立', two)).toEqual({ ids: ['wang-li-2'], whole: true, transliterated: false });
    expect(findByName('王力', two)).toEqual({ ids: ['wang-li'], whole: true, transliterated: false });
    expect(findByName('王丽', two)).toEqual({ ids: ['wang-li', 'wang-li-2'], whole: true, transliterated: true });
  });
  it('a part finds whom `list --where name~` finds, in any script', () => {
    expect(findByName('张', named)).toEqual({ ids: ['zhang-wei'], whole: false, transliterated: false });
    expect(findByName('Чжан', named)).toEqual({ ids: ['zhang-wei'], whole: false, transliterated: false });
    expect(findByName('王', named)).toEqual({ ids: ['wang-fang'], whole: false, transliterated: false });
    expect(findByName('иванов', named)).toEqual({ ids: ['ivanov-i-i', 'ivanov-i-p'], whole: false, transliterated: false });
    expect(findByName('nobody', named)).toEqual({ ids: [], whole: false, transliterated: false });
    expect(findByName(' ', named)).toEqual({ ids: [], whole: false, transliterated: false });
  });
});

describe('memberNamed and memberArgument: what a command does with what was found', () => {
  it('an id, or one whole name, is taken by every command', () => {
    expect(memberArgument('ivanov-i-i', MEMBERS)).toBe('ivanov-i-i');
    expect(memberArgument('Иванов И.П.', MEMBERS)).toBe('ivanov-i-p');
    expect(memberArgument(' Чжан Вэй ', MEMBERS)).toBe('zhang-wei');
    expect(memberArgument('Muller K.', MEMBERS)).toBe('muller-k');
  });
  it('a whole name reached only by transliteration is taken where nothing is written, and answered "did you mean" where a file is', () => {
    expect(memberNamed('张伟', MEMBERS, { guess: true })).toBe('zhang-wei');
    expect(() => memberArgument(' 张伟 ', MEMBERS, { label: '--attendee' })).toThrow(expect.objectContaining({
      message: '--attendee: no member has the id or name `张伟` as it is written',
      hint: 'did you mean `zhang-wei` (Zhang Wei / Чжан Вэй)? (`张伟` matches only when transliterated, as other names that sound alike do; '
        + 'a command that writes takes an id or a name as it is written)',
    }));
    expect(() => memberNamed('Ли Минг', MEMBERS)).toThrow(expect.objectContaining({ hint: expect.stringMatching(/^did you mean `li-ming` \(Li Ming \/ 李明\)\?/) }));
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
