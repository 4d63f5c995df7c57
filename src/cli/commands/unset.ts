import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';

export const unset: Registration = {
  name: 'unset',
  examples: `
Examples:
  $ club unset konovalenko-s-a title notes
  $ club unset 2019-09-10-pskov end`,
  register: (program, { io, exit }) => writeOptions(program
    .command('unset')
    .description('remove fields of a record (or of club.yaml), keeping its comments and key order')
    .argument('<id>', 'the record\'s id, a member\'s whole name in any script, or `club` for club.yaml')
    .argument('<fields...>', 'the fields to remove, by dot path')
    .option('--commit', 'git add and commit the file'))
    .action(async (id: string, fields: string[], _opts: unknown, command: Command) => {
      const { unsetCommand } = await import('../set-command.js');
      exit(await unsetCommand(id, fields, command.optsWithGlobals(), io));
    }),
};
