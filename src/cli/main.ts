import { Command, CommanderError, Help } from 'commander';
import { CancelledError, ClubError, EXIT } from '../errors/errors.js';
import type { CliContext, Registration } from './command.js';
import { addMeeting } from './commands/add-meeting.js';
import { addMember } from './commands/add-member.js';
import { addPublication } from './commands/add-publication.js';
import { agenda } from './commands/agenda.js';
import { appoint } from './commands/appoint.js';
import { calendar } from './commands/calendar.js';
import { cancel } from './commands/cancel.js';
import { complete, completion } from './commands/completion.js';
import { done } from './commands/done.js';
import { edit } from './commands/edit.js';
import { endTerm } from './commands/end-term.js';
import { importCommand } from './commands/import.js';
import { init } from './commands/init.js';
import { leave } from './commands/leave.js';
import { list } from './commands/list.js';
import { minutes } from './commands/minutes.js';
import { plan } from './commands/plan.js';
import { sheet } from './commands/sheet.js';
import { record } from './commands/record.js';
import { report } from './commands/report.js';
import { reschedule } from './commands/reschedule.js';
import { roster } from './commands/roster.js';
import { schemas } from './commands/schemas.js';
import { set } from './commands/set.js';
import { unset } from './commands/unset.js';
import { show } from './commands/show.js';
import { validate } from './commands/validate.js';
import type { Io } from './io.js';
import { printable } from '../report/printable.js';
import { guardIo } from './terminal-io.js';
import { usageMessage } from './usage-message.js';
import { version } from './version.js';
import { dateForms } from '../model/date-forms.js';

/**
 * Every command, in the order --help lists them. Each registers itself from its own file in
 * commands/ (options, action, examples); adding a command is that file and one line here.
 */
const COMMANDS: readonly Registration[] = [
  validate,
  list,
  show,
  roster,
  agenda,
  minutes,
  plan,
  report,
  sheet,
  calendar,
  addMember,
  addMeeting,
  addPublication,
  importCommand,
  record,
  cancel,
  reschedule,
  init,
  schemas,
  appoint,
  leave,
  endTerm,
  set,
  unset,
  edit,
  done,
  completion,
  complete,
];

const ROOT_EXAMPLES = `
Examples:
  $ club validate                      check every record in the data folder
  $ club validate --format github      annotations for a GitHub pull request
  $ club validate data/members/konovalenko-s-a.yaml --strict
  $ club list members --where country=RU --format csv
  $ club show konovalenko-s-a

The examples use the shipped data/. It has no meetings (the club's page names none): the meeting
examples name 2019-09-10-pskov, the meeting \`club add-meeting --help\`'s example adds.
Exit codes: 0 ok, 1 invalid data or refused record, 2 usage error, 3 file or folder fault.
Data folder: --data, else $CLUB_DATA, else the nearest data/ with a club.yaml from here up to the git repository's top, else data/ at its top, else ./data.`;

/** The global options whose value is the next word (`--data DIR`): that word is not a command. */
const VALUED = new Set(['--data', '--as-of']);
const GLOBAL_FLAGS = new Set(['--no-color', '--no-input']);
/** What needs every command: the list of them (completion), or one of them by a name no command has. */
const NEEDS_ALL = new Set(['completion', '__complete']);

/**
 * The command `argv` runs, when it is plain: global options (those that take a value, with it), then a
 * command's name. Only that command is then built: commander makes each command's options, arguments
 * and help on every run, so the run pays for one command instead of all of them. undefined (build them
 * all) for anything else: no command (help), `--help` or a flag commander must judge before the command,
 * `help`, completion, and a name no command has (the error suggests the nearest).
 */
function namedCommand(argv: readonly string[]): Registration | undefined {
  const at = commandAt(argv);
  if (at === undefined) return undefined;
  const word = argv[at]!;
  return NEEDS_ALL.has(word) ? undefined : COMMANDS.find((registration) => registration.name === word);
}

/** Where the command's name is in `argv`: after the global options (and the values of those that take one). */
function commandAt(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (VALUED.has(word)) i++;
    else if (GLOBAL_FLAGS.has(word) || [...VALUED].some((flag) => word.startsWith(`${flag}=`))) continue;
    else return i;
  }
  return undefined;
}

/**
 * `club help validte`: commander would print the whole help to stderr, with no word of what was wrong.
 * A name no command has is run as that name instead, so it gets the unknown-command error and its
 * did-you-mean, as `club validte` does.
 */
function helpOfUnknown(argv: readonly string[]): readonly string[] {
  const at = commandAt(argv);
  if (at === undefined || argv[at] !== 'help') return argv;
  const topic = argv[at + 1];
  if (topic === undefined || topic.startsWith('-') || topic === 'help' || COMMANDS.some((registration) => registration.name === topic)) return argv;
  return [...argv.slice(0, at), ...argv.slice(at + 1)];
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(typed: readonly string[], unguarded: Io): Promise<number> {
  const argv = helpOfUnknown(typed);
  const io = guardIo(unguarded);
  let exitCode: number = EXIT.ok;
  const examples = new Map<Command, string>();
  const program = new Command('club')
    .description('Keep the club\'s records honest: validate, query, add and render YAML records.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--data <dir>', 'the data folder (default: $CLUB_DATA, else the nearest data/ with a club.yaml from here up to the git root, else data/ at the git root, else ./data)')
    .option('--as-of <date>', `take this date as today (${dateForms()}; default: $CLUB_TODAY, else the clock): validate and the commands that write check the folder as of it; list, show, calendar and documents only answer as of it, and check the folder as of $CLUB_TODAY, else the clock`)
    .option('--no-color', 'no colours (also NO_COLOR=1 or TERM=dumb)')
    .option('--no-input', 'never prompt; fail with the flags to pass instead')
    .addHelpText('after', ROOT_EXAMPLES)
    .showSuggestionAfterError(true)
    .configureHelp({
      // A command's --help leads with its examples: right after its description, before the options.
      formatHelp: (cmd, helper) => {
        const base = Help.prototype.formatHelp.call(helper, cmd, helper);
        const text = examples.get(cmd);
        if (text === undefined || cmd === program) return base;
        const blocks = base.split('\n\n');
        blocks.splice(2, 0, text.trim());
        return blocks.join('\n\n');
      },
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s) => io.stderr.write(usageMessage(s, { path: 'club', usage: program.usage() })),
    });

  const context: CliContext = { io, exit: (code) => { exitCode = code; } };
  const named = namedCommand(argv);
  for (const registration of named === undefined ? COMMANDS : [named]) {
    const command = registration.register(program, context);
    if (command.name() !== registration.name) throw new Error(`${command.name()} registers as ${registration.name}`);
    if (registration.examples !== undefined) examples.set(command, registration.examples);
  }

  for (const command of program.commands) {
    command.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's raw "error: …" reads like club's other usage errors: `club: …` and a hint.
      outputError: (s) => io.stderr.write(usageMessage(s, {
        path: `club ${command.name()}`, usage: command.usage(),
        dateOptions: command.options.filter((o) => o.long !== undefined && /<date>/.test(o.flags)).map((o) => ({ long: o.long!, description: o.description })),
      })),
    }).showSuggestionAfterError(true);
  }

  // A --check hint gives the exact command that regenerates the file: the command line as typed.
  program.hook('preAction', (_root, action) => {
    if (action.options.some((o) => o.long === '--check')) action.setOptionValue('commandLine', [...argv]).setOptionValue('commandName', action.name());
  });

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
      // A message may quote ids and names from the data: each of its lines is shown, never obeyed.
      const shown = (text: string) => text.split('\n').map(printable).join('\n');
      io.stderr.write(`club: ${shown(error.message)}\n${error.hint ? `  hint: ${shown(error.hint)}\n` : ''}`);
      return error.exitCode;
    }
    const e = error as Error;
    io.stderr.write(`club: internal error: ${e?.message ?? String(error)}\n${e?.stack ?? ''}\nThis is a bug in club; please report it with the command you ran.\n`);
    return EXIT.internal;
  }
}
