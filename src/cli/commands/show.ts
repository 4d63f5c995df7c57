import { Option, type Command } from 'commander';
import type { Registration } from '../command.js';

export const show: Registration = {
  name: 'show',
  examples: `
Examples:
  $ club show konovalenko-s-a                 a member, terms of office, meetings, publications
  $ club show 2019-09-10-pskov --format json  a meeting with attendees, guests and publications`,
  register: (program, { io, exit }) => program
    .command('show')
    .description('show one record, found in whichever collection holds it, with what refers to it')
    .argument('<id>', 'the record\'s id (its file name without .yaml), or a member\'s name or part of it, in any script')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'yaml']).default('text'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      const { showCommand } = await import('../show-command.js');
      exit(await showCommand(id, command.optsWithGlobals(), io));
    }),
};
