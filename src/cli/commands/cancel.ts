import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';

export const cancel: Registration = {
  name: 'cancel',
  examples: `
Examples:
  $ club cancel 2019-09-10-pskov --reason "The border crossing is closed for repairs."
  $ club cancel 2019-09-10-pskov --reason "Postponed by the FCS." --commit

The reason is shown by \`club show\`, the work plan and the annual report. To move a meeting instead, use \`club reschedule\`.`,
  register: (program, { io, exit }) => writeOptions(program
    .command('cancel')
    .description('cancel a meeting: sets status cancelled and records why')
    .argument('<meeting>', 'meeting id, e.g. 2019-09-10-pskov')
    .option('--reason <text>', 'why it will not take place (asked at a terminal when left out)')
    .option('--commit', 'git add and commit the file it edits'))
    .action(async (meeting: string, _opts: unknown, command: Command) => {
      const { cancelCommand } = await import('../cancel-command.js');
      exit(await cancelCommand(meeting, command.optsWithGlobals(), io));
    }),
};
