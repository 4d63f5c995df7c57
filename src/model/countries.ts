import type { CountryCode } from './types.js';

const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'code' });

/** The English name of a country code: `CZ` → `Czechia`. */
export function countryName(code: CountryCode): string {
  return regionNames.of(code) ?? code;
}

/**
 * The code a secretary probably meant by a value that is not a code:
 * `ru` → `RU`, `Finland` → `FI`, `czech` → `CZ`.
 */
export function guessCountry(value: string, codes: readonly CountryCode[]): CountryCode | undefined {
  const v = value.trim();
  const upper = v.toUpperCase();
  if (codes.includes(upper)) return upper;
  const lower = v.toLowerCase();
  if (lower.length < 3) return undefined;
  const byName = codes.find((c) => countryName(c).toLowerCase() === lower);
  if (byName) return byName;
  return codes.find((c) => {
    const name = countryName(c).toLowerCase();
    return name.startsWith(lower) || lower.startsWith(name);
  });
}
