import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';
import { testdir } from '../helpers/testdir.js';

/**
 * Completion after global options, in the shells themselves: bash and zsh at a real terminal (tmux,
 * Tab pressed), fish through its own completion engine (`complete -C`). The folder holds two data
 * folders: ./data (konovalenko-s-a) and ./other (li-wei), so `--data other` must change the answer.
 */
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const skipWhy = (shell: string) => (!has(shell) ? `${shell} is not installed` : shell !== 'fish' && !hasTmux ? 'tmux is not installed' : undefined);
for (const shell of ['bash', 'zsh', 'fish']) {
  const why = skipWhy(shell);
  if (why) console.warn(`completion-shells.test: skipping the ${shell} completion tests: ${why} (.ci/run installs it with apt-get)`);
}

async function folder(shell: 'bash' | 'zsh' | 'fish'): Promise<{ dir: string; script: string }> {
  const dir = testdir({
    'data/club.yaml': 'name: X\n',
    'data/members/konovalenko-s-a.yaml': 'name: K\n',
    'other/club.yaml': 'name: Y\n',
    'other/members/li-wei.yaml': 'name: L\n',
  });
  const script = path.join(dir, `club.${shell}`);
  // The same script bin/club prints (node and bin/club by their paths), made in this process: the shells are under test here.
  const printed = await runCli(['completion', shell]);
  expect(printed.code, printed.stderr).toBe(0);
  writeFileSync(script, printed.stdout);
  return { dir, script };
}

// HISTFILE empty: bash saves no history when tmux's kill-session hangs it up; it used to write
// $HOME/.bash_history into the test folder while that was being removed (ENOTEMPTY, a flaky failure).
const env = (dir: string) => ({ PATH: '/usr/bin:/bin', HOME: dir, TERM: 'xterm', ZDOTDIR: dir, HISTFILE: '' });

describe('completion after global options, in real shells', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  for (const shell of ['bash', 'zsh'] as const) {
    it.skipIf(skipWhy(shell) !== undefined)(`${shell}: club --as-of 2019-12-31 show kon<Tab> and club --data other show <Tab> complete ids`, async () => {
      const { dir, script } = await folder(shell);
      terminal = Terminal.start(shell === 'bash' ? 'bash --noprofile --norc' : 'zsh -f', dir, env(dir));
      // One command a line: tmux reads a lone `;` as its own separator. compinit -D: zsh's completion system as
      // compinit sets it up, without writing its dump file (.zcompdump) into the fresh ZDOTDIR, which no later
      // shell reads (~0.1 of compinit's ~0.45 s of CPU).
      for (const line of [...(shell === 'zsh' ? ['autoload -Uz compinit && compinit -u -D'] : []), `source ${script}`, "PS1='READY> '"]) terminal.paste(line, true);
      await terminal.waitFor(/^READY>\s*$/m); // tmux drops the trailing space
      terminal.paste('club --as-of 2019-12-31 show kon');
      await terminal.press('Tab');
      await terminal.waitFor('READY> club --as-of 2019-12-31 show konovalenko-s-a');
      await terminal.press('C-u');
      terminal.paste('club --data other show ');
      await terminal.press('Tab');
      const screen = await terminal.waitFor('READY> club --data other show li-wei');
      expect(screen).not.toContain('konovalenko-s-a\n'); // not from ./data
    }, 60_000);
  }

  it.skipIf(skipWhy('fish') !== undefined)('fish: the same, through fish\'s own completion engine', async () => {
    const { dir, script } = await folder('fish');
    const run = spawnSync('fish', ['--no-config', '-c', `source ${script}
echo '# as-of'; complete -C 'club --as-of 2019-12-31 show kon'
echo '# data'; complete -C 'club --data other show '
echo '# data='; complete -C 'club --data=other --no-color show l'`], { cwd: dir, env: env(dir), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('# as-of\nkonovalenko-s-a\n# data\nli-wei\n# data=\nli-wei\n');
  }, 60_000);
});
