import type { Command } from 'commander';
import { collect, writeOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const addPublication: Registration = {
  name: 'add-publication',
  examples: `
Examples:
  $ club add-publication --outlet customs --date 2019-10 --issue 10 --title "Attachés meet in Pskov" --meeting 2019-09-10-pskov`,
  register: (program, { io, exit }) => writeOptions(program
    .command('add-publication')
    .description('add a publication: a new file in publications/ named <outlet>-<date>')
    .option('--title <text>', 'the headline')
    .option('--outlet <id>', 'outlet id from club.yaml, e.g. customs')
    .option('--date <date>', withDateForms('when it appeared', { partial: true }))
    .option('--issue <issue>', 'the magazine issue')
    .option('--url <address>', 'where to read it')
    .option('--language <code>', 'ISO 639-1 code of its language')
    .option('--meeting <id>', 'a meeting it reports on (repeatable)', collect, [])
    .option('--summary <text>', 'a sentence or two')
    .option('--id <id>', 'the id instead of <outlet>-<date>')
    .option('--commit', 'git add and commit the new file'))
    .action(async (_opts: unknown, command: Command) => {
      const { addPublicationCommand } = await import('../add-record-commands.js');
      exit(await addPublicationCommand(command.optsWithGlobals(), io));
    }),
};
