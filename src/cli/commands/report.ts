import type { Command } from 'commander';
import { documentOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const report: Registration = {
  name: 'report',
  examples: `
Examples:
  $ club report --year 2019
  $ club report --year 2019 -o .docs/report-2019.md
  $ club report --from 2019-09-01 --to 2020-06-30      a season, September to June
  $ club report --year 2019 -o report-2019.docx && club report --year 2019 --check report-2019.docx
  $ club report --year 2019 --lang ru -o report-2019.ru.md   in Russian, charts included`,
  register: (program, { io, exit }) => documentOptions(program
    .command('report')
    .description('the report of a year or any period, as Markdown or Word: membership, meetings, attendance, topics, guests, decisions, with charts')
    .option('--year <year>', 'the year (default: this year)')
    .option('--from <date>', withDateForms('the first day of the period', { notes: ['with --to'] }))
    .option('--to <date>', withDateForms('the last day of the period', { notes: ['with --from'] })))
    .action(async (_opts: unknown, command: Command) => {
      const { reportCommand } = await import('../document-commands.js');
      exit(await reportCommand(command.optsWithGlobals(), io));
    }),
};
