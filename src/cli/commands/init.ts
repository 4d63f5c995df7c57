import type { Command } from 'commander';
import type { Registration } from '../command.js';
import { withDateForms } from '../../model/date-forms.js';

export const init: Registration = {
  name: 'init',
  examples: `
Examples:
  $ club init beijing --name "Club of Customs Diplomats" --founded 2009 --country CN --city Beijing --timezone Asia/Shanghai --no-input
  $ club init beijing ... --install-from github:customs-attache-club/club   the new repository's CI installs club from there
  $ club init                                      asks at a terminal`,
  register: (program, { io, exit }) => program
    .command('init')
    .description('make a new, valid data folder for another club, with a CI workflow and editor settings')
    .argument('[dir]', 'the repository folder to make it in (default: here)')
    .option('--name <name>', 'the club\'s name')
    .option('--founded <date>', withDateForms('when it was founded', { partial: true }))
    .option('--country <code>', 'the country it works in (ISO 3166-1 alpha-2)')
    .option('--city <name>', 'the city of its first division')
    .option('--timezone <zone>', 'IANA time zone of its meetings, e.g. Asia/Shanghai (default: the country\'s, when it has one; asked at a terminal)')
    .option('--install-from <spec>', 'where the new repository installs club from, as npm understands it: github:OWNER/club, a tarball URL or path (a relative path is taken from here and written relative to the new folder; default: this club\'s own folder, file:…)')
    .action(async (dir: string | undefined, _opts: unknown, command: Command) => {
      const { initCommand } = await import('../init-command.js');
      exit(await initCommand(dir, command.optsWithGlobals(), io));
    }),
};
