import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const reschedule: Registration = {
  name: 'reschedule',
  examples: `
Examples:
  $ club reschedule 2019-09-10-pskov --date 2019-09-17                  renamed to 2019-09-17-pskov
  $ club reschedule 2019-09-10-pskov --date 2019-09-24 --city Izborsk --venue "Izborsk customs post" --region "Pskov Oblast"
  $ club reschedule 2019-09-10-pskov --date 2019-09-17 --keep-id --commit

The file is renamed to the new <date>-<city> and every publication that names the meeting is updated, in one
change. The date it had is kept in moved_from, and the work plan says "moved from 18 June".
A held or a cancelled meeting is not moved (the refusal says what to do instead).

A move never names the old place, in English or in Russian: a new --city drops the old hall, its address, region and
country, a new --venue the old hall's address; the flags give the new ones. A Russian form (name_ru, address_ru,
city_ru, region_ru) stays only beside the English it translates, when that is unchanged. What was removed is said.
On the day it already has (--date the same), only the place or times change, and moved_from stays as it was.`,
  register: (program, { io, exit }) => writeOptions(program
    .command('reschedule')
    .description('move a planned meeting to another day (and time, city or venue): renames its file and updates what names it')
    .argument('<meeting>', 'meeting id, e.g. 2019-09-10-pskov')
    .option('--date <date>', withDateForms('the new day'))
    .option('--start <HH:MM>', 'the new start time')
    .option('--end <HH:MM>', 'the new end time')
    .option('--city <name>', 'the new city (also the end of the id); the old hall, address and region are dropped')
    .option('--venue <name>', 'the new building or hall (the old one\'s address is dropped)')
    .option('--address <text>', 'the new street address')
    .option('--region <name>', 'the new region, for an off-site meeting (a new --city drops the old one)')
    .option('--venue-country <country>', 'the venue\'s country, when not Russia: its code (EE) or its name (Estonia, Эстония); a new --city drops the old one')
    .option('--keep-id', 'keep the file name (and so every reference) as it is')
    .option('--commit', 'git add and commit the files it changes'))
    .action(async (meeting: string, _opts: unknown, command: Command) => {
      const { rescheduleCommand } = await import('../reschedule-command.js');
      exit(await rescheduleCommand(meeting, command.optsWithGlobals(), io));
    }),
};
