import type { Command } from 'commander';
import type { Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const calendar: Registration = {
  name: 'calendar',
  examples: `
Examples:
  $ club calendar -o club.ics                     every meeting, to import or subscribe to
  $ club calendar 2019-09-10-pskov -o invite.ics  one meeting, to send as an invitation
  $ club calendar --from 2019-09-01 --division moscow
  $ club calendar --lang ru -o club-ru.ics         summaries and agendas in Russian (default: club.yaml language)
  $ club calendar -o club.ics && club calendar --check club.ics   (in CI: is the committed calendar fresh?)

Times are in the club's time zone (club.yaml timezone) with its VTIMEZONE; a cancelled meeting has
STATUS:CANCELLED; a rescheduled one keeps its UID and raises SEQUENCE, so calendars update it in place.`,
  register: (program, { io, exit }) => program
    .command('calendar')
    .description('the meetings as an iCalendar (.ics) file: planned, held and cancelled, with venue and agenda')
    .argument('[meeting-id]', 'only this meeting (its file name without .yaml)')
    .option('--from <date>', withDateForms('only meetings on or after this date'))
    .option('--division <id>', 'only meetings of this division')
    .option('-o, --output <file>', 'write the calendar to FILE (atomically) instead of stdout')
    .option('--check <file>', 'exit 1, with a short diff, when the committed FILE differs from a fresh rendering')
    .option('--lang <lang>', 'the language of the events\' words: en or ru (default: `language:` in club.yaml, else en)')
    .action(async (id: string | undefined, _opts: unknown, command: Command) => {
      const { calendarCommand } = await import('../calendar-command.js');
      exit(await calendarCommand(id, command.optsWithGlobals(), io));
    }),
};
