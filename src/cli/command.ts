import { Option, type Command } from 'commander';
import type { Io } from './io.js';

/** What a command's action gets from the wiring in main.ts. */
export interface CliContext {
  io: Io;
  /** Sets the exit code the run ends with. */
  exit(code: number): void;
}

/**
 * One command of `club`, in its own file under commands/: it adds itself to the program and
 * carries the examples its --help shows. main.ts only lists registrations, in --help order.
 * Keep the file light (commander only): the work is imported inside the action, on use,
 * so `club --version` and `--help` do not pay for ajv and yaml.
 */
export interface Registration {
  /** The command's name, as register() gives it: main.ts registers only the command a run names. */
  name: string;
  /** Adds the command (arguments, options, action) to `program` and returns it. */
  register(program: Command, context: CliContext): Command;
  /** Shown right under the command's description in its --help, before the options. */
  examples?: string;
}

/** For repeatable options: `--where a --where b` → `['a', 'b']`. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The options every document command has. */
export const documentOptions = (command: Command): Command => command
  .addOption(new Option('-f, --format <format>', 'md (Markdown) or docx (Word, A4); default: from the extension of -o/--check, else md').choices(['md', 'docx']))
  .option('-o, --output <file>', 'write the document to FILE (atomically) instead of stdout; FILE.docx means --format docx')
  .option('--check <file>', 'exit 1 when the committed FILE differs from a fresh rendering (with a short diff for Markdown) or the folder has errors')
  .option('--lang <lang>', 'the language of the document: en or ru (default: `language:` in club.yaml, else en)');

/** The options of every command that writes: at a terminal the change is shown as a diff and confirmed. */
export const writeOptions = (command: Command): Command => command
  .option('-y, --yes', 'write without asking (at a terminal the change is shown as a diff and confirmed)')
  .option('--dry-run', 'print the change as a diff and write nothing');
