import { createRequire } from 'node:module';
import { palladiusWords } from './palladius.js';
import { slugify } from './slug.js';

// The two packages are loaded on first use: building their tables took ~50 ms (transliteration) and ~40 ms
// (pinyin-pro) of every add-member, import, reschedule and record run, though a name in Latin letters needs
// neither and only a Chinese one needs pinyin-pro. In .build/bundle/commands.cjs each require becomes the
// package's copy inside the bundle (src/build/bundle.ts, LAZY_REQUIRES), still run only on first use.
type Transliteration = typeof import('transliteration');
type PinyinPro = typeof import('pinyin-pro');
let transliteration: Transliteration | undefined;
let pinyinPro: PinyinPro | undefined;
const pinyinPackage = (): PinyinPro => (pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro);

/**
 * The `transliteration` package's reading of `text`. It leaves every ASCII character as it is (test/record-id.test.ts
 * checks all 128), so a text of ASCII alone is its own reading and the package is not loaded for it.
 */
function transliterate(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return (transliteration ??= createRequire(import.meta.url)('transliteration') as Transliteration).transliterate(text);
}

/** True when the text has letters outside Latin script (Cyrillic, Chinese…). */
export function hasNonLatinLetters(text: string): boolean {
  return [...text].some((ch) => /\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch));
}

const HAN_RUN = /\p{Script=Han}+/gu;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One syllable as a passport writes it: no tones, ü as `yu` after l and n
 * (吕 → lyu, 女 → nyu), and as `u` where Pinyin already drops the dots (ju, qu, xu).
 */
const passportSyllable = (syllable: string) => syllable.replace(/([ln])v/g, '$1yu').replace(/v/g, 'u');

/**
 * A Chinese name in Hanyu Pinyin as a passport writes it: the surname read as a
 * surname (单 → Shan, 曾 → Zeng, 区 → Ou; 欧阳 and other two-character surnames
 * kept whole), then the given name written together (曾国强 → Zeng Guoqiang).
 */
export function chineseToLatin(han: string): string {
  const { pinyin, segment, OutputFormat } = pinyinPackage();
  const words = segment(han, { mode: 'surname', surname: 'head', format: OutputFormat.ZhSegment }) as string[];
  const read = (text: string) => pinyin(text, { mode: 'surname', surname: 'head', toneType: 'none', type: 'array', v: true }) as string[];
  const surname = words[0] ?? '';
  // A surname has one or two characters; anything longer is not a name, read as it comes.
  if (surname.length > 2) return passportName(read(han), []);
  const given = han.slice(surname.length);
  return passportName(read(surname), given === '' ? [] : pinyin(given, { toneType: 'none', type: 'array', v: true }));
}

/** Pinyin syllables as a passport writes a name: the surname, then the given name written together, each capitalised. */
function passportName(surname: readonly string[], given: readonly string[]): string {
  return [surname, given].map((syllables) => capitalize(syllables.map(passportSyllable).join(''))).filter((x) => x !== '').join(' ');
}

/**
 * Latin script for a name typed in another: `Коноваленко С.А.` → `Konovalenko S.A.`,
 * `曾国强` → `Zeng Guoqiang`. Chinese by Hanyu Pinyin (chineseToLatin); every other
 * script by the `transliteration` package's tables (for Cyrillic: х → h, ц → c,
 * й → y, ю → yu, я → ya, щ → shch, ъ and ь dropped).
 */
export function toLatin(text: string): string {
  const withPinyin = text.replace(HAN_RUN, (run) => ` ${chineseToLatin(run)} `);
  return transliterate(withPinyin).replace(/\s+/g, ' ').trim();
}

/**
 * A member's name in Latin letters, knowing their country: a member from China whose name is typed in Cyrillic is
 * read from Palladius back to Pinyin (`Ли Вэй` → `Li Wei`, the id `李伟` gets too), when it reads as a Chinese name
 * (palladiusWords); every other name as toLatin reads it (`Иванов И.И.`, `Анна Ли` whatever the country).
 */
export function memberNameToLatin(text: string, country: string | undefined): string {
  if (country?.trim().toUpperCase() === 'CN' && /\p{Script=Cyrillic}/u.test(text)) {
    const words = palladiusWords(text);
    if (words !== undefined) return passportName(words[0]!, words.slice(1).flat());
  }
  return toLatin(text);
}

/** A person's id from their name, in any script: `Konovalenko S.A.` → `konovalenko-s-a`. */
export function personId(name: string): string {
  return slugify(toLatin(name));
}

/** A meeting's id: its date and city, `2019-09-10-pskov`. */
export function meetingId(date: string, city: string): string {
  // A place is not a person: no surname readings, just the words it is made of.
  return `${date}-${slugify(transliterate(city))}`;
}

/** A publication's id: its outlet and date, `customs-2019-04`. */
export function publicationId(outlet: string, date: string): string {
  return `${outlet}-${date}`;
}

/** The first of `id`, `id-2`, `id-3`… that is not taken: what to suggest when `id` is. */
export function nextFreeId(id: string, taken: (candidate: string) => boolean): string {
  if (!taken(id)) return id;
  for (let n = 2; ; n++) if (!taken(`${id}-${n}`)) return `${id}-${n}`;
}
