import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { CancelledError, ClubError, EXIT } from './errors.js';
import type { Io } from './io.js';
import { version } from './version.js';


const ROOT_EXAMPLES = `
Examples:
  $ club validate                      check every record in the data folder
  $ club validate --format github      annotations for a GitHub pull request
  $ club validate data/members/li-wei.yaml --strict
  $ club list members --where country=FI --format csv
  $ club show konovalenko-s-a

Exit codes: 0 ok, 1 invalid data or refused record, 2 usage error, 3 file or folder fault.
Data folder: --data, else $CLUB_DATA, else data/ at the root of the git repository, else ./data.`;

const VALIDATE_EXAMPLES = `
Examples:
  $ club validate                                 the whole data folder, as text
  $ club validate data/members/li-wei.yaml        only this file's problems (checked against all the others)
  $ club validate --format json | jq .summary     one JSON document for scripts
  $ club validate --format github --strict        GitHub annotations; warnings fail too
  $ club validate --format sarif > club.sarif     for code-scanning tools (SARIF 2.1.0)
  $ club validate --format junit > club.xml       for CI test reports: one test case per record
  $ club validate --as-of 2019-06-16              as if today were that date
  $ club validate --changed --format github       in a pull request: only what it touches, and its neighbours`;

const LIST_EXAMPLES = `
Examples:
  $ club list members --where country=FI                 who represents Finland
  $ club list members --as-of 2018-03-01                 who was a member on 1 March 2018
  $ club list meetings --where kind=off-site --where date>=2025-01-01 --where date<2026-01-01
  $ club list publications --where outlet=customs --sort -date --format md
  $ club list members --fields id,name,email --format csv > members.csv

Fields are those of the schema, by dot path (venue.city); \`club list members --fields nope\` lists them.
= and != ignore case and match a country by code or English name; a date matches a shorter one it falls in
(joined=2019); ~ is "contains"; < <= > >= compare dates and numbers. --as-of keeps members and officer
terms in force on that date.`;

const SHOW_EXAMPLES = `
Examples:
  $ club show konovalenko-s-a                 a member, terms of office, meetings, publications
  $ club show 2019-06-20-moscow --format json a meeting with attendees, guests and publications`;

/** Each command's examples, shown right under its description in its --help. */
const EXAMPLES = new Map<string, string>([
  ['validate', VALIDATE_EXAMPLES],
  ['list', LIST_EXAMPLES],
  ['show', SHOW_EXAMPLES],
  ['roster', `
Examples:
  $ club roster                              the roster as of today, on stdout
  $ club roster --as-of 2019-06-16 -o docs/roster.md
  $ club roster --division saint-petersburg --contacts
  $ club roster -o docs/roster.md && club roster --check docs/roster.md   (in CI: is the committed roster fresh?)`],
  ['agenda', `
Examples:
  $ club agenda --next                       the next planned meeting
  $ club agenda 2019-09-10-pskov -o agenda.md`],
  ['minutes', `
Examples:
  $ club minutes 2019-06-20-moscow
  $ club minutes 2019-06-20-moscow -o docs/minutes/2019-06-20-moscow.md`],
  ['plan', `
Examples:
  $ club plan --year 2020
  $ club plan --year 2020 -o docs/plan-2020.md`],
  ['report', `
Examples:
  $ club report --year 2019
  $ club report --year 2019 -o docs/report-2019.md`],
  ['add-member', `
Examples:
  $ club add-member                                   asks for each field at a terminal
  $ club add-member --name "Virtanen M." --country FI --category embassy \\
        --division moscow --joined 2019-09-01 --organization "Embassy of Finland"
  $ club add-member --name "Коноваленко С.А." ...     id konovalenko-s-a, name Konovalenko S.A.
  $ club add-member ... --no-input --commit           in a script: fail on anything missing, then commit

The record is checked with the whole folder before it is written; if it would make the data invalid,
nothing is written. An existing file is never overwritten.`],
  ['add-meeting', `
Examples:
  $ club add-meeting                                         asks at a terminal, with a member picker for presenters
  $ club add-meeting --date 2019-09-10 --kind off-site --division moscow --city Pskov --region "Pskov Oblast" \\
        --start 11:00 --end 13:00 --item "title=Border crossings; presenter=li-wei; minutes=30"`],
  ['add-publication', `
Examples:
  $ club add-publication --outlet customs --date 2019-07 --issue 7 --title "Attachés meet in Pskov" --meeting 2019-06-20-pskov`],
  ['init', `
Examples:
  $ club init beijing --name "Club of Customs Diplomats" --founded 2009 --country CN --city Beijing --timezone Asia/Shanghai --no-input
  $ club init                                      asks at a terminal`],
  ['schemas', `
Examples:
  $ club schemas                                   the schema files
  $ club schemas --editor > .vscode/settings.json  VS Code (with the YAML extension) checks and completes records`],
  ['appoint', `
Examples:
  $ club appoint chairman li-wei --from 2020-01-01       ends the chairman's term on 2019-12-31
  $ club appoint secretary novak-p --from 2020-01-01 --commit`],
  ['leave', `
Examples:
  $ club leave virtanen-m --on 2019-09-01`],
  ['end-term', `
Examples:
  $ club end-term secretary-wang-li --to 2019-12-31`],
  ['completion', `
Examples:
  $ eval "$(club completion bash)"                      in ~/.bashrc
  $ eval "$(club completion zsh)"                       in ~/.zshrc, after compinit
  $ club completion fish > ~/.config/fish/completions/club.fish`],
]);

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('club')
    .description('Keep the club\'s records honest: validate, query, add and render YAML records.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--data <dir>', 'the data folder (default: $CLUB_DATA, else data/ at the git root, else ./data)')
    .option('--as-of <date>', 'take this date (YYYY-MM-DD) as today (default: $CLUB_TODAY, else the clock)')
    .option('--no-color', 'no colours (also NO_COLOR=1 or TERM=dumb)')
    .option('--no-input', 'never prompt; fail with the flags to pass instead')
    .addHelpText('after', ROOT_EXAMPLES)
    .showSuggestionAfterError(true)
    .configureHelp({
      // A command's --help leads with its examples: right after its description, before the options.
      formatHelp: (cmd, helper) => {
        const base = Help.prototype.formatHelp.call(helper, cmd, helper);
        const examples = EXAMPLES.get(cmd.name());
        if (examples === undefined || cmd === program) return base;
        const blocks = base.split('\n\n');
        blocks.splice(2, 0, examples.trim());
        return blocks.join('\n\n');
      },
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  program
    .command('validate')
    .description('check every record against its schema and the cross-record rules')
    .argument('[files...]', 'report only on these files (they are still checked against the whole folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'sarif', 'junit']).default('text'))
    .option('--strict', 'warnings fail too (exit 1)', false)
    .option('--changed [ref]', 'only records changed since REF (default: the merge base with the default branch), and the records they refer to or that refer to them; everything when club.yaml or a schema changed')
    .action(async (files: string[], _opts: unknown, command: Command) => {
      // Loaded on use, so `club --version` and `--help` do not pay for ajv and yaml.
      const { validateCommand } = await import('./validate-command.js');
      exitCode = await validateCommand(files, command.optsWithGlobals(), io);
    });

  program
    .command('list')
    .description('list records, filtered and sorted, as a table or JSON/YAML/CSV/Markdown')
    .addArgument(new Argument('<collection>', 'which records').choices(['members', 'officers', 'meetings', 'publications']))
    .option('-w, --where <condition>', 'FIELD=VALUE, FIELD!=VALUE, FIELD~TEXT (contains), FIELD<DATE, <=, >, >= (repeatable; all must hold)', collect, [])
    .option('-s, --sort <field>', 'sort by FIELD, or -FIELD for descending (repeatable)', collect, [])
    .option('--fields <a,b,c>', 'the fields to show, by dot path (venue.city)')
    .option('-n, --limit <n>', 'at most N records')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml', 'csv', 'md']).default('table'))
    .action(async (collection: string, _opts: unknown, command: Command) => {
      const { listCommand } = await import('./list-command.js');
      exitCode = await listCommand(collection as 'members', command.optsWithGlobals(), io);
    });

  program
    .command('show')
    .description('show one record, found in whichever collection holds it, with what refers to it')
    .argument('<id>', 'the record\'s id (its file name without .yaml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'yaml']).default('text'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      const { showCommand } = await import('./show-command.js');
      exitCode = await showCommand(id, command.optsWithGlobals(), io);
    });

  const documentOptions = (command: Command) => command
    .option('-o, --output <file>', 'write the Markdown to FILE (atomically) instead of stdout')
    .option('--check <file>', 'exit 1, with a short diff, when the committed FILE differs from a fresh rendering');

  documentOptions(program
    .command('roster')
    .description('the roster as Markdown: officers, members by country, participants, countries without a representative, totals')
    .option('--division <id>', 'only members of this division')
    .option('--contacts', 'include e-mail and phone (left out by default: the roster is handed out)'))
    .action(async (_opts: unknown, command: Command) => {
      const { rosterCommand } = await import('./document-commands.js');
      exitCode = await rosterCommand(command.optsWithGlobals(), io);
    });

  documentOptions(program
    .command('agenda')
    .description('the agenda of a meeting as Markdown, with time slots, presenters and the standard frame')
    .argument('[meeting-id]', 'the meeting (its file name without .yaml)')
    .option('--next', 'the next planned meeting on or after today'))
    .action(async (id: string | undefined, _opts: unknown, command: Command) => {
      const { agendaCommand } = await import('./document-commands.js');
      exitCode = await agendaCommand(id, command.optsWithGlobals(), io);
    });

  documentOptions(program
    .command('minutes')
    .description('the minutes of a held meeting as Markdown')
    .argument('<meeting-id>', 'the meeting (its file name without .yaml)'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      const { minutesCommand } = await import('./document-commands.js');
      exitCode = await minutesCommand(id, command.optsWithGlobals(), io);
    });

  documentOptions(program
    .command('plan')
    .description('the work plan of a year as Markdown: its meetings by month, kind and place')
    .option('--year <year>', 'the year (default: this year)'))
    .action(async (_opts: unknown, command: Command) => {
      const { planCommand } = await import('./document-commands.js');
      exitCode = await planCommand(command.optsWithGlobals(), io);
    });

  documentOptions(program
    .command('report')
    .description('the annual report of a year as Markdown')
    .option('--year <year>', 'the year (default: this year)'))
    .action(async (_opts: unknown, command: Command) => {
      const { reportCommand } = await import('./document-commands.js');
      exitCode = await reportCommand(command.optsWithGlobals(), io);
    });

  program
    .command('add-member')
    .description('add a member: a new file in members/, from flags and, at a terminal, answers to what they leave out')
    .option('--name <name>', 'surname and initials as the club writes them (Latin script; Cyrillic or Chinese is transliterated and kept as name_native)')
    .option('--name-native <name>', 'the name in the person\'s own script')
    .option('--country <code>', 'the country represented (ISO 3166-1 alpha-2, e.g. FI)')
    .addOption(new Option('--category <category>', 'customs, embassy or participant').choices(['customs', 'embassy', 'participant']))
    .option('--organization <text>', 'service, embassy or body')
    .option('--title <text>', 'job title')
    .option('--division <id>', 'division id from club.yaml')
    .option('--joined <date>', 'when the person joined (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--left <date>', 'when the person left')
    .option('--email <address>', 'e-mail')
    .option('--phone <number>', 'phone, in international form')
    .option('--languages <codes>', 'ISO 639-1 codes, comma-separated (e.g. ru,en)')
    .option('--notes <text>', 'free text')
    .option('--id <id>', 'the id (file name) instead of one made from the name')
    .option('--commit', 'git add and commit the new file ("Add member <id>"); refused if other changes are staged')
    .action(async (_opts: unknown, command: Command) => {
      const { addMemberCommand } = await import('./add-member-command.js');
      exitCode = await addMemberCommand(command.optsWithGlobals(), io);
    });

  program
    .command('add-meeting')
    .description('add a meeting: a new file in meetings/ named <date>-<city>')
    .option('--date <date>', 'the day (YYYY-MM-DD)')
    .option('--start <HH:MM>', 'start time')
    .option('--end <HH:MM>', 'planned end time')
    .addOption(new Option('--kind <kind>', 'kind of meeting').choices(['regular', 'off-site', 'extraordinary', 'joint']))
    .option('--division <id>', 'the division that holds it')
    .addOption(new Option('--status <status>', 'planned (default without a terminal), held or cancelled').choices(['planned', 'held', 'cancelled']))
    .option('--title <text>', 'a headline')
    .option('--venue <name>', 'the building or hall')
    .option('--address <text>', 'street address')
    .option('--city <name>', 'the city (also the end of the id)')
    .option('--region <name>', 'the region, for an off-site meeting')
    .option('--venue-country <code>', 'the venue\'s country, when not Russia')
    .option('--chair <member>', 'the chair, when not the chairman in office')
    .option('--guest <pairs>', 'an invited guest: "id=..; name=..; title=..; organization=..; country=..; role=.." (repeatable)', collect, [])
    .option('--item <pairs>', 'an agenda item: "title=..; presenter=..; minutes=..; kind=report|discussion|decision|break" (repeatable, in order)', collect, [])
    .option('--attendee <member>', 'a member present (repeatable)', collect, [])
    .option('--apology <member>', 'a member who sent apologies (repeatable)', collect, [])
    .option('--decision <text>', 'a decision taken (repeatable)', collect, [])
    .option('--notes <text>', 'free text')
    .option('--id <id>', 'the id instead of <date>-<city>')
    .option('--commit', 'git add and commit the new file')
    .action(async (_opts: unknown, command: Command) => {
      const { addMeetingCommand } = await import('./add-record-commands.js');
      exitCode = await addMeetingCommand(command.optsWithGlobals(), io);
    });

  program
    .command('add-publication')
    .description('add a publication: a new file in publications/ named <outlet>-<date>')
    .option('--title <text>', 'the headline')
    .option('--outlet <id>', 'outlet id from club.yaml, e.g. customs')
    .option('--date <date>', 'when it appeared (YYYY-MM-DD, or YYYY-MM for a magazine issue)')
    .option('--issue <issue>', 'the magazine issue')
    .option('--url <address>', 'where to read it')
    .option('--language <code>', 'ISO 639-1 code of its language')
    .option('--meeting <id>', 'a meeting it reports on (repeatable)', collect, [])
    .option('--summary <text>', 'a sentence or two')
    .option('--id <id>', 'the id instead of <outlet>-<date>')
    .option('--commit', 'git add and commit the new file')
    .action(async (_opts: unknown, command: Command) => {
      const { addPublicationCommand } = await import('./add-record-commands.js');
      exitCode = await addPublicationCommand(command.optsWithGlobals(), io);
    });

  program
    .command('init')
    .description('make a new, valid data folder for another club, with a CI workflow and editor settings')
    .argument('[dir]', 'the repository folder to make it in (default: here)')
    .option('--name <name>', 'the club\'s name')
    .option('--founded <date>', 'when it was founded (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--country <code>', 'the country it works in (ISO 3166-1 alpha-2)')
    .option('--city <name>', 'the city of its first division')
    .option('--timezone <zone>', 'IANA time zone of its meetings (default: this machine\'s)')
    .action(async (dir: string | undefined, _opts: unknown, command: Command) => {
      const { initCommand } = await import('./init-command.js');
      exitCode = await initCommand(dir, command.optsWithGlobals(), io);
    });

  program
    .command('schemas')
    .description('print where the JSON Schemas are; with --editor, the editor settings (.vscode/settings.json) that check records as they are typed')
    .option('--editor', 'print yaml-language-server\'s yaml.schemas mapping for this data folder')
    .action(async (_opts: unknown, command: Command) => {
      const { schemasCommand } = await import('./schemas-command.js');
      exitCode = await schemasCommand(command.optsWithGlobals(), io);
    });

  program
    .command('appoint')
    .description('appoint a member to a position: ends the current holder\'s term the day before and writes the new term')
    .argument('[position]', 'position id from club.yaml, e.g. chairman (asked at a terminal when left out)')
    .argument('[member]', 'member id (asked at a terminal when left out)')
    .option('--from <date>', 'first day of the new term (YYYY-MM-DD)')
    .option('--notes <text>', 'free text for the new term')
    .option('--id <id>', 'the new term\'s id instead of <position>-<member>')
    .option('--commit', 'git add and commit the files it writes')
    .action(async (position: string | undefined, member: string | undefined, _opts: unknown, command: Command) => {
      const { appointCommand } = await import('./term-commands.js');
      exitCode = await appointCommand(position, member, command.optsWithGlobals(), io);
    });

  program
    .command('leave')
    .description('record that a member left: sets `left`, and ends their open terms of office the day before')
    .argument('<member>', 'member id')
    .option('--on <date>', 'the first day the person is no longer a member (YYYY-MM-DD)')
    .option('--commit', 'git add and commit the files it edits')
    .action(async (member: string, _opts: unknown, command: Command) => {
      const { leaveCommand } = await import('./term-commands.js');
      exitCode = await leaveCommand(member, command.optsWithGlobals(), io);
    });

  program
    .command('end-term')
    .description('end a term of office on a date, without appointing a successor')
    .argument('<term-id>', 'officer term id, e.g. secretary-wang-li')
    .option('--to <date>', 'the last day of the term (YYYY-MM-DD)')
    .option('--commit', 'git add and commit the file it edits')
    .action(async (termId: string, _opts: unknown, command: Command) => {
      const { endTermCommand } = await import('./term-commands.js');
      exitCode = await endTermCommand(termId, command.optsWithGlobals(), io);
    });

  program
    .command('completion')
    .description('print shell completion for commands, flags, collections and record ids')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { SCRIPTS } = await import('./completion.js');
      io.stdout.write(SCRIPTS[shell]);
    });

  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .action(async (words: string[]) => {
      const { complete } = await import('./completion.js');
      const found = complete(program, words.length > 0 ? words : [''], io);
      if (found.length > 0) io.stdout.write(`${found.join('\n')}\n`);
    });

  for (const command of program.commands) {
    command.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    }).showSuggestionAfterError(true);
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message; a bad flag or argument is a usage error (2), not 1.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ClubError) {
      if (error instanceof CancelledError) io.stderr.write('\n'); // the prompt's line is left open
      io.stderr.write(`club: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      return error.exitCode;
    }
    const e = error as Error;
    io.stderr.write(`club: internal error: ${e?.message ?? String(error)}\n${e?.stack ?? ''}\nThis is a bug in club; please report it with the command you ran.\n`);
    return EXIT.internal;
  }
}
