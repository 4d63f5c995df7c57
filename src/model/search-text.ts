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
  return containsAny(queryForms(query), texts);
}

const containsAny = (forms: readonly string[], texts: readonly (string | undefined)[]): boolean =>
  texts.some((t) => t !== undefined && forms.some((f) => searchFold(t).includes(f)));

/** A person as a typed name looks for them: their id and their names (Latin, native). */
export interface Named {
  id: string;
  names: readonly (string | undefined)[];
}

/** Who a typed name finds, and whether it was a whole name (`Иванов И.П.`, `张伟`) or only a part of one (`иванов`, `张`). */
export interface NameMatch {
  ids: string[];
  whole: boolean;
}

/**
 * The people a typed name finds, in any script: those with the whole of it as
 * their name or native name (`Иванов И.П.`, `ivanov i.p.`, `张伟` → Zhang Wei),
 * else those whose names contain it, as `list --where name~` and the pickers
 * find them (`иван`, `张`, `Чжан`). Every command that takes a member by name
 * goes through this, so a name finds the same people everywhere.
 */
export function findByName(query: string, people: Iterable<Named>): NameMatch {
  const forms = queryForms(query);
  if (forms[0] === '') return { ids: [], whole: false };
  const list = [...people];
  const whole = list.filter((p) => p.names.some((n) => n !== undefined && forms.includes(searchFold(n))));
  if (whole.length > 0) return { ids: whole.map((p) => p.id), whole: true };
  return { ids: list.filter((p) => containsAny(forms, p.names)).map((p) => p.id), whole: false };
}
