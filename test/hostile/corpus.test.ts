import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree, member } from '../helpers/club-tree.js';
import { runCli, runClub } from '../helpers/run-cli.js';
import { testdir, writeTree, type Tree } from '../helpers/testdir.js';

/** Each process must end within this, whatever the file: a bound on the process, not a benchmark. */
const TIME_BOUND_MS = 15_000;

const FILE = 'members/hostile.yaml';
const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
  const prev = i === 0 ? 'a' : ['b', 'c', 'd', 'e', 'f', 'g', 'h'][i - 1]!;
  laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
}

interface Case {
  what: string;
  content?: string | Buffer;
  /** Builds something other than a plain file at data/members/hostile.yaml. */
  make?: (dataDir: string) => void;
  codes: string[];
  /**
   * Validated by the built CLI in a child process, killed past the time bound: the inputs made to
   * exhaust time, memory or the stack (bombs, deep nesting, sheer size) and the FIFO (a read would
   * block). The rest are about the diagnostic, and run in this process (runCli), under the same bound.
   */
  child?: true;
}

const CASES: Case[] = [
  { what: 'broken YAML: bad indentation', content: 'name: X\n  country: RU\n', codes: ['yaml-syntax'] },
  { what: 'broken YAML: an unclosed bracket', content: 'name: X\nlanguages: [en, ru\n', codes: ['yaml-syntax'] },
  { what: 'duplicate keys', content: `${member({})}name: Again\n`, codes: ['duplicate-key'] },
  { what: 'wrong types', content: member({ joined: '[2019]', name: '42' }), codes: ['wrong-type'] },
  { what: 'an unknown field', content: `${member({})}nickname: X\n`, codes: ['unknown-field'] },
  { what: 'a dangling reference', content: member({ division: 'atlantis' }), codes: ['unknown-reference'] },
  { what: 'a billion laughs (alias bomb)', content: `${laughs.join('\n')}\n`, codes: ['too-many-nodes'], child: true },
  { what: 'an alias that contains itself', content: 'a: &x [*x]\n', codes: ['alias-cycle'], child: true },
  { what: 'a merge-key bomb', content: `a: &a {x: 1}\nb: &b {<<: [*a, *a, *a, *a]}\nc: {<<: [*b, *b, *b, *b]}\n`, codes: ['merge-key'], child: true },
  { what: 'a __proto__ key', content: `__proto__: {polluted: true}\n${member({})}`, codes: ['unknown-field'] },
  { what: 'a constructor key', content: `constructor: {prototype: {polluted: true}}\n${member({})}`, codes: ['unknown-field'] },
  { what: 'invalid UTF-8', content: Buffer.concat([Buffer.from('name: '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('\n')]), codes: ['invalid-utf8'] },
  { what: 'a binary file', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), codes: ['binary-file'] },
  { what: 'a huge file (2 MiB)', content: `name: X\nnotes: "${'x'.repeat(2 * 1024 * 1024)}"\n`, codes: ['file-too-large'], child: true },
  { what: 'flow nesting a million deep', content: `a: ${'['.repeat(1_000_000)}\n`, codes: ['too-deep'], child: true },
  { what: 'flow nesting 100 deep', content: `a: ${'['.repeat(100)}${']'.repeat(100)}\n`, codes: ['too-deep'] },
  { what: 'a plain scalar with a quote before 500,000 [ (hidden from a bracket counter)', content: `a: [b 'c, ${'['.repeat(500_000)}\n`, codes: ['too-deep'], child: true },
  { what: 'a compact sequence 500,000 deep (- - - …)', content: `a:\n${'- '.repeat(500_000)}x\n`, codes: ['too-deep'], child: true },
  { what: 'a compact sequence 65 deep', content: `a:\n${'- '.repeat(65)}x\n`, codes: ['too-deep'] },
  { what: 'block nesting 1000 deep', content: Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), codes: ['yaml-syntax', 'too-deep'], child: true },
  { what: '100,000 keys', content: Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n'), codes: ['too-many-nodes'], child: true },
  { what: 'two documents', content: `${member({})}---\n${member({})}`, codes: ['multiple-documents'] },
  { what: 'a list at the top', content: '- name: X\n', codes: ['not-a-mapping'] },
  { what: 'a scalar at the top', content: 'hello\n', codes: ['not-a-mapping'] },
  { what: 'an empty file', content: '', codes: ['empty-file'] },
  { what: 'a tab used for indentation', content: 'name: X\nvenue:\n\tcity: Y\n', codes: ['tab-indent'] },
  { what: 'a !!binary tag', content: `${member({})}notes: !!binary aGVsbG8=\n`, codes: ['unsupported-value'] },
  { what: 'a !!timestamp tag', content: `${member({ joined: '!!timestamp 2019-01-01' })}`, codes: ['unsupported-value'] },
  { what: 'a complex key', content: '? [a, b]\n: c\n', codes: ['complex-key'] },
  { what: 'a folder named like a record', make: (d) => mkdirSync(path.join(d, FILE), { recursive: true }), codes: ['not-a-file'] },
  { what: 'a FIFO named like a record (never opened)', make: (d) => execFileSync('mkfifo', [path.join(d, FILE)]), codes: ['not-a-file'], child: true },
  {
    what: 'a symbolic link out of the data folder',
    make: (d) => {
      const outside = testdir({ 'passwd.yaml': 'name: root\n' });
      symlinkSync(path.join(outside, 'passwd.yaml'), path.join(d, FILE));
    },
    codes: ['link-outside-data'],
  },
  { what: 'a broken symbolic link', make: (d) => symlinkSync(path.join(d, 'nowhere.yaml'), path.join(d, FILE)), codes: ['broken-link'] },
];

async function validate(dir: string, child = false) {
  const args = ['validate', '--data', dir, '--format', 'json', '--as-of', '2020-01-15'];
  const run = child ? await runClub(args, { cwd: dir, timeoutMs: TIME_BOUND_MS * 2 }) : await runCli(args, { cwd: dir });
  return { run, report: run.stdout ? (JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number }[] }) : undefined };
}

describe('hostile input: a clear diagnostic naming the file, exit 1, no stack trace, the other files still checked', () => {
  for (const c of CASES) {
    it(c.what, async () => {
      const tree: Tree = { ...baseTree(), 'members/petrov-p-p.yaml': member({ name: 'Petrov P.P.', joined: '2016-03-01', division: 'nowhere' }) };
      const dir = testdir(tree);
      if (c.make) c.make(dir);
      else writeTree(dir, { [FILE]: c.content! });
      const { run, report } = await validate(dir, c.child);
      expect(run.ms).toBeLessThan(TIME_BOUND_MS);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      const mine = report!.diagnostics.filter((d) => d.file === FILE);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((d) => d.code).some((code) => c.codes.includes(code)), JSON.stringify(mine)).toBe(true);
      for (const d of mine) expect(d.line).toBeGreaterThanOrEqual(1);
      // One bad file does not stop the others from being checked: the planted error elsewhere is found too.
      expect(report!.diagnostics.some((d) => d.file === 'members/petrov-p-p.yaml' && d.code === 'unknown-reference')).toBe(true);
    });
  }

  it('a file with a byte-order mark and CRLF line endings is fine', async () => {
    const dir = testdir({ ...baseTree(), [FILE]: `\uFEFF${member({ name: 'Bom B.' }).replace(/\n/g, '\r\n')}` });
    const { run, report } = await validate(dir);
    expect(report!.diagnostics).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('writes stay inside the data folder', () => {
  it('refuses to write into a collection folder that is a link out of the data folder', async () => {
    const outside = testdir({ '.keep': '' });
    const dir = testdir({ 'club.yaml': baseTree()['club.yaml']! });
    symlinkSync(outside, path.join(dir, 'members'));
    const run = await runCli(['add-member', '--data', dir, '--name', 'X Y.', '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '2019', '--no-input']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('outside the data folder');
    expect(execFileSync('ls', ['-A', outside]).toString().trim()).toBe('.keep');
  });
  it('refuses to create a record where a link (even a dangling one) has its name', async () => {
    const dir = testdir(baseTree());
    symlinkSync(path.join(testdir({}), 'target.yaml'), path.join(dir, 'members', 'x-y.yaml'));
    const run = await runCli(['add-member', '--data', dir, '--name', 'X Y.', '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '2019', '--no-input']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
