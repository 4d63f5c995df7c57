import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { baseTree } from './club-tree.js';
import { testdir, type Tree } from './testdir.js';

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' },
  });
}

/** A real git repository whose data/ holds the base club (plus `extra`), all committed. */
export function clubRepo(extra: Tree = {}): string {
  const tree: Tree = {};
  for (const [name, content] of Object.entries({ ...baseTree(), ...extra })) tree[`data/${name}`] = content;
  const repo = testdir(tree);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Initial records');
  return repo;
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
