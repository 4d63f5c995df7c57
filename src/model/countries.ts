import { searchFold } from './search-text.js';
import type { CountryCode, Language } from './types.js';

// Made on first use: building the ICU display names costs a noticeable part of a quick run.
const regionNames = new Map<Language, Intl.DisplayNames>();
const names = new Map<string, string>();

/**
 * The name of a country code in a language, from CLDR (Node's full ICU):
 * `CZ` → `Czechia`, `Чехия`; anything else as it is. Never throws.
 */
export function countryName(code: CountryCode, lang: Language = 'en'): string {
  const key = `${lang}:${code}`;
  let name = names.get(key);
  if (name === undefined) {
    let display = regionNames.get(lang);
    if (display === undefined) {
      display = new Intl.DisplayNames(lang, { type: 'region', fallback: 'code' });
      regionNames.set(lang, display);
    }
    try {
      name = display.of(code) ?? code;
    } catch {
      name = code; // not a region code at all (`China` in a record with errors): show it as written
    }
    names.set(key, name);
  }
  return name;
}

/** Every name a country is searched by: its English and Russian names. */
export const countryNames = (code: CountryCode): string[] => [countryName(code, 'en'), countryName(code, 'ru')];

/**
 * The code a secretary probably meant by a value that is not a code:
 * `ru` → `RU`, `Finland` → `FI`, `Россия` → `RU`, `czech` → `CZ`.
 */
export function guessCountry(value: string, codes: readonly CountryCode[]): CountryCode | undefined {
  const v = value.trim();
  const upper = v.toUpperCase();
  if (codes.includes(upper)) return upper;
  const folded = searchFold(v);
  if (folded.length < 3) return undefined;
  const byName = codes.find((c) => countryNames(c).some((n) => searchFold(n) === folded));
  if (byName) return byName;
  return codes.find((c) => countryNames(c).some((n) => {
    const name = searchFold(n);
    return name.startsWith(folded) || folded.startsWith(name);
  }));
}
