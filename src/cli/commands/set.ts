import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';

export const set: Registration = {
  name: 'set',
  examples: `
Examples:
  $ club set vasiltsov-d-v title="Customs Counsellor" email=vasiltsov@example.org
  $ club set vasiltsov-d-v languages+=fi               append to a list (languages-=fi removes)
  $ club set 2019-09-10-pskov venue.city=Izborsk start=9:30
  $ club set 2019-09-10-pskov agenda[0].minutes=20     a position in the list, from 0 (breaks too), as in diagnostics
  $ club set club name="Moscow International Customs Attaché Club"
  $ club set vasiltsov-d-v country=fr --dry-run        show the diff, write nothing

The value is read as the field's type in the schema: a date is checked (2019-02-30 is refused), a number
is a number, a country or language code is matched without regard to case, a list of ids is comma-separated.
An unknown field is a usage error that lists the fields. The change is checked with the whole folder first.`,
  register: (program, { io, exit }) => writeOptions(program
    .command('set')
    .description('set fields of a record (or of club.yaml: `club set club …`), keeping its comments and key order')
    .argument('<id>', 'the record\'s id, a member\'s whole name in any script, or `club` for club.yaml')
    .argument('<assignments...>', 'FIELD=VALUE, FIELD+=VALUE (append to a list), FIELD-=VALUE (remove from a list); FIELD is a dot path')
    .option('--commit', 'git add and commit the file'))
    .action(async (id: string, assignments: string[], _opts: unknown, command: Command) => {
      const { setCommand } = await import('../set-command.js');
      exit(await setCommand(id, assignments, command.optsWithGlobals(), io));
    }),
};
