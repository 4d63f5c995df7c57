import type { Command } from 'commander';
import { documentOptions, type Registration } from '../command.js';

export const report: Registration = {
  examples: `
Examples:
  $ club report --year 2019
  $ club report --year 2019 -o docs/report-2019.md`,
  register: (program, { io, exit }) => documentOptions(program
    .command('report')
    .description('the annual report of a year as Markdown')
    .option('--year <year>', 'the year (default: this year)'))
    .action(async (_opts: unknown, command: Command) => {
      const { reportCommand } = await import('../document-commands.js');
      exit(await reportCommand(command.optsWithGlobals(), io));
    }),
};
