import { createRequire } from 'node:module';
import { palladiusReading } from './palladius.js';

// Loaded on first use: a 190 kB table that every `club validate` would otherwise read at start-up
// (countries.ts folds names with searchFold), though only a query in another script needs it.
let transliterateFn: typeof import('transliteration').transliterate | undefined;
const transliterate = (text: string): string =>
  (transliterateFn ??= (createRequire(import.meta.url)('transliteration') as typeof import('transliteration')).transliterate)(text);

/**
 * Text as a search compares it: lower case, accents dropped (`Novák` → `novak`),
 * ё as е. The breve of й is kept: й and и are different letters, not an accent.
 */
export function searchFold(text: string): string {
  return text
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/(?<!и)\p{M}+|(?<=и)(?!\u0306)\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The folded forms a typed query is looked for by: itself and, when typed in another script, its Latin transliteration
 * (`иван` → `ivan`); Cyrillic that reads as Palladius also as the Pinyin it spells (`Чжан Вэй` → `zhang wei`, which the
 * transliteration makes `chzhan vey`): the way Russian writes a Chinese name, so that it finds Zhang Wei / 张伟 as `zhang` does.
 */
export function queryForms(query: string): string[] {
  const folded = searchFold(query);
  const nonLatin = [...query].some((ch) => /\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch));
  if (!nonLatin) return [folded];
  const forms = [folded, searchFold(transliterate(query))];
  if (/\p{Script=Cyrillic}/u.test(query)) forms.push(palladiusPinyin(folded) ?? '');
  return forms.filter((f, i) => i === 0 || (f !== '' && forms.indexOf(f) === i));
}

/**
 * Cyrillic read as Palladius (palladiusReading), each word's syllables written together as a passport writes a given
 * name (`чжан сяо-пин` → `zhang xiaoping`); undefined unless every word reads. A part of a name reads too (`сяопин`,
 * `чжа`): it is a search, not a name to keep, so the shape of a Chinese name (palladiusWords) is not asked for.
 */
function palladiusPinyin(folded: string): string | undefined {
  return palladiusReading(folded)?.map((syllables) => syllables.join('')).join(' ');
}

/** Does any of the texts contain the query (case, accents, ё/е and script aside)? */
export function textMatches(query: string, texts: readonly (string | undefined)[]): boolean {
  return containsAny(queryForms(query), texts);
}

const containsAny = (forms: readonly string[], texts: readonly (string | undefined)[]): boolean =>
  texts.some((t) => t !== undefined && forms.some((f) => searchFold(t).includes(f)));

/** A person as a typed name looks for them: their id and their names (Latin, native). */
export interface Named {
  id: string;
  names: readonly (string | undefined)[];
}

/**
 * Who a typed name finds: by the whole of a name or native name as it is written (`Иванов И.П.`, `王力`),
 * by the whole of one only once transliterated (`王丽` → "wang li" → Wang Li, whose native name may be
 * 王力), or by a part of one (`иванов`, `张`).
 */
export interface NameMatch {
  ids: string[];
  /** The query is the whole of a name (as written or transliterated), not a part of one. */
  whole: boolean;
  /** A whole name reached only through transliteration: written in another script, or a homophone (王丽 for 王力). */
  transliterated: boolean;
}

/**
 * The people a typed name finds, in any script: those with the whole of it as
 * their name or native name as it is written, case, spaces and accents aside
 * (`Иванов И.П.`, `ivanov i.p.`, `王立`); else those whose name is the whole of
 * it once transliterated (`张伟` → Zhang Wei, but also `王丽` → Wang Li / 王力:
 * homophones meet there, so a command that writes does not take such a match);
 * else those whose names contain it, as `list --where name~` and the pickers
 * find them (`иван`, `张`, `Чжан`). Every command that takes a member by name
 * goes through this; which of these matches a command takes is its own (a
 * command that writes takes only the first: cli/find-member.ts), and the
 * pickers match the typed text without its spaces too (`mullerk`).
 */
export function findByName(query: string, people: Iterable<Named>): NameMatch {
  const forms = queryForms(query);
  if (forms[0] === '') return { ids: [], whole: false, transliterated: false };
  const list = [...people];
  const wholeBy = (wanted: readonly string[]) => list.filter((p) => p.names.some((n) => n !== undefined && wanted.includes(searchFold(n))));
  const exact = wholeBy([forms[0]!]);
  if (exact.length > 0) return { ids: exact.map((p) => p.id), whole: true, transliterated: false };
  const transliterated = wholeBy(forms.slice(1));
  if (transliterated.length > 0) return { ids: transliterated.map((p) => p.id), whole: true, transliterated: true };
  return { ids: list.filter((p) => containsAny(forms, p.names)).map((p) => p.id), whole: false, transliterated: false };
}
