import type { Command } from 'commander';
import { documentOptions, type Registration } from '../command.js';

export const plan: Registration = {
  examples: `
Examples:
  $ club plan --year 2020
  $ club plan --year 2020 -o docs/plan-2020.md`,
  register: (program, { io, exit }) => documentOptions(program
    .command('plan')
    .description('the work plan of a year as Markdown: its meetings by month, kind and place')
    .option('--year <year>', 'the year (default: this year)'))
    .action(async (_opts: unknown, command: Command) => {
      const { planCommand } = await import('../document-commands.js');
      exit(await planCommand(command.optsWithGlobals(), io));
    }),
};
