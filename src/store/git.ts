import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IoError, RefusedError } from '../cli/errors.js';

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
