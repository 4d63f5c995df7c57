import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { baseTree } from './club-tree.js';
import { testdir, writeTree, type Tree } from './testdir.js';

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' },
  });
}

/** A real git repository whose data/ holds the base club (plus `extra`), all committed. */
export function clubRepo(extra: Tree = {}): string {
  // A copy of one repository of the base club made once per worker, not three git processes each time.
  const repo = testdir({});
  cpSync(baseRepo(), repo, { recursive: true });
  if (Object.keys(extra).length > 0) {
    // `extra` written over it and committed as its one commit again: two git processes, no git init.
    writeTree(repo, Object.fromEntries(Object.entries(extra).map(([name, content]) => [`data/${name}`, content])));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--amend', '-m', 'Initial records');
  }
  return repo;
}

const dataTree = (extra: Tree): Tree => {
  const tree: Tree = {};
  for (const [name, content] of Object.entries({ ...baseTree(), ...extra })) tree[`data/${name}`] = content;
  return tree;
};

function newRepo(repo: string): string {
  // No template: no sample hooks, description or info/exclude, ~20 files fewer to write, copy and remove per repository.
  git(repo, 'init', '-q', '-b', 'main', '--template=');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Initial records');
  return repo;
}

let base: string | undefined;
/** The base club's repository, made on first use in a folder of its own (testdir()'s are removed after each test) and removed when the worker exits. */
function baseRepo(): string {
  if (base === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-base-repo-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    writeTree(dir, dataTree({}));
    base = newRepo(dir);
    // Its objects in one pack, not a folder and a file for each: every copy of it is ~25 files, not ~70
    // (copying and removing one went from ~15 to ~5 ms of CPU).
    git(base, 'repack', '-a', '-d', '-q');
  }
  return base;
}

/** Every file under `dir` (not .git) with its bytes, to show that nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === '.git') continue;
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'base64');
    }
  };
  walk(dir);
  return out;
}
