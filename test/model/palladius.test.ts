import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { PALLADIUS, PINYIN_OF_PALLADIUS, palladiusSyllables, palladiusWords } from '../../src/model/palladius.js';
import { memberNameToLatin } from '../../src/model/record-id.js';

describe('the Palladius table', () => {
  it('is one-to-one: no two Pinyin syllables share a Cyrillic spelling, so the reverse map loses none', () => {
    const seen = new Map<string, string>();
    for (const [syllable, cyrillic] of PALLADIUS) {
      expect(seen.get(cyrillic), `${syllable} and ${seen.get(cyrillic)} are both ${cyrillic}`).toBeUndefined();
      seen.set(cyrillic, syllable);
    }
    expect(PINYIN_OF_PALLADIUS.size).toBe(PALLADIUS.size);
    expect(PALLADIUS.size).toBeGreaterThan(400);
  });

  it('every syllable round-trips: Pinyin → Palladius → Pinyin, read as one word', () => {
    for (const [syllable, cyrillic] of PALLADIUS) expect(palladiusSyllables(cyrillic), `${syllable} ${cyrillic}`).toEqual([syllable]);
  });

  it('has the standard spellings', () => {
    const standard: Record<string, string> = {
      zhang: 'чжан', xiao: 'сяо', zi: 'цзы', ji: 'цзи', qi: 'ци', ci: 'цы', si: 'сы', xi: 'си', ren: 'жэнь', yu: 'юй', yue: 'юэ',
      nv: 'нюй', lv: 'люй', hui: 'хуэй', gui: 'гуй', wei: 'вэй', ou: 'оу', er: 'эр', zhi: 'чжи', shi: 'ши', ri: 'жи', ju: 'цзюй', qu: 'цюй',
      xu: 'сюй', xuan: 'сюань', jun: 'цзюнь', jiong: 'цзюн', zong: 'цзун', cong: 'цун', luo: 'ло', guo: 'го', ye: 'е', you: 'ю', yi: 'и', wu: 'у',
      e: 'э', de: 'дэ', die: 'де', jie: 'цзе', zhe: 'чжэ', cen: 'цэнь', lia: 'ля', yan: 'янь', yang: 'ян', ying: 'ин', yin: 'инь', weng: 'вэн',
    };
    for (const [syllable, cyrillic] of Object.entries(standard)) expect(PALLADIUS.get(syllable), syllable).toBe(cyrillic);
  });

  it('covers every syllable pinyin-pro gives the common CJK block (U+4E00–U+9FA5), but the interjections m, ng, yo', () => {
    const chars = Array.from({ length: 0x9fa5 - 0x4e00 + 1 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const syllables = new Set((pinyin(chars, { toneType: 'none', type: 'array', v: true }) as string[]).filter((s) => /^[a-z]+$/.test(s)));
    expect(syllables.size).toBeGreaterThan(390);
    expect([...syllables].filter((s) => !PALLADIUS.has(s)).sort()).toEqual(['m', 'ng', 'yo']);
  });
});

describe('reading a Cyrillic word as Palladius syllables', () => {
  it('cuts the longest syllable first, backing off when the rest does not cut', () => {
    expect(palladiusSyllables('Сяопин')).toEqual(['xiao', 'ping']);
    expect(palladiusSyllables('Оуян')).toEqual(['ou', 'yang']);
    expect(palladiusSyllables('Хуэйминь')).toEqual(['hui', 'min']);
    // сюэ (xue) first leaves нь, which is no syllable: back to сю (xiu) + энь (en).
    expect(palladiusSyllables('сюэнь')).toEqual(['xiu', 'en']);
    expect(palladiusSyllables('сюэ')).toEqual(['xue']);
    expect(palladiusSyllables('ЧЖАНЦЗЫ')).toEqual(['zhang', 'zi']);
  });
  it('takes ъ or an apostrophe as a syllable boundary', () => {
    expect(palladiusSyllables('Сиань')).toEqual(['xi', 'an']);
    expect(palladiusSyllables('Си’ань')).toEqual(['xi', 'an']);
    expect(palladiusSyllables("Си'ань")).toEqual(['xi', 'an']);
    expect(palladiusSyllables('Сиъань')).toEqual(['xi', 'an']);
    expect(palladiusSyllables('Сянь')).toEqual(['xian']);
  });
  it('is undefined for a word that does not cut completely: Russian words, ё, initials, Latin letters, an empty piece', () => {
    for (const word of ['Иванов', 'Ёлкин', 'Лё', 'И.И.', 'С.А.', 'Li', 'Лиъ', 'ъ', '']) expect(palladiusSyllables(word), word).toBeUndefined();
  });
});

describe('a Chinese name typed in Palladius, in Pinyin as a passport writes it', () => {
  const CASES: [string, string][] = [
    ['Ли Вэй', 'Li Wei'],
    ['Чжан Сяопин', 'Zhang Xiaoping'],
    ['Оуян Сю', 'Ouyang Xiu'],
    ['Люй Хун', 'Lyu Hong'], // ü after l is yu, as chineseToLatin writes 吕红
    ['Нюй Ин', 'Nyu Ying'],
    ['Сюй Цзюнь', 'Xu Jun'], // ü after j, q, x is u
    ['Дэн Сяо-пин', 'Deng Xiaoping'], // the given name written together
    ['  ЛИ   ВЭЙ ', 'Li Wei'],
    ['Жэнь Цзыци', 'Ren Ziqi'],
    ['Хуэй', 'Hui'],
  ];
  for (const [cyrillic, latin] of CASES) it(`${cyrillic} → ${latin}`, () => expect(memberNameToLatin(cyrillic, 'CN')).toBe(latin));

  it('is undefined unless every word is Palladius', () => {
    for (const name of ['Иванов И.И.', 'Ли Иванов', 'Ли В.', 'Ли Wei', 'Ли Вэй Ёлкин', '李伟', '', '   ']) expect(palladiusWords(name), name).toBeUndefined();
  });
});
