import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { IoError } from '../errors/errors.js';

export interface DataDirChoice {
  dir: string;
  /** Why this folder: shown when it turns out to be missing. */
  from: '--data' | 'CLUB_DATA' | 'git repository' | 'working directory' | 'nearest data/club.yaml';
}

/** The enclosing git repository's top folder, found by walking up to a `.git` entry. */
export function findGitRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * `--data`, else `$CLUB_DATA`, else the nearest `data/` holding a club.yaml from the working directory up to
 * the top of the enclosing git repository (a club made with `club init` inside another repository is found
 * from its own folder, not the outer repository's), else `data/` at the root of the enclosing git repository,
 * else `./data`.
 */
export function chooseDataDir(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): DataDirChoice {
  if (flag) return { dir: path.resolve(cwd, flag), from: '--data' };
  if (env.CLUB_DATA) return { dir: path.resolve(cwd, env.CLUB_DATA), from: 'CLUB_DATA' };
  const root = findGitRoot(cwd);
  if (root) {
    for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'data', 'club.yaml'))) {
        return { dir: path.join(dir, 'data'), from: dir === root ? 'git repository' : 'nearest data/club.yaml' };
      }
      if (dir === root || path.dirname(dir) === dir) break;
    }
  }
  if (root && existsSync(path.join(root, 'data'))) return { dir: path.join(root, 'data'), from: 'git repository' };
  return { dir: path.resolve(cwd, 'data'), from: 'working directory' };
}

/** Fails with exit 3 unless the chosen data folder is a readable directory. */
export function requireDataDir(choice: DataDirChoice, cwd: string): string {
  const shown = path.relative(cwd, choice.dir) || '.';
  let stats;
  try {
    stats = statSync(choice.dir);
  } catch {
    throw new IoError(`no data folder at ${shown} (chosen by ${choice.from})`,
      'pass --data <folder>, set CLUB_DATA, or run `club init` to make one');
  }
  if (!stats.isDirectory()) {
    throw new IoError(`${shown} (chosen by ${choice.from}) is not a folder`, 'pass --data <folder> naming the data folder');
  }
  return choice.dir;
}
