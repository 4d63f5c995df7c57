import { Option, type Command } from 'commander';
import { writeOptions, type Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const addMember: Registration = {
  name: 'add-member',
  examples: `
Examples:
  $ club add-member                                   asks for each field at a terminal
  $ club add-member --name "Virtanen M." --country FI --category embassy \\
        --division moscow --joined 2019-09-01 --organization "Embassy of Finland"
  $ club add-member --name "Соколова Е.В." ...        id sokolova-e-v, name Sokolova E.V., name_native Соколова Е.В.
  $ club add-member ... --no-input --commit           in a script: fail on anything missing, then commit

The record is checked with the whole folder before it is written; if it would make the data invalid,
nothing is written. An existing file is never overwritten.`,
  register: (program, { io, exit }) => writeOptions(program
    .command('add-member')
    .description('add a member: a new file in members/, from flags and, at a terminal, answers to what they leave out')
    .option('--name <name>', 'surname and initials as the club writes them (Latin script; Cyrillic or Chinese is transliterated and kept as name_native)')
    .option('--name-native <name>', 'the name in the person\'s own script')
    .option('--country <code>', 'the country represented: its ISO 3166-1 alpha-2 code (FI) or its name (Finland, Финляндия)')
    .addOption(new Option('--category <category>', 'customs, embassy or participant').choices(['customs', 'embassy', 'participant']))
    .option('--organization <text>', 'service, embassy or body')
    .option('--title <text>', 'job title')
    .option('--division <id>', 'division id from club.yaml')
    .option('--joined <date>', withDateForms('when the person joined', { partial: true }))
    .option('--left <date>', withDateForms('when the person left', { partial: true }))
    .option('--email <address>', 'e-mail')
    .option('--phone <number>', 'phone, in international form')
    .option('--languages <codes>', 'ISO 639-1 codes, comma-separated (e.g. ru,en)')
    .option('--notes <text>', 'free text')
    .option('--id <id>', 'the id (file name) instead of one made from the name')
    .option('--commit', 'git add and commit the new file ("Add member <id>"); refused if other changes are staged'))
    .action(async (_opts: unknown, command: Command) => {
      const { addMemberCommand } = await import('../add-member-command.js');
      exit(await addMemberCommand(command.optsWithGlobals(), io));
    }),
};
