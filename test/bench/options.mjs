// What the bench scripts (run.mjs, interleaved.mjs) share: where club is, their command-line
// options, and how a figure is written in the tables they print.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The environment every timed command runs in: a fixed day, no colour. */
export const BENCH_ENV = { CLUB_TODAY: '2020-01-01', NO_COLOR: '1' };

/**
 * Reads `--name value` and `--flag` options by a table of what each is (`number`: a positive whole
 * number; `sizes`: comma-separated positive whole numbers; `text`: any word, e.g. a folder; `flag`: present or not)
 * with its default.
 * Returns `{ values }`, or `{ error }` naming the option at fault: a mistyped `--runs 2O` stops the
 * bench before it runs, instead of timing NaN rounds.
 */
export function parseOptions(argv, table) {
  const values = Object.fromEntries(Object.entries(table).map(([name, t]) => [name, t.kind === 'flag' ? false : t.default]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.replace(/^--/, '');
    const t = arg.startsWith('--') ? table[name] : undefined;
    if (t === undefined) return { error: `unknown option \`${arg}\`; the options are ${Object.keys(table).map((n) => `--${n}`).join(', ')}` };
    if (t.kind === 'flag') {
      values[name] = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) return { error: `--${name} needs a value, e.g. --${name} ${t.example}` };
    if (t.kind === 'text') {
      values[name] = value;
      continue;
    }
    const numbers = (t.kind === 'sizes' ? value.split(',').filter((s) => s !== '') : [value]).map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
    if (numbers.length === 0 || numbers.some((n) => !(n > 0))) {
      return { error: `--${name} takes ${t.kind === 'sizes' ? 'comma-separated whole numbers' : 'a whole number'} above 0, not \`${value}\` (e.g. --${name} ${t.example})` };
    }
    values[name] = t.kind === 'sizes' ? numbers : numbers[0];
  }
  return { values };
}

/** The options of this process, or the message and exit 2 when one is wrong. */
export function options(table) {
  const parsed = parseOptions(process.argv.slice(2), table);
  if (parsed.error !== undefined) {
    console.error(`bench: ${parsed.error}`);
    process.exit(2);
  }
  return parsed.values;
}

/** Stops with a message when club has not been built (bin/club runs the bundle). */
export function requireBuilt() {
  if (!existsSync(path.join(ROOT, '.build/bundle/commands.cjs'))) {
    console.error('club is not built: run npm ci (or npm run build) first');
    process.exit(1);
  }
}

/** A figure as the tables show it: thousands separated, `digits` decimals. */
export const fmt = (n, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The middle value (the upper middle of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
