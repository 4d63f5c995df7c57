import type { Command } from 'commander';
import { collect, writeOptions, type Registration } from '../command.js';

export const record: Registration = {
  name: 'record',
  examples: `
Examples:
  $ club record 2019-09-10-pskov               at a terminal: tick who came (type to filter), apologies, guests,
                                                times, a note per agenda item, decisions
  $ club record 2019-09-10-pskov --attendee konovalenko-s-a --attendee vasiltsov-d-v \\
        --started 11:05 --ended 12:50 --item-note "1=Queues at the Pskov crossings were discussed." \\
        --decision "text=Send the minutes to the FCS; responsible=vasiltsov-d-v; due=2019-10-01" --commit
  $ club record 2019-09-10-pskov --guest "name=Tamm K.; title=Customs attaché; country=EE"

Running it again on a held meeting edits the record: what it has is the default, flags add to it.`,
  register: (program, { io, exit }) => writeOptions(program
    .command('record')
    .description('record what happened at a meeting (who came, apologies, guests, times, item notes, decisions); marks it held')
    .argument('<meeting>', 'meeting id, e.g. 2019-09-10-pskov')
    .option('--attendee <member>', 'a member who came: id or whole name (repeatable)', collect, [])
    .option('--apology <member>', 'a member who sent apologies: id or whole name (repeatable)', collect, [])
    .option('--guest <guest>', 'an invited guest who came (their id), or a new one: "name=..; title=..; organization=..; country=.." (repeatable)', collect, [])
    .option('--guest-absent <guest>', 'an invited guest who did not come (repeatable)', collect, [])
    .option('--started <HH:MM>', 'when the meeting actually began')
    .option('--ended <HH:MM>', 'when it actually ended')
    .option('--item-note <N=text>', 'what was said on agenda item N, numbered as the agenda shows them (repeatable)', collect, [])
    .option('--decision <text>', 'a decision: its text, or "text=..; responsible=<member or guest>; due=YYYY-MM-DD" (repeatable)', collect, [])
    .option('--commit', 'git add and commit the file it edits'))
    .action(async (meeting: string, _opts: unknown, command: Command) => {
      const { recordCommand } = await import('../record-command.js');
      exit(await recordCommand(meeting, command.optsWithGlobals(), io));
    }),
};
