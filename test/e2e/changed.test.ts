import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree, CLUB_YAML, member } from '../helpers/club-tree.js';
import { testdir } from '../helpers/testdir.js';
import { clubRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const env = { CLUB_TODAY: '2020-01-15' };

/** main holds an old, unrelated error (muller-k's division); a feature branch is cut from it. */
function repoWithBranch(): string {
  const repo = clubRepo({ 'members/muller-k.yaml': member({ name: 'Müller K.', country: 'DE', joined: '2012-05-01', division: 'berlin' }) });
  git(repo, 'checkout', '-q', '-b', 'feature');
  return repo;
}

async function changed(repo: string, ...args: string[]): Promise<{ code: number; files: string[]; codes: string[] }> {
  const run = await runCli(['validate', '--changed', ...args, '--format', 'json'], { cwd: repo, env });
  const report = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string }[] };
  return { code: run.code, files: [...new Set(report.diagnostics.map((d) => d.file))], codes: report.diagnostics.map((d) => d.code) };
}

describe('club validate --changed (a real git repository with branches)', () => {
  it('reports only what the branch changed, not old problems elsewhere', async () => {
    const repo = repoWithBranch();
    writeFileSync(path.join(repo, 'data/members/petrov-p-p.yaml'), member({ name: 'Petrov P.P.', joined: '2016-03-01', division: 'kazan' }));
    git(repo, 'commit', '-qam', 'Move Petrov');
    const result = await changed(repo);
    expect(result.files).toEqual(['data/members/petrov-p-p.yaml']);
    expect(result.codes).toEqual(['unknown-reference']);
    expect(result.code).toBe(1);
    const everything = await runCli(['validate', '--format', 'json'], { cwd: repo, env });
    expect(JSON.parse(everything.stdout).diagnostics.map((d: { file: string }) => d.file)).toContain('data/members/muller-k.yaml');
  });

  it('passes a branch whose own changes are sound, uncommitted and untracked files included', async () => {
    const repo = repoWithBranch();
    writeFileSync(path.join(repo, 'data/members/novak-p.yaml'), member({ name: 'Novák P.', joined: '2019-01-01' }));
    const result = await changed(repo, 'main');
    expect(result.files).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('reports the records that refer to a deleted one', async () => {
    const repo = repoWithBranch();
    rmSync(path.join(repo, 'data/members/petrov-p-p.yaml'));
    git(repo, 'commit', '-qam', 'Remove Petrov');
    const result = await changed(repo);
    expect(result.files).toEqual(['data/officers/secretary-petrov-p-p.yaml']);
    expect(result.codes).toEqual(['unknown-reference']);
  });

  it('reports what a changed record refers to: a new term that overlaps an old one', async () => {
    const repo = repoWithBranch();
    writeFileSync(path.join(repo, 'data/officers/chairman-petrov-p-p.yaml'), 'position: chairman\nmember: petrov-p-p\nfrom: 2019-01-01\n');
    const result = await changed(repo);
    expect(result.codes).toEqual(['overlapping-term']);
    expect(result.files).toEqual(['data/officers/chairman-petrov-p-p.yaml']);
  });

  it('reports everything when club.yaml changed', async () => {
    const repo = repoWithBranch();
    writeFileSync(path.join(repo, 'data/club.yaml'), CLUB_YAML.replace('Test Club', 'Test Club (renamed)'));
    const result = await changed(repo);
    expect(result.files).toContain('data/members/muller-k.yaml');
  });

  it('is a usage error outside a git repository, and with files named too', async () => {
    const plain = testdir(Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])));
    const outside = await runCli(['validate', '--changed'], { cwd: plain, env });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('git repository');
    const repo = repoWithBranch();
    expect((await runCli(['validate', 'data/club.yaml', '--changed'], { cwd: repo, env })).code).toBe(2);
  });
  it('reports a broken record whose name git would quote (a Cyrillic letter, a tab)', async () => {
    const repo = repoWithBranch();
    writeFileSync(path.join(repo, 'data/members/w\u0430ng.yaml'), member({ name: 'Wang', division: 'nowhere' }));
    writeFileSync(path.join(repo, 'data/members/tab\tname.yaml'), member({ name: 'Tab', division: 'nowhere' }));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Two odd names');
    const result = await changed(repo, 'main');
    expect(result.files).toEqual(expect.arrayContaining(['data/members/w\u0430ng.yaml', 'data/members/tab\tname.yaml']));
    expect(result.code).toBe(1);
  });

  it('checks everything when a changed path in the data folder is not a record it can name', async () => {
    const repo = repoWithBranch();
    writeFileSync(path.join(repo, 'data/members/odd.YAML'), 'name: [\n');
    const result = await changed(repo, 'main');
    expect(result.files).toContain('data/members/muller-k.yaml');
  });

  it('with nothing to compare with, says why and names the branches that exist; a usage error either way', async () => {
    const fresh = testdir(Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])));
    git(fresh, 'init', '-q', '-b', 'main');
    const none = await runCli(['validate', '--changed'], { cwd: fresh, env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('this repository has no commit yet');
    expect(none.stderr).not.toContain('--changed main');
    expect((await runCli(['validate', '--changed', 'main'], { cwd: fresh, env })).stderr).toContain('this repository has no commit yet');
    const master = clubRepo({});
    git(master, 'branch', '-m', 'trunk'); // neither main nor master
    git(master, 'checkout', '-q', '-b', 'work');
    const guessed = await runCli(['validate', '--changed'], { cwd: master, env });
    expect(guessed.code).toBe(2);
    expect(guessed.stderr).toContain("this repository's branches: trunk, work");
    const named = await runCli(['validate', '--changed', 'main'], { cwd: master, env });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('`main` names no branch or commit');
    expect(named.stderr).toContain("this repository's branches: trunk, work");
    expect(named.stderr).not.toContain('--changed main');
  });

  it('takes a ref only as a ref: an option-looking one is refused and reaches git as nothing', async () => {
    const repo = repoWithBranch();
    const run = await runCli(['validate', '--changed=--output=pwned.txt'], { cwd: repo, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--output=pwned.txt');
    expect(existsSync(path.join(repo, 'pwned.txt'))).toBe(false);
    const unknown = await runCli(['validate', '--changed', 'no-such-branch'], { cwd: repo, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-branch');
  });
});
