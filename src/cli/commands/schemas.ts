import type { Command } from 'commander';
import type { Registration } from '../command.js';

export const schemas: Registration = {
  name: 'schemas',
  examples: `
Examples:
  $ club schemas                                   the schema files
  $ club schemas --editor > .vscode/settings.json  VS Code (with the YAML extension) checks and completes records`,
  register: (program, { io, exit }) => program
    .command('schemas')
    .description('print where the JSON Schemas are; with --editor, the editor settings (.vscode/settings.json) that check records as they are typed')
    .option('--editor', 'print yaml-language-server\'s yaml.schemas mapping for this data folder')
    .action(async (_opts: unknown, command: Command) => {
      const { schemasCommand } = await import('../schemas-command.js');
      exit(await schemasCommand(command.optsWithGlobals(), io));
    }),
};
