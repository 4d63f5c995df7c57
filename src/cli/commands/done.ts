import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const done: Registration = {
  name: 'done',
  examples: `
Examples:
  $ club done 2019-09-10-pskov 1                       decision 1 of that meeting was done today
  $ club done 2019-09-10-pskov 1 --on 2019-09-30 --yes --commit
  $ club list decisions --where open                   what is still to be done`,
  register: (program, { io, exit }) => writeOptions(program
    .command('done')
    .description('mark a decision of a meeting done: a plain sentence becomes {text, done}; the file keeps its comments')
    .argument('<meeting>', 'the meeting id (its file name without .yaml)')
    .argument('<decision-no>', 'the decision\'s number in the minutes, from 1')
    .option('--on <date>', withDateForms('the day it was done', { notes: ['default: today'] }))
    .option('--commit', 'git add and commit the file it edits'))
    .action(async (meeting: string, no: string, _opts: unknown, command: Command) => {
      const { doneCommand } = await import('../done-command.js');
      exit(await doneCommand(meeting, no, command.optsWithGlobals(), io));
    }),
};
