import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const appoint: Registration = {
  name: 'appoint',
  examples: `
Examples:
  $ club appoint chairman vasiltsov-d-v --from 2020-01-01     ends the chairman's term on 2019-12-31
  $ club appoint secretary konovalenko-s-a --from 2020-01-01 --commit`,
  register: (program, { io, exit }) => writeOptions(program
    .command('appoint')
    .description('appoint a member to a position: ends the current holder\'s term the day before and writes the new term')
    .argument('[position]', 'position id from club.yaml, e.g. chairman (asked at a terminal when left out)')
    .argument('[member]', 'member id, or whole name in any script (asked at a terminal when left out)')
    .option('--from <date>', withDateForms('first day of the new term'))
    .option('--notes <text>', 'free text for the new term')
    .option('--id <id>', 'the new term\'s id instead of <position>-<member>')
    .option('--commit', 'git add and commit the files it writes'))
    .action(async (position: string | undefined, member: string | undefined, _opts: unknown, command: Command) => {
      const { appointCommand } = await import('../term-commands.js');
      exit(await appointCommand(position, member, command.optsWithGlobals(), io));
    }),
};
