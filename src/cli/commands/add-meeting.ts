import { Option, type Command } from 'commander';
import { collect, writeOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const addMeeting: Registration = {
  name: 'add-meeting',
  examples: `
Examples:
  $ club add-meeting                                         asks at a terminal, with a member picker for presenters
  $ club add-meeting --date 2019-09-10 --kind off-site --division moscow --city Pskov --region "Pskov Oblast" \\
        --start 11:00 --end 13:00 --item "title=Border crossings; presenter=vasiltsov-d-v; minutes=30"`,
  register: (program, { io, exit }) => writeOptions(program
    .command('add-meeting')
    .description('add a meeting: a new file in meetings/ named <date>-<city>')
    .option('--date <date>', withDateForms('the day'))
    .option('--start <HH:MM>', 'start time')
    .option('--end <HH:MM>', 'planned end time')
    .addOption(new Option('--kind <kind>', 'kind of meeting').choices(['regular', 'off-site', 'extraordinary', 'joint']))
    .option('--division <id>', 'the division that holds it')
    .addOption(new Option('--status <status>', 'planned (default without a terminal), held or cancelled').choices(['planned', 'held', 'cancelled']))
    .option('--title <text>', 'a headline')
    .option('--venue <name>', 'the building or hall')
    .option('--address <text>', 'street address')
    .option('--city <name>', 'the city (also the end of the id)')
    .option('--region <name>', 'the region, for an off-site meeting')
    .option('--venue-country <code>', 'the venue\'s country, when not Russia')
    .option('--chair <member>', 'the chair, when not the chairman in office')
    .option('--guest <pairs>', 'an invited guest: "id=..; name=..; title=..; organization=..; country=..; role=.." (repeatable)', collect, [])
    .option('--item <pairs>', 'an agenda item: "title=..; presenter=..; minutes=..; kind=report|discussion|decision|break" (repeatable, in order)', collect, [])
    .option('--attendee <member>', 'a member present (repeatable)', collect, [])
    .option('--apology <member>', 'a member who sent apologies (repeatable)', collect, [])
    .option('--decision <text>', 'a decision taken (repeatable)', collect, [])
    .option('--notes <text>', 'free text')
    .option('--id <id>', 'the id instead of <date>-<city>')
    .option('--commit', 'git add and commit the new file'))
    .action(async (_opts: unknown, command: Command) => {
      const { addMeetingCommand } = await import('../add-record-commands.js');
      exit(await addMeetingCommand(command.optsWithGlobals(), io));
    }),
};
