import { Option, type Command } from 'commander';
import type { Registration } from '../command.js';

export const validate: Registration = {
  name: 'validate',
  examples: `
Examples:
  $ club validate                                 the whole data folder, as text
  $ club validate data/members/konovalenko-s-a.yaml   only this file's problems (checked against all the others)
  $ club validate --format json | jq .summary     one JSON document for scripts
  $ club validate --format github --strict        GitHub annotations; warnings fail too
  $ club validate --format sarif > club.sarif     for code-scanning tools (SARIF 2.1.0)
  $ club validate --format junit > club.xml       for CI test reports: one test case per record
  $ club validate --as-of 2019-06-16              as if today were that date
  $ club validate --changed --format github       in a pull request: only what it touches, and its neighbours`,
  register: (program, { io, exit }) => program
    .command('validate')
    .description('check every record against its schema and the cross-record rules')
    .argument('[files...]', 'report only on these files (they are still checked against the whole folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'sarif', 'junit']).default('text'))
    .option('--strict', 'warnings fail too (exit 1)', false)
    .option('--changed [ref]', 'only records changed since REF (default: the merge base with the default branch), and the records they refer to or that refer to them; everything when club.yaml or a schema changed')
    .action(async (files: string[], _opts: unknown, command: Command) => {
      // Loaded on use, so `club --version` and `--help` do not pay for ajv and yaml.
      const { validateCommand } = await import('../validate-command.js');
      exit(await validateCommand(files, command.optsWithGlobals(), io));
    }),
};
