import { COUNTRY_NAMES } from './country-names.js';
import { searchFold } from './search-text.js';
import type { CountryCode, Language } from './types.js';

// Made on first use, and only for a code the table does not hold: building the ICU display names
// costs more than Node's own start-up does to a quick command.
const regionNames = new Map<Language, Intl.DisplayNames>();

/**
 * The name of a country code in a language, from CLDR: `CZ` → `Czechia`, `Чехия`; anything else as
 * it is. Every code the schemas accept comes from the table (country-names.ts); any other from
 * Node's ICU. Never throws.
 */
export function countryName(code: CountryCode, lang: Language = 'en'): string {
  const known = Object.hasOwn(COUNTRY_NAMES, code) ? COUNTRY_NAMES[code] : undefined;
  if (known !== undefined) return lang === 'ru' ? known[1] : known[0];
  let display = regionNames.get(lang);
  if (display === undefined) {
    display = new Intl.DisplayNames(lang, { type: 'region', fallback: 'code' });
    regionNames.set(lang, display);
  }
  try {
    return display.of(code) ?? code;
  } catch {
    return code; // not a region code at all (`China` in a record with errors): show it as written
  }
}

/** The country codes the schemas accept (the `country` enum of defs.schema.json), from the schema documents. */
export const schemaCountryCodes = (defs: unknown): CountryCode[] => (defs as { $defs: { country: { enum: CountryCode[] } } }).$defs.country.enum;

/** Every name a country is searched by: its English and Russian names. */
export const countryNames = (code: CountryCode): string[] => [countryName(code, 'en'), countryName(code, 'ru')];

/**
 * Names people write that CLDR does not give as the country's display name. One table for every
 * place a country is typed: import's cells and --where (`country=РФ` finds what import read as RU).
 */
export const COUNTRY_ALIASES: Readonly<Record<string, CountryCode>> = {
  'russian federation': 'RU', 'российская федерация': 'RU', 'рф': 'RU',
  'czech republic': 'CZ', 'чешская республика': 'CZ',
  'prc': 'CN', 'кнр': 'CN', "people's republic of china": 'CN', 'китайская народная республика': 'CN',
  'republic of korea': 'KR', 'korea': 'KR', 'корея': 'KR', 'южная корея': 'KR',
  'usa': 'US', 'сша': 'US', 'united states of america': 'US',
  'uk': 'GB', 'great britain': 'GB', 'britain': 'GB', 'соединенное королевство': 'GB',
  'белоруссия': 'BY', 'byelorussia': 'BY', 'кыргызстан': 'KG', 'kirghizia': 'KG',
};

/** Every name a country is asked for by: its English and Russian names and the other names people write (`РФ`, `USA`). */
export const countrySearchNames = (code: CountryCode): string[] => [
  ...countryNames(code),
  ...Object.entries(COUNTRY_ALIASES).filter(([, c]) => c === code).map(([alias]) => alias),
];

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
