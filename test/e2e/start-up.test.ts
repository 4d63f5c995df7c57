import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

// At exit, the child lists every CommonJS module it loaded (ajv, yaml, transliteration… are CommonJS).
// A resolve hook (run by Node in its own thread) lists every ES module as it is found: our bin/club and
// .build/, js-yaml. The bundle joins many modules into one file: .build/bundle-inputs.json names them.
const HOOKS = `
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  if (found.url.startsWith('file:')) writeSync(2, '\\nESM ' + found.url + '\\n');
  return found;
}`;
const LIST = `
import { createRequire, register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});
const cache = createRequire(${JSON.stringify(path.join(ROOT, 'bin/club'))}).cache;
process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(cache)) + '\\n'));`;

const ROOT_URL = pathToFileURL(ROOT).href;

/**
 * What a run of bin/club loads: the package files (node_modules/<name>/…) it loads as CommonJS and the packages
 * they belong to; the files of ours it loads as ES modules (paths from the package root); and the modules of
 * ours those files hold (a file of the bundle holds many).
 */
function loaded(args: string[]): { stdout: string; packages: Set<string>; files: string[]; esm: string[]; modules: Set<string> } {
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(LIST)}`, path.join(ROOT, 'bin/club'), ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CLUB_TODAY: '2020-01-01', NO_COLOR: '1' } });
  const { stdout, stderr } = run;
  const files = (JSON.parse(/LOADED (.*)/.exec(stderr)?.[1] ?? '[]') as string[]).map((f) => f.split(path.sep).join('/'));
  const inPackages = files.filter((f) => f.includes('/node_modules/')).map((f) => f.slice(f.lastIndexOf('/node_modules/') + '/node_modules/'.length));
  const esm = [...new Set([...stderr.matchAll(/^ESM (.*)$/gm)].map((m) => m[1]!))]
    .filter((url) => url.startsWith(`${ROOT_URL}/`) && !url.includes('/node_modules/')).map((url) => url.slice(ROOT_URL.length + 1));
  const inputs = JSON.parse(readFileSync(path.join(ROOT, '.build/bundle-inputs.json'), 'utf8')) as Record<string, string[]>;
  const modules = new Set(esm.flatMap((f) => inputs[f] ?? [f]));
  return { stdout, files: inPackages, packages: new Set(inPackages.map((f) => /^((?:@[^/]+\/)?[^/]+)/.exec(f)![1]!)), esm, modules };
}

// Start-up time is what a secretary waits for on every command: a command loads what it uses.
describe('start-up loads only what the command needs', () => {
  it('--version loads no package at all (no commander, no ajv) and of ours only the version', () => {
    const run = loaded(['--version']);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect([...run.packages]).toEqual([]);
    expect(run.esm).toEqual(['bin/club', '.build/cli/version.js']);
  });
  it('validate on the shipped data loads no ajv compiler (validators are compiled at build time), no yaml (every file takes the fast path), no transliteration', () => {
    const run = loaded(['validate', '--format', 'json']);
    expect(JSON.parse(run.stdout).summary.files).toBeGreaterThan(1);
    expect(run.packages.has('ajv-formats')).toBe(true); // the probe sees CommonJS packages (the validators' format checks)
    for (const heavy of ['yaml', 'transliteration', 'pinyin-pro', 'exceljs', 'docx', 'chalk']) {
      expect(run.packages.has(heavy), heavy).toBe(false);
    }
    // The precompiled validators need only ajv's small run-time helpers and the format checks, never its compiler.
    expect(run.files.filter((f) => /^ajv(-formats)?\//.test(f)).every((f) => f.startsWith('ajv/dist/runtime/') || f === 'ajv-formats/dist/formats.js'),
      run.files.join('\n')).toBe(true);
  });
  it('validate runs from the bundle: a few files instead of a hundred modules, and only the modules validate uses', () => {
    const run = loaded(['validate', '--format', 'json']);
    // bin/club, then files of .build/bundle/ only (commander is joined into them: no package file to find and wrap).
    expect(run.esm[0]).toBe('bin/club');
    expect(run.esm.slice(1).every((f) => f.startsWith('.build/bundle/')), run.esm.join('\n')).toBe(true);
    expect(run.esm.length, run.esm.join('\n')).toBeLessThan(run.modules.size / 3); // ~17 files holding ~90 modules
    expect(run.packages.has('commander')).toBe(false);
    // The probe sees the modules inside those files: the checks and the report asked for.
    for (const used of ['.build/validate/check.js', '.build/cli/validate-command.js', '.build/report/json.js']) expect(run.modules.has(used), used).toBe(true);
    // Not the other report formats, documents, writers, the lock, git (only --changed needs it) or the prompts.
    const unused = [...run.modules].filter((m) => /^\.build\/(render|authoring)\//.test(m)
      || /^\.build\/report\/(sarif|junit|github)\.js$/.test(m)
      || /^\.build\/store\/(transaction|lock|git|create-file)\.js$/.test(m)
      || /^\.build\/cli\/(prompter|write-change|choices)\.js$/.test(m));
    expect(unused).toEqual([]);
  });
});

// A plain run builds only the command it names (main.ts namedCommand); `club help X` builds them all.
describe('a run that builds one command answers as the full program does', () => {
  it('every command\'s --help, and its usage errors, are the same built alone as among all the others', async () => {
    const listed = (await runCli(['__complete', ''])).stdout.trim().split('\n').filter((word) => !word.startsWith('-'));
    expect(listed).toEqual(expect.arrayContaining(['validate', 'list', 'add-member', 'completion']));
    for (const name of listed) {
      const alone = await runCli([name, '--help']);
      const amongAll = await runCli(['help', name]);
      expect(alone.code, name).toBe(0);
      expect(alone.stdout, name).toContain(`Usage: club ${name} `);
      expect(alone.stdout, name).toBe(amongAll.stdout);
      // A usage error of the command alone names it and its help, as it does among all the others.
      const bad = await runCli(['--no-input', name, '--no-such-flag']);
      expect(bad.code, name).toBe(2);
      expect(bad.stderr, name).toContain(`club ${name}`);
    }
  });
  it('global options before the command, with their values, still find it; a value is never taken for a command', async () => {
    const run = await runCli(['--data', 'data', '--as-of=2020-01-01', '--no-color', 'validate', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).asOf).toBe('2020-01-01');
    // `--data validate`: "validate" is the folder; with no command club shows its help (exit 2: a usage error).
    const valueOnly = await runCli(['--data', 'validate']);
    expect(valueOnly.stderr).toContain('Usage: club [options] [command]');
    const typo = await runCli(['--no-color', 'valdate']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean `club validate`?');
  });
});
