import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../src/store/read-folder.js';
import { chooseDataDir, requireDataDir } from '../src/store/data-dir.js';
import { IoError } from '../src/errors/errors.js';
import { LIMITS } from '../src/parse/limits.js';
import { check, expectOne } from './helpers/check.js';
import { baseTree } from './helpers/club-tree.js';
import { testdir } from './helpers/testdir.js';

describe('reading the data folder', () => {
  it('refuses invalid UTF-8, pointing at the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('name: Ivanov\ncountry: R'), Buffer.from([0xff, 0xfe]), Buffer.from('U\n')]);
    expectOne(await check({ 'members/ivanov-i-i.yaml': bytes }), 'invalid-utf8', 'members/ivanov-i-i.yaml', { line: 2, column: 11 });
  });
  it('refuses a binary file', async () => {
    expectOne(await check({ 'members/ivanov-i-i.yaml': Buffer.from([0x6e, 0, 1, 2]) }), 'binary-file', 'members/ivanov-i-i.yaml', { line: 1, column: 1 });
  });
  it('refuses a file over the size limit without parsing it', async () => {
    const huge = `name: X\nnotes: "${'x'.repeat(LIMITS.fileBytes)}"\n`;
    expectOne(await check({ 'members/ivanov-i-i.yaml': huge }), 'file-too-large', 'members/ivanov-i-i.yaml', { line: 1, column: 1 });
  });
  it('reads a file of exactly the size limit whole, and the smaller files after it without its leftovers', async () => {
    const notes = 'x'.repeat(LIMITS.fileBytes - 'notes: ""\n'.length);
    const dir = testdir({ ...baseTree(), 'members/a-big.yaml': `notes: "${notes}"\n`, 'members/b-small.yaml': 'name: B\n', 'members/c-mid.yaml': `name: ${'y'.repeat(70_000)}\n` });
    const { files, diagnostics } = await readDataFolder(dir, dir);
    expect(diagnostics).toEqual([]);
    const text = (stem: string) => files.find((f) => f.stem === stem)!.text;
    expect(Buffer.byteLength(text('a-big'))).toBe(LIMITS.fileBytes);
    expect(text('a-big')).toBe(`notes: "${notes}"\n`);
    expect(text('b-small')).toBe('name: B\n');
    expect(text('c-mid')).toBe(`name: ${'y'.repeat(70_000)}\n`);
  });
  it('names the size of a file one byte over the limit', async () => {
    const d = expectOne(await check({ 'members/ivanov-i-i.yaml': 'x'.repeat(LIMITS.fileBytes + 1) }), 'file-too-large', 'members/ivanov-i-i.yaml', { line: 1, column: 1 });
    expect(d.message).toBe(`the file is ${(LIMITS.fileBytes + 1).toLocaleString('en')} bytes; a record file may be at most ${LIMITS.fileBytes.toLocaleString('en')}`);
  });
  it('reports a missing club.yaml', async () => {
    expectOne(await check({ 'club.yaml': null }), 'missing-club-file', 'club.yaml', { line: 1, column: 1 });
  });
  it('warns about a folder that is not a collection, with the one meant', async () => {
    const d = expectOne(await check({ 'member/x.yaml': 'name: X\n' }), 'unknown-folder', 'member', { line: 1, column: 1 });
    expect(d.hint).toBe('did you mean members/?');
  });
  it('reports a folder named like a record file', async () => {
    const dir = testdir({ ...baseTree(), 'members/odd.yaml/x': 'x' });
    const { diagnostics } = await readDataFolder(dir, dir);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['not-a-file', 'members/odd.yaml']]);
  });
  it('refuses a symbolic link that leads out of the data folder, without reading it', async () => {
    const outside = testdir({ 'secret.yaml': 'name: TOP-SECRET-MARKER\n' });
    const dir = testdir(baseTree());
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'members', 'leak.yaml'));
    const { files, diagnostics } = await readDataFolder(dir, dir);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['link-outside-data', 'members/leak.yaml']]);
    expect(files.some((f) => f.text?.includes('TOP-SECRET-MARKER'))).toBe(false);
  });
  it('follows a symbolic link that stays inside the data folder and leads to no other record file', async () => {
    const dir = testdir(baseTree());
    mkdirSync(path.join(dir, 'archive'));
    writeFileSync(path.join(dir, 'archive', 'x.txt'), 'not yaml');
    renameSync(path.join(dir, 'members', 'ivanov-i-i.yaml'), path.join(dir, 'archive', 'ivanov.yaml'));
    symlinkSync(path.join(dir, 'archive', 'ivanov.yaml'), path.join(dir, 'members', 'alias-i.yaml'));
    const { files, diagnostics } = await readDataFolder(dir, dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(files.find((f) => f.stem === 'alias-i')?.text).toContain('Ivanov');
  });
  it('refuses a symbolic link to another record file of the data folder: one record would be two', async () => {
    const dir = testdir(baseTree());
    symlinkSync('ivanov-i-i.yaml', path.join(dir, 'members', 'alias-i.yaml'));
    symlinkSync(path.join('..', 'club.yaml'), path.join(dir, 'members', 'alias-club.yaml'));
    const { files, diagnostics } = await readDataFolder(dir, dir);
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.severity])).toEqual([
      ['link-inside-data', 'members/alias-club.yaml', 1, 1, 'error'],
      ['link-inside-data', 'members/alias-i.yaml', 1, 1, 'error'],
    ]);
    expect(diagnostics[1]!.message).toContain('members/ivanov-i-i.yaml');
    expect(diagnostics[1]!.hint).toBe('remove the link');
    expect(files.map((f) => f.stem)).not.toContain('alias-i');
    expect(files.filter((f) => f.stem === 'ivanov-i-i')).toHaveLength(1);
  });
  it('lets a text go once it is checked and reads the file again when asked, through a link too, from another working folder', async () => {
    const dir = testdir(baseTree());
    mkdirSync(path.join(dir, 'archive'));
    writeFileSync(path.join(dir, 'archive', 'ivanov.yaml'), readFileSync(path.join(dir, 'members', 'ivanov-i-i.yaml')));
    symlinkSync(path.join(dir, 'archive', 'ivanov.yaml'), path.join(dir, 'members', 'alias-i.yaml'));
    const { files } = await readDataFolder(dir, path.dirname(dir));
    const member = files.find((f) => f.stem === 'ivanov-i-i')!;
    const alias = files.find((f) => f.stem === 'alias-i')!;
    const club = files.find((f) => f.collection === 'club')!;
    expect(member.file).toBe(`${path.basename(dir)}/members/ivanov-i-i.yaml`);
    const texts = [member.text, alias.text, club.text];
    for (const f of [member, alias, club]) f.release();
    expect([member.text, alias.text, club.text]).toEqual(texts);
    rmSync(path.join(dir, 'members', 'ivanov-i-i.yaml'));
    expect(() => member.text).toThrow(IoError);
    expect(() => member.text).toThrow(`${path.basename(dir)}/members/ivanov-i-i.yaml changed while club was reading the data folder`);
  });
  it('fails with an I/O error (exit 3) when the data folder is missing or a file', () => {
    const dir = testdir({ 'file.txt': 'x' });
    expect(() => requireDataDir(chooseDataDir('nope', {}, dir), dir)).toThrow(IoError);
    expect(() => requireDataDir(chooseDataDir('file.txt', {}, dir), dir)).toThrow(/is not a folder/);
  });
  it('chooses --data, then CLUB_DATA, then the git root\'s data/, then ./data', () => {
    const repo = testdir({ '.git/HEAD': 'ref: refs/heads/main\n', 'data/club.yaml': 'x', 'sub/deeper/.keep': '' });
    const sub = path.join(repo, 'sub', 'deeper');
    expect(chooseDataDir('elsewhere', { CLUB_DATA: '/env' }, sub)).toEqual({ dir: path.join(sub, 'elsewhere'), from: '--data' });
    expect(chooseDataDir(undefined, { CLUB_DATA: '/env' }, sub)).toEqual({ dir: '/env', from: 'CLUB_DATA' });
    expect(chooseDataDir(undefined, {}, sub)).toEqual({ dir: path.join(repo, 'data'), from: 'git repository' });
    const plain = testdir({ 'x/.keep': '' });
    expect(chooseDataDir(undefined, {}, path.join(plain, 'x')).from).toBe('working directory');
  });
});
