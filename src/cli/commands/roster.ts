import type { Command } from 'commander';
import { documentOptions, type Registration } from '../command.js';

export const roster: Registration = {
  name: 'roster',
  examples: `
Examples:
  $ club roster                              the roster as of today, on stdout
  $ club roster --as-of 2019-06-16 -o .docs/roster.md
  $ club roster --division moscow --contacts
  $ club roster --lang ru                    in Russian: «Председатель», Russian country names and dates
  $ club roster -o .docs/roster.md && club roster --check .docs/roster.md   (in CI: is the committed roster fresh?
                                             checked as of the date it says and as of today: any change it shows makes it stale)
  $ club roster -o roster.docx               the same roster as a Word file (A4)`,
  register: (program, { io, exit }) => documentOptions(program
    .command('roster')
    .description('the roster as Markdown or Word: officers, members by country, participants, countries without a representative, totals')
    .option('--division <id>', 'only members of this division')
    .option('--contacts', 'include e-mail and phone (left out by default: the roster is handed out)'))
    .action(async (_opts: unknown, command: Command) => {
      const { rosterCommand } = await import('../document-commands.js');
      exit(await rosterCommand(command.optsWithGlobals(), io));
    }),
};
