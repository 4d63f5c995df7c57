import type { Command } from 'commander';
import { documentOptions, type Registration } from '../command.js';

export const minutes: Registration = {
  name: 'minutes',
  examples: `
Examples:
  $ club minutes 2019-09-10-pskov
  $ club minutes 2019-09-10-pskov -o .docs/minutes-2019-09-10-pskov.md
  $ club minutes 2019-09-10-pskov --format docx > minutes.docx
  $ club minutes 2019-09-10-pskov --lang ru -o protokol.docx   in Russian («Протокол № 1 …»; default: club.yaml language)`,
  register: (program, { io, exit }) => documentOptions(program
    .command('minutes')
    .description('the minutes of a held meeting as Markdown or Word')
    .argument('<meeting-id>', 'the meeting (its file name without .yaml)'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      const { minutesCommand } = await import('../document-commands.js');
      exit(await minutesCommand(id, command.optsWithGlobals(), io));
    }),
};
