import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';

export const reschedule: Registration = {
  name: 'reschedule',
  examples: `
Examples:
  $ club reschedule 2020-06-18-moscow --date 2020-06-25                  renamed to 2020-06-25-moscow
  $ club reschedule 2020-06-18-moscow --date 2020-07-02 --city Pskov --venue "Pskov customs post" --start 11:00
  $ club reschedule 2020-06-18-moscow --date 2020-06-25 --keep-id --commit

The file is renamed to the new <date>-<city> and every publication that names the meeting is updated, in one
change. The date it had is kept in moved_from, and the work plan says "moved from 18 June".`,
  register: (program, { io, exit }) => writeOptions(program
    .command('reschedule')
    .description('move a planned meeting to another day (and time, city or venue): renames its file and updates what names it')
    .argument('<meeting>', 'meeting id, e.g. 2020-06-18-moscow')
    .option('--date <date>', 'the new day (YYYY-MM-DD)')
    .option('--start <HH:MM>', 'the new start time')
    .option('--end <HH:MM>', 'the new end time')
    .option('--city <name>', 'the new city (also the end of the id)')
    .option('--venue <name>', 'the new building or hall')
    .option('--keep-id', 'keep the file name (and so every reference) as it is')
    .option('--commit', 'git add and commit the files it changes'))
    .action(async (meeting: string, _opts: unknown, command: Command) => {
      const { rescheduleCommand } = await import('../reschedule-command.js');
      exit(await rescheduleCommand(meeting, command.optsWithGlobals(), io));
    }),
};
