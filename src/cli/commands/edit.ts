import type { Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';

export const edit: Registration = {
  name: 'edit',
  examples: `
Examples:
  $ club edit konovalenko-s-a                opens data/members/konovalenko-s-a.yaml (a copy) in $VISUAL or $EDITOR
  $ EDITOR=nano club edit 2019-09-10-pskov
  $ club edit club                           club.yaml

The copy is checked with the whole folder when the editor closes. If it is invalid, it opens again with
the problems on top as comments; quit without saving to give up. Only a valid record is put in place,
after the diff is shown and confirmed (--yes skips the question). Quitting without saving changes nothing.`,
  register: (program, { io, exit }) => writeOptions(program
    .command('edit')
    .description('edit a record (or club.yaml) in your editor; it is put in place only when the whole folder is still valid')
    .argument('<id>', 'the record\'s id, a member\'s whole name in any script, or `club` for club.yaml')
    .option('--commit', 'git add and commit the file'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      const { editCommand } = await import('../edit-command.js');
      exit(await editCommand(id, command.optsWithGlobals(), io));
    }),
};
