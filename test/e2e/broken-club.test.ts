import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree, CLUB_YAML } from '../helpers/club-tree.js';
import { snapshot } from '../helpers/git-repo.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir, type Tree } from '../helpers/testdir.js';

const club = (dir: string, args: string[]) => runCli(args, { cwd: dir, env: { CLUB_TODAY: '2020-01-15' } });

/** The base club under data/, with club.yaml replaced. */
function folder(clubYaml: string): string {
  const tree: Tree = {};
  for (const [name, content] of Object.entries({ ...baseTree(), 'club.yaml': clubYaml })) tree[`data/${name}`] = content;
  return testdir(tree);
}

/** The club's own data/ (the README's folder), with `  : [` inserted as club.yaml's line 2, as a user did. */
function ownDataBroken(): string {
  const dir = testdir({});
  cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  const own = readFileSync(path.join(dir, 'data/club.yaml'), 'utf8').split('\n');
  writeFileSync(path.join(dir, 'data/club.yaml'), [own[0], '  : [', ...own.slice(1)].join('\n'));
  return dir;
}

const lines = CLUB_YAML.split('\n');
/** `  : [` inserted as line 2: an unclosed bracket at 2:5 that swallows the rest of the file. */
const BRACKET = [lines[0], '  : [', ...lines.slice(1)].join('\n');
/** A quoted value never closed, on the file's last line (column 5). */
const QUOTE = `${CLUB_YAML}sources:\n  - 'Club page, written 2019-06-16\n`;
const QUOTE_LINE = CLUB_YAML.split('\n').length + 1;

const ADD = ['add-member', '--name', 'Sidorov P.P.', '--country', 'FI', '--category', 'embassy', '--division', 'moscow', '--joined', '2019-09-01', '--no-input'];

describe('a broken club.yaml', () => {
  it('validate: an unclosed bracket is one error, not one per line after it', async () => {
    const dir = ownDataBroken();
    const r = await club(dir, ['validate', '--format', 'json']);
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout).diagnostics as { code: string; file: string; line: number; column: number; message: string }[];
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['yaml-syntax', 'data/club.yaml', 2, 5]]);
    expect(diagnostics[0]!.message).toBe('a list in brackets is not closed: the [ at 2:5 has no closing ]');
    const text = await club(dir, ['validate']);
    expect(text.stdout).not.toContain('the YAML cannot be read');
  });

  it('validate: an unclosed quote is reported once, nothing after it', async () => {
    const r = await club(folder(QUOTE), ['validate', '--format', 'json']);
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout).diagnostics as { code: string; file: string; line: number; column: number; message: string }[];
    expect(diagnostics.at(-1)).toMatchObject({ code: 'yaml-syntax', file: 'data/club.yaml', line: QUOTE_LINE, column: 5 });
    expect(diagnostics.at(-1)!.message).toBe(`a quoted value is not closed: the quote ' at ${QUOTE_LINE}:5 has no closing '`);
  });

  for (const [name, text, first] of [
    ['an unclosed bracket', BRACKET, '2:5 a list in brackets is not closed'],
    ['an unclosed quote', QUOTE, `${QUOTE_LINE}:`],
  ] as const) {
    it(`add-member with ${name} in club.yaml: refused as ALREADY broken (file, first error, club validate), nothing written`, async () => {
      const dir = folder(text);
      const before = snapshot(dir);
      const r = await club(dir, ADD);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`club: refused: data/club.yaml was already broken before this change: ${first}`);
      expect(r.stderr).toContain('hint: run `club validate` and correct data/club.yaml first');
      expect(r.stderr).not.toContain('correct the values above'); // the user's values are not at fault
      expect(r.stderr).not.toContain('wrote ');
      expect(existsSync(path.join(dir, 'data/members/sidorov-p-p.yaml'))).toBe(false);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('every writer (they share write-change.ts) refuses the same way: set, leave, add-member --dry-run', async () => {
    const dir = folder(BRACKET);
    const before = snapshot(dir);
    for (const args of [
      ['set', 'ivanov-i-i', 'title=Chief'],
      ['leave', 'petrov-p-p', '--on', '2019-09-01'],
      [...ADD, '--dry-run'],
    ]) {
      const r = await club(dir, args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(1);
      expect(r.stderr).toContain('club: refused: data/club.yaml was already broken before this change: 2:5 ');
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('no club.yaml at all: a writer says it is missing (not "broken"), with the hint to make one, nothing written', async () => {
    const tree: Tree = {};
    for (const [name, content] of Object.entries(baseTree())) if (name !== 'club.yaml') tree[`data/${name}`] = content;
    const dir = testdir(tree);
    const before = snapshot(dir);
    const r = await club(dir, ['set', 'ivanov-i-i', 'title=Chief']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('club: refused: there is no data/club.yaml, which every record is checked against, so nothing was written');
    expect(r.stderr).toContain('hint: run `club init`');
    expect(r.stderr).not.toContain('broken');
    expect(snapshot(dir)).toEqual(before);
  });

  it('club edit club, the way to mend it, is not refused: the mended club.yaml is written and validates', async () => {
    const dir = folder(BRACKET);
    // An editor that deletes the broken line 2.
    const editor = path.join(dir, 'mend.sh');
    writeFileSync(editor, "#!/bin/sh\nsed -i '2d' \"$1\"\n", { mode: 0o755 });
    const r = await runCli(['edit', 'club', '--no-input'], { cwd: dir, env: { CLUB_TODAY: '2020-01-15', EDITOR: editor } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('updated data/club.yaml');
    expect(readFileSync(path.join(dir, 'data/club.yaml'), 'utf8')).toBe(CLUB_YAML);
    expect((await club(dir, ADD)).code).toBe(0);
  });

  it('with club.yaml whole, the same add-member writes the record (exit 0)', async () => {
    const dir = folder(CLUB_YAML);
    const r = await club(dir, ADD);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('wrote data/members/sidorov-p-p.yaml');
  });
});
