import { Argument } from 'commander';
import type { Registration } from '../command.js';

export const completion: Registration = {
  name: 'completion',
  examples: `
Examples:
  $ eval "$(club completion bash)"                      in ~/.bashrc
  $ eval "$(club completion zsh)"                       in ~/.zshrc, after compinit
  $ club completion fish > ~/.config/fish/completions/club.fish`,
  register: (program, { io }) => program
    .command('completion')
    .description('print shell completion for commands, flags, collections and record ids')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { CLUB_BIN, completionScript } = await import('../completion.js');
      // What the script will call: this Node and this package's bin/club, not whatever `club` PATH finds.
      io.stdout.write(completionScript(shell, [process.execPath, CLUB_BIN]));
    }),
};

/** What the completion scripts call: the words typed so far in, the candidates out, one a line. */
export const complete: Registration = {
  name: '__complete',
  register: (program, { io }) => program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .action(async (words: string[]) => {
      const { complete: candidates } = await import('../completion.js');
      const found = candidates(program, words.length > 0 ? words : [''], io);
      if (found.length > 0) io.stdout.write(`${found.join('\n')}\n`);
    }),
};
