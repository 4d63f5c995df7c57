import type { Command } from 'commander';
import type { Registration } from '../command.js';

export const schemas: Registration = {
  name: 'schemas',
  examples: `
Examples:
  $ club schemas                                   the schema files new records and the editor name
  $ club schemas --write                           copy them into the repository (schemas/ beside data/), for every clone's editor,
                                                   and make records that name the installed club's schemas name the copy
  $ club schemas --editor > .vscode/settings.json  VS Code (with the YAML extension) checks and completes records`,
  register: (program, { io, exit }) => program
    .command('schemas')
    .description('print the JSON Schema files new records and editors name: the repository\'s copy (schemas/ beside the data folder) when it has one, else the installed club\'s (club validates with its own either way); --write copies them beside the data folder (schemas/), where new records and editors find them on any machine; --editor prints the editor settings (.vscode/settings.json)')
    .option('--write', 'copy the schemas into schemas/ beside the data folder (again after upgrading club); says which files it replaced that differed, and makes records whose $schema line names a schema outside the repository (the installed club\'s) name the copy')
    .option('--editor', 'print yaml-language-server\'s yaml.schemas mapping for this data folder')
    .action(async (_opts: unknown, command: Command) => {
      const { schemasCommand } = await import('../schemas-command.js');
      exit(await schemasCommand(command.optsWithGlobals(), io));
    }),
};
