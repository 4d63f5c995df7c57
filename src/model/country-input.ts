import { COUNTRY_ALIASES, countryName } from './countries.js';
import type { CountryCode } from './types.js';

/** How a name is compared: case, ё/е, dots, dashes and spaces do not matter. */
export function foldName(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/[\s.,'’"«»()\-–—_]+/g, '');
}

export interface CountryReader {
  /** The code a cell means, or undefined. */
  read(text: string): CountryCode | undefined;
  /** Names near a value that is none, for "did you mean": `Finland (FI)`. */
  near(text: string, nearest: (wanted: string, candidates: Iterable<string>) => string[]): string[];
}

/**
 * Reads countries the way people type them: a code (`fi`), the English or the
 * Russian name (`Finland`, `Финляндия`), or a common other name (`РФ`, `Czech Republic`).
 */
export function countryReader(codes: readonly CountryCode[]): CountryReader {
  const allowed = new Set(codes);
  // The names are looked up only for a value that is not a code: made from the table of names (countries.ts
  // countryName, the same names CLDR gives, without building two Intl.DisplayNames: ~20 ms of the first lookup).
  let tables: { byName: Map<string, CountryCode>; shown: Map<string, string> } | undefined;
  const names = () => {
    if (tables !== undefined) return tables;
    const byName = new Map<string, CountryCode>();
    const shown = new Map<string, string>(); // a name as written → `Name (CODE)`
    for (const code of codes) {
      const english = countryName(code, 'en');
      for (const name of [english, countryName(code, 'ru')]) {
        byName.set(foldName(name), code);
        shown.set(name, `${english} (${code})`);
      }
    }
    for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) if (allowed.has(code)) byName.set(foldName(alias), code);
    return (tables = { byName, shown });
  };
  return {
    read(text) {
      const t = text.trim();
      if (/^[A-Za-z]{2}$/.test(t) && allowed.has(t.toUpperCase())) return t.toUpperCase();
      return names().byName.get(foldName(t));
    },
    near(text, nearest) {
      const { shown } = names();
      const found = nearest(text.trim(), shown.keys());
      return [...new Set(found.map((n) => shown.get(n)!))];
    },
  };
}
