import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const endTerm: Registration = {
  name: 'end-term',
  examples: `
Examples:
  $ club end-term secretary-vasiltsov-d-v --to 2019-12-31`,
  register: (program, { io, exit }) => writeOptions(program
    .command('end-term')
    .description('end a term of office on a date, without appointing a successor')
    .argument('<term-id>', 'officer term id, e.g. secretary-vasiltsov-d-v')
    .option('--to <date>', withDateForms('the last day of the term'))
    .option('--commit', 'git add and commit the file it edits'))
    .action(async (termId: string, _opts: unknown, command: Command) => {
      const { endTermCommand } = await import('../term-commands.js');
      exit(await endTermCommand(termId, command.optsWithGlobals(), io));
    }),
};
