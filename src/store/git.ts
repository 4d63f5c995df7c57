import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { IoError, RefusedError, UsageError } from '../errors/errors.js';

// node:child_process is loaded on the first git call: loading it (with net, dgram and their streams) cost ~5 ms of
// every writing command's run, and only --commit and --changed run git.
type RunOptions = { cwd: string; encoding: 'utf8'; env: NodeJS.ProcessEnv; maxBuffer: number };
let execFileAsync: ((file: string, args: string[], options: RunOptions) => Promise<{ stdout: string }>) | undefined;
const run = (file: string, args: string[], options: RunOptions) =>
  (execFileAsync ??= promisify((createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process')).execFile))(file, args, options);

/**
 * The environment git runs with: the command's own (Io.env: process.env when run from
 * bin/club), so the author, HOME and PATH are those the command was given.
 */
type Env = NodeJS.ProcessEnv;

async function git(cwd: string, args: string[], env: Env): Promise<string> {
  try {
    // No cap on what git prints: node's default (1 MiB) killed a git commit of 10,000 new files ("create mode …" a
    // line) after it had committed, and the change was then said not to be.
    const { stdout } = await run('git', args, { cwd, encoding: 'utf8', env, maxBuffer: Infinity });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string; code?: unknown };
    // git's own first line; a git that said nothing (a hook that only exits 1) is said to have said nothing,
    // rather than quoting node's "Command failed: git commit -m …", which only repeats the command.
    const said = (e.stderr ?? '').trim().split('\n')[0]!;
    const why = said !== '' ? said : typeof e.code === 'number' ? `it exited with status ${e.code} and printed nothing` : e.message.trim().split('\n')[0];
    throw new IoError(`git ${args[0]} failed: ${why}`);
  }
}

/** Refuses when something is already staged: a commit made for the secretary must hold only what club wrote. */
export async function requireNothingStaged(repo: string, env: Env): Promise<void> {
  const staged = (await git(repo, ['diff', '--cached', '--name-only'], env)).trim();
  if (staged !== '') {
    throw new RefusedError(`other changes are staged, so --commit would mix them in; nothing was written:\n  ${staged.split('\n').join('\n  ')}`,
      'commit or unstage them first (git restore --staged <file>), or leave out --commit');
  }
}

/**
 * Commits exactly these files with the message; the commit's short hash. When git cannot commit (no identity, a hook
 * that refuses, a signing key that is missing), the files are unstaged again: the index is left as it was, so the next
 * --commit is not refused for club's own files.
 *
 * `tracked`: the caller made no new file (every path was there before the change). Then one `git commit -- <files>`
 * does it: it commits the working tree's state of those paths (a deleted one as gone) whatever the index holds, and
 * leaves the index as it was when it fails. A path git does not know (a record never committed) fails it, and then it
 * is done as for new files: `git add -A -- <files>`, then the commit. Any other failure (a hook, no identity) is
 * the answer: the commit is not tried again, so hooks run once. The hash is read from the commit's own summary
 * line (`[main 1a2b3c4] <message>`), else asked of git: one to three git processes a commit, not four.
 */
export async function commitFiles(repo: string, files: readonly string[], message: string, env: Env, tracked = false): Promise<string> {
  let summary: string | undefined;
  if (tracked) {
    try {
      summary = await git(repo, ['commit', '-m', message, '--', ...files], env);
    } catch (error) {
      // Whether a path is unknown to git is asked of git (its message may be in the user's language).
      const known = await git(repo, ['ls-files', '--error-unmatch', '--', ...files], env).then(() => true, () => false);
      if (known) throw error;
    }
  }
  if (summary === undefined) {
    try {
      await git(repo, ['add', '-A', '--', ...files], env); // -A: a file the change deleted or renamed away is staged as gone
      summary = await git(repo, ['commit', '-m', message, '--', ...files], env);
    } catch (error) {
      try {
        await unstage(repo, files, env);
      } catch (again) {
        throw new IoError(`${(error as Error).message}; and unstaging failed too: ${(again as Error).message}`);
      }
      throw error;
    }
  }
  return summaryHash(summary, message) ?? (await git(repo, ['rev-parse', '--short', 'HEAD'], env)).trim();
}

/**
 * The short hash in the first line git commit prints, `[<branch> <hash>] <subject>` (`[main (root-commit) 1a2b3c4] …`,
 * `[detached HEAD 1a2b3c4] …`, the words in the user's language): the first ` <hex>] ` (a branch name has no space),
 * and only when the line ends with the message's first line. undefined for anything else.
 */
export function summaryHash(summary: string, message: string): string | undefined {
  const line = summary.split('\n', 1)[0]!;
  const subject = message.split('\n', 1)[0]!.trim();
  const found = /^\[.*? ([0-9a-f]{4,64})\] /.exec(line);
  return found && line.slice(found[0].length) === subject ? found[1] : undefined;
}

/** The index entries of these files back to HEAD's (or gone, in a repository with no commit yet). */
async function unstage(repo: string, files: readonly string[], env: Env): Promise<void> {
  const head = await git(repo, ['rev-parse', '--verify', '--quiet', 'HEAD'], env).then(() => true, () => false);
  await git(repo, head ? ['reset', '--quiet', '--', ...files] : ['rm', '--cached', '--quiet', '-r', '--ignore-unmatch', '--', ...files], env);
}

/** The commit to compare with when --changed names none: where this branch left the default branch. */
export async function defaultBase(repo: string, env: Env): Promise<string> {
  const candidates: string[] = [];
  try {
    candidates.push((await git(repo, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], env)).trim());
  } catch {
    // no remote default: try the usual names
  }
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const branch of candidates) {
    try {
      return (await git(repo, ['merge-base', 'HEAD', branch], env)).trim();
    } catch {
      // not there: the next one
    }
  }
  throw await noBase(repo, env, '--changed: cannot tell which branch to compare with (there is no main, master or origin default)');
}

/**
 * The usage error for a --changed with nothing to compare with: in a repository with no commit yet it says so;
 * else its hint names the branches that exist, so it never suggests one that does not.
 */
async function noBase(repo: string, env: Env, message: string): Promise<UsageError> {
  const head = await git(repo, ['rev-parse', '--verify', '--quiet', 'HEAD'], env).then(() => true, () => false);
  if (!head) {
    return new UsageError('--changed: this repository has no commit yet, so there is nothing to compare with',
      'run club validate without --changed (it checks every record), or commit first');
  }
  const names = (await git(repo, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'], env).catch(() => ''))
    .split('\n').filter((n) => n !== '' && !n.endsWith('/HEAD'));
  if (names.length === 0) return new UsageError(message, 'name a commit: e.g. --changed HEAD~1');
  const shown = names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more` : names.join(', ');
  return new UsageError(message, `this repository's branches: ${shown}; e.g. --changed ${names[0]}, or a commit`);
}

/**
 * The commit a ref names, checked as a ref: a value that looks like an option
 * (`--output=FILE`) never reaches git as one, and one that names no commit is refused.
 */
export async function resolveCommit(repo: string, ref: string, env: Env): Promise<string> {
  if (ref === '' || ref.startsWith('-')) {
    throw new UsageError(`--changed takes a branch or a commit, not \`${ref}\``, 'e.g. --changed main, or --changed origin/main');
  }
  try {
    return (await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], env)).trim();
  } catch {
    throw await noBase(repo, env, `--changed: \`${ref}\` names no branch or commit in this repository`);
  }
}

/**
 * Files changed since `commit`: committed since, staged, unstaged and untracked;
 * paths from the repository's top, exactly as stored (read NUL-separated, so git
 * never quotes a name with a tab or a non-ASCII letter).
 */
export async function changedFiles(repo: string, commit: string, env: Env): Promise<string[]> {
  const diff = (await git(repo, ['diff', '-z', '--name-only', '--no-renames', '--end-of-options', commit, '--'], env)).split('\0');
  const untracked = (await git(repo, ['ls-files', '-z', '--others', '--exclude-standard'], env)).split('\0');
  return [...new Set([...diff, ...untracked].filter((l) => l !== ''))];
}
