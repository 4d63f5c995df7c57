import type { Command } from 'commander';
import { documentOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const plan: Registration = {
  name: 'plan',
  examples: `
Examples:
  $ club plan --year 2019
  $ club plan --year 2019 -o .docs/plan-2019.md
  $ club plan --from 2019-09-01 --to 2020-06-30        a season, September to June
  $ club plan --year 2019 -o plan-2019.docx            the same as a Word file (A4)
  $ club plan --year 2019 --lang ru                    in Russian («план работы на 2019 год»)`,
  register: (program, { io, exit }) => documentOptions(program
    .command('plan')
    .description('the work plan of a year or any period, as Markdown or Word: its meetings by month, kind, place, topics and presenters')
    .option('--year <year>', 'the year (default: this year)')
    .option('--from <date>', withDateForms('the first day of the period', { notes: ['with --to'] }))
    .option('--to <date>', withDateForms('the last day of the period', { notes: ['with --from'] })))
    .action(async (_opts: unknown, command: Command) => {
      const { planCommand } = await import('../document-commands.js');
      exit(await planCommand(command.optsWithGlobals(), io));
    }),
};
