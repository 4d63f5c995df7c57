import { createRequire } from 'node:module';

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

/** The folded forms a typed query is looked for by: itself and, when typed in another script, its Latin transliteration (`иван` → `ivan`). */
export function queryForms(query: string): string[] {
  const folded = searchFold(query);
  const nonLatin = [...query].some((ch) => /\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch));
  if (!nonLatin) return [folded];
  const latin = searchFold(transliterate(query));
  return latin === folded ? [folded] : [folded, latin];
}

/** Does any of the texts contain the query (case, accents, ё/е and script aside)? */
export function textMatches(query: string, texts: readonly (string | undefined)[]): boolean {
  const forms = queryForms(query);
  return texts.some((t) => t !== undefined && forms.some((f) => searchFold(t).includes(f)));
}
