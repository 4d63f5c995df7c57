import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

// At exit, the child lists every CommonJS module it loaded (ajv, yaml, commander, transliteration… are CommonJS).
const LIST = `
import { createRequire } from 'node:module';
const cache = createRequire(${JSON.stringify(path.join(ROOT, 'bin/club'))}).cache;
process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(cache)) + '\\n'));`;

/** The package files (node_modules/<name>/…) a run of bin/club loads as CommonJS, and the packages they belong to. */
function loadedPackages(args: string[]): { stdout: string; packages: Set<string>; files: string[] } {
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(LIST)}`, path.join(ROOT, 'bin/club'), ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CLUB_TODAY: '2020-01-01', NO_COLOR: '1' } });
  const { stdout, stderr } = run;
  const files = (JSON.parse(/LOADED (.*)/.exec(stderr)?.[1] ?? '[]') as string[]).map((f) => f.split(path.sep).join('/'));
  const inPackages = files.filter((f) => f.includes('/node_modules/')).map((f) => f.slice(f.lastIndexOf('/node_modules/') + '/node_modules/'.length));
  return { stdout, files: inPackages, packages: new Set(inPackages.map((f) => /^((?:@[^/]+\/)?[^/]+)/.exec(f)![1]!)) };
}

// Start-up time is what a secretary waits for on every command: a command loads what it uses.
describe('start-up loads only what the command needs', () => {
  it('--version loads no package at all (no commander, no ajv)', () => {
    const run = loadedPackages(['--version']);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect([...run.packages]).toEqual([]);
  });
  it('validate on the shipped data loads no ajv compiler (validators are compiled at build time), no yaml (every file takes the fast path), no transliteration', () => {
    const run = loadedPackages(['validate', '--format', 'json']);
    expect(JSON.parse(run.stdout).summary.files).toBeGreaterThan(1);
    expect(run.packages.has('commander')).toBe(true); // the probe sees CommonJS packages
    for (const heavy of ['yaml', 'transliteration', 'pinyin-pro', 'exceljs', 'docx', 'chalk']) {
      expect(run.packages.has(heavy), heavy).toBe(false);
    }
    // The precompiled validators need only ajv's small run-time helpers and the format checks, never its compiler.
    expect(run.files.filter((f) => /^ajv(-formats)?\//.test(f)).every((f) => f.startsWith('ajv/dist/runtime/') || f === 'ajv-formats/dist/formats.js'),
      run.files.join('\n')).toBe(true);
  });
});
