import { Argument, Option, type Command } from 'commander';
import { collect, type Registration } from '../command.js';

export const list: Registration = {
  name: 'list',
  examples: `
Examples:
  $ club list members --where country=RU                 who represents Russia
  $ club list members --as-of 2019-07-01                 who was a member on 1 July 2019
  $ club list meetings --where kind=off-site --where date>=2019-01-01 --where date<2020-01-01
  $ club list publications --where outlet=customs --sort -date --format md
  $ club list members --fields id,name,email --format csv > members.csv
  $ club list members --format xlsx -o members.xlsx       an Excel workbook: frozen header, filters, date cells
  $ club list members --format csv --bom -o members.csv   CSV that Excel opens with Cyrillic intact
  $ club list members --where division=moscow --format vcard > members.vcf   contact cards for a phone
  $ club list decisions --where open                     decisions not yet done (also: --where overdue, --where done)
  $ club list decisions --where responsible=vasiltsov-d-v --where due<2020-01-01 --format csv

Fields are those of the schema, by dot path (venue.city); \`club list members --fields nope\` lists them.
= and != ignore case and match a country by code or name (Finland, Финляндия, РФ); a date matches a shorter one it falls in
(joined=2019); ~ is "contains"; < <= > >= compare dates and numbers. --as-of keeps members and officer
terms in force on that date; for decisions, the day their status (open, done, overdue) is reckoned on.`,
  register: (program, { io, exit }) => program
    .command('list')
    .description('list records, filtered and sorted, as a table or JSON/YAML/CSV/Markdown, or members as contact cards; or the decisions of meetings')
    .addArgument(new Argument('<collection>', 'which records').choices(['members', 'officers', 'meetings', 'publications', 'decisions']))
    .option('-w, --where <condition>', 'FIELD=VALUE, FIELD!=VALUE, FIELD~TEXT (contains), FIELD<DATE, <=, >, >= (repeatable; all must hold)', collect, [])
    .option('-s, --sort <field>', 'sort by FIELD, or -FIELD for descending (repeatable)', collect, [])
    .option('--fields <a,b,c>', 'the fields to show, by dot path (venue.city)')
    .option('-n, --limit <n>', 'at most N records')
    .addOption(new Option('-f, --format <format>', 'output format, default table (xlsx: an Excel workbook, to a file or a pipe; vcard: members as vCard 4.0 contact cards)').choices(['table', 'json', 'yaml', 'csv', 'md', 'xlsx', 'vcard']))
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout; its extension (.csv, .xlsx, .json…) sets --format when that is left out')
    .option('--bom', 'start CSV with a UTF-8 byte-order mark, so Excel shows Cyrillic and Chinese right')
    .action(async (collection: string, _opts: unknown, command: Command) => {
      const { listCommand } = await import('../list-command.js');
      exit(await listCommand(collection as 'members', command.optsWithGlobals(), io));
    }),
};
