import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IoError, RefusedError } from '../errors/errors.js';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new IoError(`git ${args[0]} failed: ${(e.stderr || e.message).trim().split('\n')[0]}`);
  }
}

/** Refuses when something is already staged: a commit made for the secretary must hold only what club wrote. */
export async function requireNothingStaged(repo: string): Promise<void> {
  const staged = (await git(repo, ['diff', '--cached', '--name-only'])).trim();
  if (staged !== '') {
    throw new RefusedError(`other changes are staged, so --commit would mix them in; nothing was written:\n  ${staged.split('\n').join('\n  ')}`,
      'commit or unstage them first (git restore --staged <file>), or leave out --commit');
  }
}

/** Stages exactly these files and commits them with the message. */
export async function commitFiles(repo: string, files: readonly string[], message: string): Promise<string> {
  await git(repo, ['add', '--', ...files]);
  await git(repo, ['commit', '--quiet', '-m', message, '--', ...files]);
  return (await git(repo, ['rev-parse', '--short', 'HEAD'])).trim();
}

/** The commit to compare with when --changed names none: where this branch left the default branch. */
export async function defaultBase(repo: string): Promise<string> {
  const candidates: string[] = [];
  try {
    candidates.push((await git(repo, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).trim());
  } catch {
    // no remote default: try the usual names
  }
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const branch of candidates) {
    try {
      return (await git(repo, ['merge-base', 'HEAD', branch])).trim();
    } catch {
      // not there: the next one
    }
  }
  throw new IoError('cannot tell which branch to compare with', 'name one: --changed main (or a commit)');
}

/** Files changed since `ref`: committed since, staged, unstaged and untracked; paths from the repository's top. */
export async function changedFiles(repo: string, ref: string): Promise<string[]> {
  const diff = (await git(repo, ['diff', '--name-only', '--no-renames', ref, '--'])).split('\n');
  const untracked = (await git(repo, ['ls-files', '--others', '--exclude-standard'])).split('\n');
  return [...new Set([...diff, ...untracked].map((l) => l.trim()).filter((l) => l !== ''))];
}
