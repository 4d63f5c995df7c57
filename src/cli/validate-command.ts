import { realpathSync } from 'node:fs';
import path from 'node:path';
import { formatGithub } from '../report/github.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { version } from './version.js';
import { summarize } from '../report/summary.js';
import { formatText } from '../report/text.js';
import { EXIT, IoError, UsageError } from './errors.js';
import { colorLevel, textStyle, type Io } from './io.js';
import { loadData } from './load-data.js';

export interface ValidateOptions {
  data?: string;
  asOf?: string;
  color: boolean;
  format: 'text' | 'json' | 'github' | 'sarif' | 'junit';
  strict: boolean;
}

/** `club validate [files…]`: check the whole folder, report on all of it or on the files named. */
export async function validateCommand(named: string[], options: ValidateOptions, io: Io): Promise<number> {
  const data = await loadData(options, io);
  let diagnostics = data.diagnostics;
  let fileCount = data.fileCount;
  const wanted = new Set(named.map((n) => shownPath(n, data.dataDir, io.cwd)));
  if (named.length > 0) {
    diagnostics = diagnostics.filter((d) => wanted.has(d.file));
    fileCount = wanted.size;
  }

  const summary = summarize(diagnostics, fileCount);
  const failed = summary.errors > 0 || (options.strict && summary.warnings > 0);
  switch (options.format) {
    case 'json':
      io.stdout.write(formatJson(diagnostics, summary, data.today, !failed));
      break;
    case 'github':
      io.stdout.write(formatGithub(diagnostics, summary));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(diagnostics, version()));
      break;
    case 'junit':
      io.stdout.write(formatJunit(diagnostics, named.length > 0 ? [...wanted] : data.checkedFiles, options.strict));
      break;
    default:
      io.stderr.write(formatText(diagnostics, summary, await textStyle(colorLevel(io.stderr, io.env, options.color))));
  }
  return failed ? EXIT.invalid : EXIT.ok;
}

/** A file named on the command line, as diagnostics show it; it must be a record file of the data folder. */
function shownPath(name: string, dataDir: string, cwd: string): string {
  const absolute = path.resolve(cwd, name);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    throw new IoError(`${name}: no such file`);
  }
  const root = realpathSync(dataDir);
  const inside = path.relative(root, real);
  if (inside.startsWith('..') || path.isAbsolute(inside) || !/\.ya?ml$/.test(real)) {
    throw new UsageError(`${name} is not a record file of the data folder ${path.relative(cwd, dataDir) || '.'}`,
      'name files under the data folder, or pass --data for the folder they belong to');
  }
  return path.relative(cwd, path.join(dataDir, inside)).split(path.sep).join('/');
}
