import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { palladiusSyllables, palladiusTables, palladiusWords } from '../../src/model/palladius.js';

const { palladius: PALLADIUS, pinyinOf: PINYIN_OF_PALLADIUS } = palladiusTables();
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

  it('reads н before a vowel as the start of the next syllable, as Palladius writes -ng- there with ъ', () => {
    expect(memberNameToLatin('Ван Хунин', 'CN')).toBe('Wang Huning'); // 王沪宁, not Hongying
    expect(memberNameToLatin('Ли Синин', 'CN')).toBe('Li Xining');
    expect(memberNameToLatin('Чжан Синань', 'CN')).toBe('Zhang Xinan');
    expect(palladiusSyllables('Чанъань')).toEqual(['chang', 'an']);
    expect(palladiusSyllables('Чанань')).toEqual(['cha', 'nan']);
  });

  it('leaves alone a name not shaped as a Chinese one: a surname of one syllable (or a known two), two of given name', () => {
    for (const name of ['Анна Ли', 'Инна Ли', 'Дина Ли', 'Лена Ли', 'Сауле', 'Айдана', 'Сания', 'Ганин', 'Ли Сяо Мин Хуа']) {
      expect(palladiusWords(name), name).toBeUndefined();
    }
    expect(memberNameToLatin('Анна Ли', 'CN')).toBe('Anna Li');
    expect(memberNameToLatin('Ли Таня', 'CN')).toBe('Li Tanya'); // тан before я is not tang-ya: not Palladius
    expect(palladiusWords('Оуян Сю')).toEqual([['ou', 'yang'], ['xiu']]);
    expect(palladiusWords('Сыма Цянь')).toEqual([['si', 'ma'], ['qian']]);
  });

  it('reads a long word that almost cuts in time proportional to its length (each position answered once)', () => {
    // Without remembering each position's answer, 91 letters took over 30 s (2^length tries); now a few milliseconds.
    expect(palladiusSyllables(`${'сяо'.repeat(2_000)}б`)).toBeUndefined();
    expect(palladiusSyllables('сяо'.repeat(2_000))).toHaveLength(2_000);
  });

  it('is undefined unless every word is Palladius', () => {
    for (const name of ['Иванов И.И.', 'Ли Иванов', 'Ли В.', 'Ли Wei', 'Ли Вэй Ёлкин', '李伟', '', '   ']) expect(palladiusWords(name), name).toBeUndefined();
  });
});
