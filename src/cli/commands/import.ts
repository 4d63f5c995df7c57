import { Argument, type Command } from 'commander';
import { collect, writeOptions, type Registration } from '../command.js';

export const importCommand: Registration = {
  name: 'import',
  examples: `
Examples:
  $ club import members members.xlsx --dry-run          the new files as a diff, nothing written
  $ club import members members.xlsx --commit           all rows, one change, one commit
  $ club import members old.csv --map "Тел. моб.=phone" --map "Хобби=ignore" --default category=customs
  $ club import members members.xlsx --skip-invalid     the good rows now, the others listed
  $ club import members members.xlsx --update           update the members it already has

Columns are found by header, in English or Russian: Name/ФИО, Country/Страна, Category/Категория,
Organization/Организация, Title/Должность, Division/Отделение, Joined/Дата вступления, Left/Дата выхода,
E-mail/Эл. почта, Phone/Телефон, Languages/Языки, Notes/Примечания; --map places the rest (at a terminal you are asked).
Countries by English or Russian name or code; dates as 16.06.2019, 2019-06-16 or date cells; a name cell
"Коноваленко С.А. / Konovalenko S.A." gives name and name_native. Ids are made as add-member makes them.
Nothing is written unless every row is good; a member the folder has already is never written twice.`,
  register: (program, { io, exit }) => writeOptions(program
    .command('import')
    .description('import members from a spreadsheet (.csv or .xlsx): every row checked, then all written as one change')
    .addArgument(new Argument('<collection>', 'what the rows are').choices(['members']))
    .argument('<file>', 'the spreadsheet: .xlsx (first sheet, or --sheet) or .csv (UTF-8 or Windows-1251; , ; or tab)')
    .option('--map <column=field>', 'what a column is for, when its header does not say: "Телефон моб.=phone", "Remarks=ignore" (repeatable)', collect, [])
    .option('--default <field=value>', 'a value for rows that leave a field empty, or a sheet without its column: category=customs (repeatable)', collect, [])
    .option('--sheet <name>', 'the sheet of an .xlsx workbook (default: the first)')
    .option('--skip-invalid', 'import the good rows and list the others (default: nothing is written unless every row is good)')
    .option('--update', 'update members the sheet already has (same id, or same name and country) instead of skipping them')
    .option('--commit', 'git add and commit everything imported as one commit'))
    .action(async (_collection: string, file: string, _opts: unknown, command: Command) => {
      const { importMembersCommand } = await import('../import-command.js');
      exit(await importMembersCommand(file, command.optsWithGlobals(), io));
    }),
};
