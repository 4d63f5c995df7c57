import type { Command } from 'commander';
import { documentOptions, type Registration } from '../command.js';

export const agenda: Registration = {
  name: 'agenda',
  examples: `
Examples:
  $ club agenda --next                       the next planned meeting
  $ club agenda 2019-09-10-pskov -o agenda.md
  $ club agenda --next --lang ru             in Russian
  $ club agenda --next -o agenda.docx        a Word file to send (-o FILE.docx means --format docx)`,
  register: (program, { io, exit }) => documentOptions(program
    .command('agenda')
    .description('the agenda of a meeting as Markdown or Word, with time slots, presenters and the standard frame')
    .argument('[meeting-id]', 'the meeting (its file name without .yaml)')
    .option('--next', 'the next planned meeting on or after today'))
    .action(async (id: string | undefined, _opts: unknown, command: Command) => {
      const { agendaCommand } = await import('../document-commands.js');
      exit(await agendaCommand(id, command.optsWithGlobals(), io));
    }),
};
