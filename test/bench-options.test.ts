import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fmt, median, parseOptions, ROOT, type OptionKind } from './bench/options.mjs';

const TABLE: Record<string, OptionKind> = {
  runs: { kind: 'number', default: 20, example: '20' },
  sizes: { kind: 'sizes', default: [], example: '100000' },
  'no-extra-ca': { kind: 'flag' },
};

describe('the bench scripts\' shared options (test/bench/options.mjs)', () => {
  it('reads numbers, lists of sizes and flags, with the defaults for what is not given', () => {
    expect(parseOptions([], TABLE)).toEqual({ values: { runs: 20, sizes: [], 'no-extra-ca': false } });
    expect(parseOptions(['--sizes', '10000,100000', '--no-extra-ca', '--runs', '3'], TABLE))
      .toEqual({ values: { runs: 3, sizes: [10000, 100000], 'no-extra-ca': true } });
  });
  it('refuses a mistyped value or option with a message naming it, instead of timing NaN rounds', () => {
    expect(parseOptions(['--runs', '2O'], TABLE)).toEqual({ error: '--runs takes a whole number above 0, not `2O` (e.g. --runs 20)' });
    expect(parseOptions(['--runs', '0'], TABLE).error).toContain('above 0, not `0`');
    expect(parseOptions(['--sizes', '10,x'], TABLE)).toEqual({ error: '--sizes takes comma-separated whole numbers above 0, not `10,x` (e.g. --sizes 100000)' });
    expect(parseOptions(['--runs'], TABLE)).toEqual({ error: '--runs needs a value, e.g. --runs 20' });
    expect(parseOptions(['--run', '5'], TABLE)).toEqual({ error: 'unknown option `--run`; the options are --runs, --sizes, --no-extra-ca' });
    expect(parseOptions(['5'], TABLE).error).toMatch(/^unknown option `5`/);
  });
  it('writes figures and takes medians one way for both scripts, which keep no copies of their own', () => {
    expect(fmt(1234.567)).toBe('1,235');
    expect(fmt(1.5, 2)).toBe('1.50');
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
    for (const script of ['run.mjs', 'interleaved.mjs']) {
      const text = readFileSync(path.join(ROOT, 'test/bench', script), 'utf8');
      expect(text, script).toContain("from './options.mjs'");
      expect(text, script).not.toMatch(/const (option|fmt|median) = /);
    }
  });
});
