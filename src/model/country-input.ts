import { COUNTRY_ALIASES } from './countries.js';
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
  // The names are looked up only for a value that is not a code: making them (two Intl.DisplayNames, every code's
  // two names folded) took ~30 ms of every add-member and import run, where the country is most often a code.
  let tables: { byName: Map<string, CountryCode>; shown: Map<string, string> } | undefined;
  const names = () => {
    if (tables !== undefined) return tables;
    const en = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    const ru = new Intl.DisplayNames('ru', { type: 'region', fallback: 'none' });
    const byName = new Map<string, CountryCode>();
    const shown = new Map<string, string>(); // a name as written → `Name (CODE)`
    for (const code of codes) {
      for (const display of [en, ru]) {
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined;
        }
        if (name === undefined) continue;
        byName.set(foldName(name), code);
        shown.set(name, `${en.of(code) ?? code} (${code})`);
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
