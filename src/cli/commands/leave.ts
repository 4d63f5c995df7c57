import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const leave: Registration = {
  name: 'leave',
  examples: `
Examples:
  $ club leave vasiltsov-d-v --on 2020-12-31`,
  register: (program, { io, exit }) => writeOptions(program
    .command('leave')
    .description('record that a member left: sets `left`, and ends their open terms of office the day before')
    .argument('<member>', 'member id, or whole name in any script')
    .option('--on <date>', withDateForms('the first day the person is no longer a member'))
    .option('--commit', 'git add and commit the files it edits'))
    .action(async (member: string, _opts: unknown, command: Command) => {
      const { leaveCommand } = await import('../term-commands.js');
      exit(await leaveCommand(member, command.optsWithGlobals(), io));
    }),
};
