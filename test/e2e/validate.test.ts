import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree, member } from '../helpers/club-tree.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT, runCli, runClub } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const BROKEN = path.join(ROOT, 'test/fixtures/broken');
const brokenArgs = (format: string) => ['validate', '--data', 'data', '--as-of', '2020-01-15', '--format', format];

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('club validate', () => {
  it('passes the shipped data', async () => {
    const run = await runClub(['validate']);
    expect(run.stderr).toMatch(/0 errors and \d+ warnings|no problems/);
    expect(run.code).toBe(0);
  });

  it('reports the broken fixture as text on stderr, grouped by file (golden)', async () => {
    const run = await runCli(brokenArgs('text'), { cwd: BROKEN });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expectGolden('validate-broken.txt', run.stderr);
    expectNoStackTrace(run.stderr);
  });

  it('reports the broken fixture as one JSON document on stdout (golden)', async () => {
    const run = await runCli(brokenArgs('json'), { cwd: BROKEN });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; summary: { errors: number }; diagnostics: unknown[] };
    expect(report.ok).toBe(false);
    expect(report.summary.errors).toBeGreaterThan(0);
    expectGolden('validate-broken.json', run.stdout);
  });

  it('reports the broken fixture as GitHub workflow commands, escaped (golden)', async () => {
    const run = await runCli(brokenArgs('github'), { cwd: BROKEN });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=club [a-z0-9-]+::/);
    expect(run.stdout).toContain('::error file=data/meetings/2019-09-10-pskov.yaml,line=5,col=1,title=club unknown-field::unknown field `odd%25key,with:punctuation`');
    expectGolden('validate-broken.github.txt', run.stdout);
  });

  it('names only the files asked for, checked against the whole folder', async () => {
    const run = await runCli([...brokenArgs('json'), 'data/officers/chairman-ivanov-ii.yaml'], { cwd: BROKEN });
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string }[] };
    expect(report.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['data/officers/chairman-ivanov-ii.yaml', 'unknown-reference'],
      ['data/officers/chairman-ivanov-ii.yaml', 'overlapping-term'], // needs the other chairman's file
    ]);
    expect(run.code).toBe(1);
  });

  it('exits 0 on warnings, 1 with --strict', async () => {
    const dir = testdir({ ...baseTree(), 'members/muller-k.yaml': member({ name: 'Müller K.', country: 'DE', joined: '2012', left: '2019-12-31' }) });
    const plain = await runCli(['validate', '--data', dir, '--as-of', '2020-01-15']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('country-without-representative');
    const strict = await runCli(['validate', '--data', dir, '--as-of', '2020-01-15', '--strict']);
    expect(strict.code).toBe(1);
  });

  it('takes today from CLUB_TODAY, and --as-of over it', async () => {
    const dir = testdir({ ...baseTree(), 'officers/secretary-petrov-p-p.yaml': 'position: secretary\nmember: petrov-p-p\nfrom: 2016-03-01\nto: 2019-12-31\n' });
    const env = await runCli(['validate', '--data', dir, '--format', 'json'], { env: { CLUB_TODAY: '2020-01-15' } });
    expect(JSON.parse(env.stdout).asOf).toBe('2020-01-15');
    expect(env.stdout).toContain('vacant-position');
    const flag = await runCli(['validate', '--data', dir, '--format', 'json', '--as-of', '2019-12-01'], { env: { CLUB_TODAY: '2020-01-15' } });
    expect(JSON.parse(flag.stdout).diagnostics).toEqual([]);
  });

  it('finds data/ at the root of the enclosing git repository', async () => {
    const repo = testdir({ ...Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])), 'docs/notes/.keep': '' });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const run = await runCli(['validate', '--format', 'json', '--as-of', '2020-01-15'], { cwd: path.join(repo, 'docs', 'notes') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.files).toBe(7);
  });

  it('colours text only when asked on a terminal: never through a pipe, never with NO_COLOR', async () => {
    const piped = await runCli(brokenArgs('text'), { cwd: BROKEN });
    expect(piped.stderr).not.toContain('\u001b[');
    const forced = await runCli(brokenArgs('text'), { cwd: BROKEN, env: { FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\u001b[31m');
    const off = await runCli(brokenArgs('text'), { cwd: BROKEN, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(off.stderr).not.toContain('\u001b[');
    const flag = await runCli([...brokenArgs('text'), '--no-color'], { cwd: BROKEN, env: { FORCE_COLOR: '1' } });
    expect(flag.stderr).not.toContain('\u001b[');
  });

  describe('usage and I/O errors', () => {
    it('exits 2 on an unknown flag, with a suggestion', async () => {
      const run = await runClub(['validate', '--formt', 'json']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--format');
    });
    it('exits 2 on an unknown format or command', async () => {
      expect((await runCli(['validate', '--format', 'xml'])).code).toBe(2);
      expect((await runCli(['valdate'])).code).toBe(2);
    });
    it('exits 2 on a bad --as-of or CLUB_TODAY', async () => {
      const run = await runCli(['validate', '--as-of', '2019-02-30']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--as-of `2019-02-30` is not a day: there is no 30 February in 2019');
      expect((await runCli(['validate'], { env: { CLUB_TODAY: 'tomorrow' } })).code).toBe(2);
    });
    it('exits 3 when the data folder is missing or is a file', async () => {
      const dir = testdir({ 'file.yaml': 'x: 1\n' });
      const missing = await runCli(['validate', '--data', path.join(dir, 'nope')]);
      expect(missing.code).toBe(3);
      expect(missing.stderr).toContain('no data folder');
      expectNoStackTrace(missing.stderr);
      const file = await runCli(['validate', '--data', path.join(dir, 'file.yaml')]);
      expect(file.code).toBe(3);
      expect(file.stderr).toContain('is not a folder');
    });
    it('exits 3 for a named file that does not exist, 2 for one outside the data folder', async () => {
      expect((await runCli(['validate', 'data/members/nobody.yaml'])).code).toBe(3);
      expect((await runCli(['validate', 'package.json'])).code).toBe(2);
    });
    it('reports an unclosed quote where it opens, in club\'s words, whole or named', async () => {
      const dir = testdir(Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])));
      const member = readdirSync(path.join(dir, 'data/members')).find((f) => f.endsWith('.yaml'))!;
      const file = path.join(dir, 'data/members', member);
      const lines = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
      expect((await runCli(['validate', '--data', 'data'], { cwd: dir })).code).toBe(0);
      lines.splice(1, 0, 'notes: "Head of division');
      writeFileSync(file, `${lines.join('\n')}\n`);
      for (const extra of [[], [`data/members/${member}`]]) {
        const run = await runCli(['validate', '--data', 'data', '--format', 'json', ...extra], { cwd: dir });
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number; column: number; message: string }[] };
        expect(report.diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.message])).toEqual([
          ['yaml-syntax', `data/members/${member}`, 2, 8, 'a quoted value is not closed: the quote " at 2:8 has no closing "'],
        ]);
      }
      const text = await runCli(['validate', '--data', 'data', '--no-color'], { cwd: dir });
      expect(text.stdout + text.stderr).toContain('hint: close it with " at the end of the value, or remove the opening quote');
    });
    it('reports a symbolic link to another record file of the data folder, whole or named: link-inside-data, exit 1, no second member', async () => {
      const dir = testdir(Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])));
      const valid = await runCli(['validate', '--data', 'data', '--format', 'json'], { cwd: dir });
      expect(valid.code).toBe(0);
      const member = readdirSync(path.join(dir, 'data/members')).find((f) => f.endsWith('.yaml'))!;
      symlinkSync(member, path.join(dir, 'data/members/alias-k.yaml'));
      const all = await runCli(['validate', '--data', 'data', '--format', 'json'], { cwd: dir });
      const named = await runCli(['validate', '--data', 'data', '--format', 'json', 'data/members/alias-k.yaml'], { cwd: dir });
      for (const run of [all, named]) {
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number; column: number; message: string; hint: string }[] };
        expect(report.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['link-inside-data', 'data/members/alias-k.yaml', 1, 1]]);
        expect(report.diagnostics[0]!.message).toContain(`members/${member}`);
        expect(report.diagnostics[0]!.hint).toBe('remove the link');
      }
    });
    it('reports a named symbolic link out of the data folder as the whole folder does: link-outside-data, exit 1', async () => {
      const dir = testdir({ ...Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])), 'elsewhere/stray.yaml': member({ name: 'Stray S.' }) });
      symlinkSync(path.join(dir, 'elsewhere/stray.yaml'), path.join(dir, 'data/members/stray-s.yaml'));
      const all = await runCli(['validate', '--data', 'data', '--format', 'json'], { cwd: dir });
      const named = await runCli(['validate', '--data', 'data', '--format', 'json', 'data/members/stray-s.yaml'], { cwd: dir });
      for (const run of [all, named]) {
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number; column: number }[] };
        expect(report.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['link-outside-data', 'data/members/stray-s.yaml', 1, 1]]);
      }
      // The same link named through a folder that is itself a link to the data folder.
      symlinkSync(path.join(dir, 'data'), path.join(dir, 'alias'));
      const viaAlias = await runCli(['validate', '--data', 'data', 'alias/members/stray-s.yaml'], { cwd: dir });
      expect(viaAlias.code).toBe(1);
      expect(viaAlias.stderr).toContain('link-outside-data');
    });
  });

  it('prints its version and help with examples', async () => {
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const help = await runCli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });

  it('changes nothing in the data folder', async () => {
    const dir = testdir(baseTree());
    mkdirSync(path.join(dir, 'meetings'));
    // Every entry under the folder, not `..`: /tmp itself changes whenever anything else makes a temp dir.
    const list = () => execFileSync('ls', ['-laR', dir]).toString().split('\n').filter((line) => !line.endsWith(' ..')).join('\n');
    const before = list();
    await runCli(['validate', '--data', dir]);
    expect(list()).toBe(before);
  });
});
