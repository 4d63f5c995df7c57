import type { Command } from 'commander';
import { documentOptions, type Registration } from '../command.js';

export const sheet: Registration = {
  name: 'sheet',
  examples: `
Examples:
  $ club sheet 2019-09-10-pskov                      the sheet to sign at the door, as Markdown
  $ club sheet 2019-09-10-pskov -o sheet.md
  $ club sheet 2019-09-10-pskov -o sheet.docx        to print: A4, the club's name on every page
  $ club sheet 2019-09-10-pskov --lang ru            in Russian (default: club.yaml language)`,
  register: (program, { io, exit }) => documentOptions(program
    .command('sheet')
    .description('the attendance sheet of a meeting: the members expected that day by country with a column to sign, then the invited guests')
    .argument('<meeting-id>', 'the meeting (its file name without .yaml)'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      const { sheetCommand } = await import('../document-commands.js');
      exit(await sheetCommand(id, command.optsWithGlobals(), io));
    }),
};
