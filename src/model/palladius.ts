/**
 * The Palladius system: how Russian writes Mandarin (李伟 → Ли Вэй), read back to Hanyu Pinyin (Li Wei).
 * No npm package reads Cyrillic to Pinyin, so the table is here, written once from Pinyin to Cyrillic.
 */

interface Tables {
  /** Every Mandarin syllable (Pinyin, ü as v, no tones) and its Palladius spelling. */
  palladius: ReadonlyMap<string, string>;
  /** The reverse: a Palladius syllable → its Pinyin. */
  pinyinOf: ReadonlyMap<string, string>;
  /** The longest Palladius syllable's length. */
  longest: number;
}
let tables: Tables | undefined;

/**
 * The tables, made on first use: every command that loads record-id.ts (add-member, import, reschedule, record…)
 * would otherwise build them at start (~3 ms here), though only a Cyrillic name of a member from China reads them.
 */
export function palladiusTables(): Tables {
  return (tables ??= makeTables());
}

function makeTables(): Tables {
  const INITIALS: Record<string, string> = {
    b: 'б', p: 'п', m: 'м', f: 'ф', d: 'д', t: 'т', n: 'н', l: 'л', g: 'г', k: 'к', h: 'х',
    j: 'цз', q: 'ц', x: 'с', zh: 'чж', ch: 'ч', sh: 'ш', r: 'ж', z: 'цз', c: 'ц', s: 'с',
  };

  // Each initial's finals in Pinyin (ü as v, as pinyin-pro writes it), the standard syllable table.
  const FINALS: Record<string, string> = {
    b: 'a o ai ei ao an en ang eng i ie iao ian in ing u',
    p: 'a o ai ei ao ou an en ang eng i ie iao ian in ing u',
    m: 'a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u',
    f: 'a o ei ou an en ang eng u',
    d: 'a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un',
    t: 'a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un',
    n: 'a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan v ve',
    l: 'a e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un v ve',
    g: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
    k: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
    h: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
    j: 'i ia ie iao iu ian in iang ing iong u ue uan un',
    q: 'i ia ie iao iu ian in iang ing iong u ue uan un',
    x: 'i ia ie iao iu ian in iang ing iong u ue uan un',
    zh: 'a e ai ei ao ou an en ang eng ong i u ua uo uai ui uan un uang',
    ch: 'a e ai ao ou an en ang eng ong i u ua uo uai ui uan un uang',
    sh: 'a e ai ei ao ou an en ang eng i u ua uo uai ui uan un uang',
    r: 'e ao ou an en ang eng ong i u uo ui uan un',
    z: 'a e ai ei ao ou an en ang eng ong i u uo ui uan un',
    c: 'a e ai ao ou an en ang eng ong i u uo ui uan un',
    s: 'a e ai ao ou an en ang eng ong i u uo ui uan un',
  };

  // A final after a consonant, in Cyrillic (after j, q, x the ü finals are written u in Pinyin).
  const FINAL_CYRILLIC: Record<string, string> = {
    a: 'а', o: 'о', e: 'э', ai: 'ай', ei: 'эй', ao: 'ао', ou: 'оу', an: 'ань', en: 'энь', ang: 'ан', eng: 'эн', ong: 'ун',
    i: 'и', ia: 'я', ie: 'е', iao: 'яо', iu: 'ю', ian: 'янь', in: 'инь', iang: 'ян', ing: 'ин', iong: 'юн',
    u: 'у', ua: 'уа', uo: 'о', uai: 'уай', ui: 'уй', uan: 'уань', un: 'унь', uang: 'уан',
    v: 'юй', ve: 'юэ', ue: 'юэ',
  };

  // Syllables with no initial, and the few that do not follow from initial + final.
  const WHOLE: Record<string, string> = {
    a: 'а', o: 'о', e: 'э', ai: 'ай', ei: 'эй', ao: 'ао', ou: 'оу', an: 'ань', en: 'энь', ang: 'ан', eng: 'эн', er: 'эр',
    yi: 'и', ya: 'я', yao: 'яо', ye: 'е', you: 'ю', yan: 'янь', yin: 'инь', yang: 'ян', ying: 'ин', yong: 'юн',
    yu: 'юй', yue: 'юэ', yuan: 'юань', yun: 'юнь',
    wu: 'у', wa: 'ва', wo: 'во', wai: 'вай', wei: 'вэй', wan: 'вань', wen: 'вэнь', wang: 'ван', weng: 'вэн',
    // i after zh ch sh r is и, after z c s it is ы; hui is хуэй, not хуй.
    zi: 'цзы', ci: 'цы', si: 'сы', hui: 'хуэй',
    // j q x + u is ü: цзюй, цюй, сюй; + uan, un: цзюань, цюнь.
    ju: 'цзюй', qu: 'цюй', xu: 'сюй', juan: 'цзюань', quan: 'цюань', xuan: 'сюань', jun: 'цзюнь', qun: 'цюнь', xun: 'сюнь',
  };

  // Every Mandarin syllable (Pinyin, ü as v, no tones) and its Palladius spelling.
  const palladius = new Map<string, string>();
  for (const [initial, finals] of Object.entries(FINALS)) {
    for (const final of finals.split(' ')) palladius.set(initial + final, INITIALS[initial]! + FINAL_CYRILLIC[final]!);
  }
  for (const [syllable, cyrillic] of Object.entries(WHOLE)) palladius.set(syllable, cyrillic);
  // The reverse: a Palladius syllable → its Pinyin. The table is one-to-one (test/model/palladius.test.ts).
  const pinyinOf = new Map([...palladius].map(([pinyin, cyrillic]) => [cyrillic, pinyin]));
  return { palladius, pinyinOf, longest: Math.max(...[...pinyinOf.keys()].map((k) => k.length)) };
}

/**
 * A Cyrillic word cut into Palladius syllables, read as Pinyin (`сяопин` → [xiao, ping]); undefined when it does not
 * cut completely (`иванов`). Longest syllable first, backing off when the rest does not cut; each position's answer
 * is kept, so a long word that almost cuts costs its length, not 2^length (`сяо` × 30 + `б` took over 30 s). ъ or an
 * apostrophe marks a syllable boundary (`Си’ань`, `Сиъань`), which Palladius writes after a final -н (-ng) before a
 * vowel (`Чанъань`, Chang'an): without it, н before a vowel begins the next syllable (`Хунин` is hu-ning, not hong-ying).
 */
export function palladiusSyllables(word: string): string[] | undefined {
  const pieces = word.toLowerCase().split(/[ъ'’ʼ]/u);
  const out: string[] = [];
  for (const piece of pieces) {
    const read = cut(piece, 0, new Map(), palladiusTables());
    if (read === undefined || read.length === 0) return undefined;
    out.push(...read);
  }
  return out;
}

const VOWEL = /^[аеёиоуыэюя]/u;

function cut(text: string, from: number, known: Map<number, string[] | undefined>, t: Tables): string[] | undefined {
  if (from === text.length) return [];
  if (known.has(from)) return known.get(from);
  let found: string[] | undefined;
  for (let end = Math.min(text.length, from + t.longest); end > from && found === undefined; end--) {
    const syllable = text.slice(from, end);
    const pinyin = t.pinyinOf.get(syllable);
    if (pinyin === undefined || (syllable.endsWith('н') && VOWEL.test(text.slice(end)))) continue;
    const rest = cut(text, end, known, t);
    if (rest !== undefined) found = [pinyin, ...rest];
  }
  known.set(from, found);
  return found;
}

/** Chinese surnames of two syllables (Pinyin); every other surname is one syllable. */
const COMPOUND_SURNAMES = new Set([
  'ouyang', 'shangguan', 'sima', 'zhuge', 'situ', 'dongfang', 'huangfu', 'xiahou', 'linghu', 'yuchi', 'murong', 'gongsun',
  'zhangsun', 'duanmu', 'zhongli', 'yuwen', 'helian', 'huyan', 'nangong', 'taishi', 'ximen', 'dugu', 'tantai',
]);

/**
 * Text read as Palladius, word by word: each word's Pinyin syllables, a hyphenated word's parts together
 * (`чжан сяо-пин` → [[zhang], [xiao, ping]]); undefined unless every word reads. Any text, not only a name: the
 * search reads a part of one (`сяопин`) with it, and palladiusWords asks the shape of a Chinese name of what it reads.
 */
export function palladiusReading(text: string): string[][] | undefined {
  const read: string[][] = [];
  for (const word of text.trim().split(/\s+/u).filter((w) => w !== '')) {
    const parts = word.split('-').map(palladiusSyllables);
    if (parts.some((p) => p === undefined)) return undefined;
    read.push(parts.flatMap((p) => p!));
  }
  return read;
}

/**
 * A name typed in Palladius Cyrillic, as the Pinyin syllables of each word (a hyphenated word's parts together):
 * `Чжан Сяо-пин` → [[zhang], [xiao, ping]]. Undefined unless every word is Palladius and the name is shaped as a
 * Chinese one: a surname of one syllable (or a two-syllable one such as Оуян), then at most two syllables of given
 * name. So Russian and Kazakh names that happen to cut are left alone: `Анна Ли` (an+na is no surname), `Сауле`.
 */
export function palladiusWords(name: string): string[][] | undefined {
  const read = palladiusReading(name);
  if (read === undefined || read.length === 0) return undefined;
  const [surname, ...given] = read;
  if (surname!.length > 2 || (surname!.length === 2 && !COMPOUND_SURNAMES.has(surname!.join('')))) return undefined;
  return given.flat().length <= 2 ? read : undefined;
}
