import type { CountryCode } from './types.js';

// Made on first use: building the ICU display names costs a noticeable part of a quick run.
let regionNames: Intl.DisplayNames | undefined;
const names = new Map<string, string>();

/** The English name of a country code: `CZ` → `Czechia`; anything else as it is. Never throws. */
export function countryName(code: CountryCode): string {
  let name = names.get(code);
  if (name === undefined) {
    regionNames ??= new Intl.DisplayNames('en', { type: 'region', fallback: 'code' });
    try {
      name = regionNames.of(code) ?? code;
    } catch {
      name = code; // not a region code at all (`China` in a record with errors): show it as written
    }
    names.set(code, name);
  }
  return name;
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
