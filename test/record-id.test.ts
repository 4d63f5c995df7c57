import { transliterate } from 'transliteration';
import { describe, expect, it } from 'vitest';
import { hasNonLatinLetters, meetingId, memberNameToLatin, nextFreeId, personId, publicationId, toLatin } from '../src/model/record-id.js';
import { isValidId, slugify } from '../src/model/slug.js';

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
  it('Cyrillic keeps the transliteration package table (neither GOST 7.79 nor ICAO 9303): х → h, ц → c, й → y', () => {
    // Pinned so that ids of new members do not change under the secretary's feet; the README names the scheme.
    expect(toLatin('Хмельницкий Цой Юрий Яковлев Объедков Жуков Щукин Ёлкин')).toBe('Hmelnickiy Coy Yuriy Yakovlev Obedkov Zhukov Shchukin Yolkin');
  });
  it('a name or city of ASCII alone is read without the transliteration package: the package leaves every ASCII character as it is', () => {
    // record-id.ts takes an ASCII text as its own reading and does not load the package for it: true only while this holds.
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    for (const ch of ascii) expect(transliterate(`a${ch}b`), `U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).toBe(`a${ch}b`);
    expect(transliterate(ascii.join(''))).toBe(ascii.join(''));
    expect(toLatin("  O'Brien\t K.  ")).toBe("O'Brien K.");
    expect(meetingId('2019-09-10', 'St. Petersburg (Pulkovo)')).toBe(`2019-09-10-${slugify(transliterate('St. Petersburg (Pulkovo)'))}`);
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

describe('Chinese names: Hanyu Pinyin as a passport writes them', () => {
  // [characters, Latin name, id]: the surname by its surname reading, the given name written together, ü as yu after l and n.
  const CASES: [string, string, string][] = [
    ['单伟', 'Shan Wei', 'shan-wei'], // not Dan Wei: 单 as a surname is Shan
    ['曾国强', 'Zeng Guoqiang', 'zeng-guoqiang'], // not Ceng Guo Qiang
    ['吕红', 'Lyu Hong', 'lyu-hong'], // not Lu Hong: ü after l is yu in a passport
    // Ten common surnames with two readings, each in a name.
    ['单田芳', 'Shan Tianfang', 'shan-tianfang'],
    ['曾志伟', 'Zeng Zhiwei', 'zeng-zhiwei'],
    ['区志强', 'Ou Zhiqiang', 'ou-zhiqiang'], // not Qu
    ['仇英', 'Qiu Ying', 'qiu-ying'], // not Chou
    ['解缙', 'Xie Jin', 'xie-jin'], // not Jie
    ['查良镛', 'Zha Liangyong', 'zha-liangyong'], // not Cha
    ['朴树', 'Piao Shu', 'piao-shu'], // not Pu
    ['盖叫天', 'Ge Jiaotian', 'ge-jiaotian'], // not Gai
    ['乐嘉', 'Yue Jia', 'yue-jia'], // not Le
    ['缪杰', 'Miao Jie', 'miao-jie'], // not Mou or Miu
    // Two-character surnames stay whole; ü after n; a surname character inside a given name reads as usual.
    ['欧阳修', 'Ouyang Xiu', 'ouyang-xiu'],
    ['诸葛亮', 'Zhuge Liang', 'zhuge-liang'],
    ['女娲', 'Nyu Wa', 'nyu-wa'],
    ['李律', 'Li Lyu', 'li-lyu'],
    ['曾乐', 'Zeng Le', 'zeng-le'],
  ];
  it.each(CASES)('%s → %s (%s)', (han, latin, id) => {
    expect(toLatin(han)).toBe(latin);
    expect(personId(han)).toBe(id);
    expect(isValidId(personId(han))).toBe(true);
  });
  it('a city in Chinese is not read as a surname', () => {
    expect(meetingId('2019-09-10', '北京')).toBe('2019-09-10-bei-jing');
  });
});

describe('a member from China with a name typed in Cyrillic (Palladius): Pinyin, the Latin name and id 李伟 gets too', () => {
  it('reads Palladius as Pinyin for country CN', () => {
    expect(memberNameToLatin('Ли Вэй', 'CN')).toBe('Li Wei');
    expect(personId(memberNameToLatin('Ли Вэй', 'CN'))).toBe(personId('李伟'));
    expect(memberNameToLatin('Чжан Сяопин', 'CN')).toBe('Zhang Xiaoping');
    expect(memberNameToLatin('Оуян Сю', 'CN')).toBe(toLatin('欧阳修'));
    expect(memberNameToLatin('Люй Хун', 'CN')).toBe(toLatin('吕红'));
    expect(memberNameToLatin('Ли Вэй', ' cn ')).toBe('Li Wei');
  });
  it('keeps the transliteration for any other country, no country, or a name that is not all Palladius', () => {
    expect(memberNameToLatin('Ли Вэй', 'RU')).toBe('Li Vey');
    expect(memberNameToLatin('Ли Вэй', undefined)).toBe('Li Vey');
    expect(memberNameToLatin('Иванов И.И.', 'CN')).toBe('Ivanov I.I.');
    expect(memberNameToLatin('Ли Иванов', 'CN')).toBe('Li Ivanov');
    expect(memberNameToLatin('Коноваленко С.А.', 'CN')).toBe(toLatin('Коноваленко С.А.'));
    expect(memberNameToLatin('Ёлкин', 'CN')).toBe('Yolkin');
  });
  it('leaves Chinese characters and Latin names as toLatin reads them, whatever the country', () => {
    for (const name of ['李伟', '曾国强', 'Li Wei', 'Konovalenko S.A.']) {
      expect(memberNameToLatin(name, 'CN')).toBe(toLatin(name));
      expect(memberNameToLatin(name, 'RU')).toBe(toLatin(name));
    }
  });
});
