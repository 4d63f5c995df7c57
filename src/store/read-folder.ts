import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS, type Collection } from '../model/types.js';
import { LIMITS } from '../parse/limits.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { didYouMean } from '../validate/suggest.js';

/** One file of the data folder, read as text, or the reason it could not be. */
export interface SourceFile {
  /** Absolute path. */
  absolute: string;
  /** As shown to the user: relative to the working directory, with `/`. */
  file: string;
  /** `club` for club.yaml, else the collection folder it sits in. */
  collection: Collection | 'club';
  /** File name without extension: the record's id. */
  stem: string;
  text?: string;
}

export interface FolderContents {
  files: SourceFile[];
  /** Problems found before any file was parsed: unreadable, too large, not UTF-8, a link out of the folder… */
  diagnostics: Diagnostic[];
}

const RECORD_FILE = /\.ya?ml$/;

function fileDiagnostic(file: string, code: string, message: string, hint?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, severity, message, ...(hint ? { hint } : {}), file, line: 1, column: 1, path: '' };
}

/** Reads club.yaml and every record file of every collection folder. Never throws for a bad file. */
export async function readDataFolder(dataDir: string, cwd: string): Promise<FolderContents> {
  const root = await realpath(dataDir);
  const show = (absolute: string) => path.relative(cwd, absolute).split(path.sep).join('/');
  const diagnostics: Diagnostic[] = [];
  const candidates: SourceFile[] = [];

  const topEntries = await readdir(dataDir, { withFileTypes: true });
  for (const entry of topEntries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const absolute = path.join(dataDir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (COLLECTIONS.includes(entry.name as Collection)) {
      if (!entry.isDirectory()) {
        diagnostics.push(fileDiagnostic(show(absolute), 'not-a-folder', `${entry.name} should be the folder of ${entry.name} records`));
      }
      continue;
    }
    if (entry.name === 'club.yaml') continue;
    if (entry.isDirectory()) {
      diagnostics.push(fileDiagnostic(show(absolute), 'unknown-folder',
        `the folder ${entry.name}/ is not a collection, so its files are not checked`,
        didYouMean(entry.name, COLLECTIONS, (c) => `${c}/`) ?? `collections are ${COLLECTIONS.join(', ')}`, 'warning'));
    } else if (RECORD_FILE.test(entry.name)) {
      diagnostics.push(fileDiagnostic(show(absolute), 'unknown-file',
        `${entry.name} is not a record file: only club.yaml sits at the top of the data folder`,
        'move a record into its collection folder (members/, officers/, meetings/, publications/)', 'warning'));
    }
  }

  const clubPath = path.join(dataDir, 'club.yaml');
  candidates.push({ absolute: clubPath, file: show(clubPath), collection: 'club', stem: 'club' });

  for (const collection of COLLECTIONS) {
    const folder = path.join(dataDir, collection);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue; // an absent collection is an empty one
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || !RECORD_FILE.test(entry.name)) continue;
      const absolute = path.join(folder, entry.name);
      candidates.push({ absolute, file: show(absolute), collection, stem: entry.name.replace(RECORD_FILE, '') });
    }
  }

  const results = await Promise.all(candidates.map((c) => readOne(c, root)));
  const files: SourceFile[] = [];
  for (const [i, result] of results.entries()) {
    if ('diagnostic' in result) diagnostics.push(result.diagnostic);
    else files.push({ ...candidates[i]!, text: result.text });
  }
  return { files, diagnostics };
}

async function readOne(c: SourceFile, root: string): Promise<{ text: string } | { diagnostic: Diagnostic }> {
  const fail = (code: string, message: string, hint?: string) => ({ diagnostic: fileDiagnostic(c.file, code, message, hint) });
  let info;
  try {
    info = await lstat(c.absolute);
  } catch {
    return c.collection === 'club'
      ? fail('missing-club-file', 'the data folder has no club.yaml', 'run `club init` or add club.yaml with the club\'s name, divisions, member countries and positions')
      : fail('unreadable-file', 'the file cannot be read');
  }
  if (info.isSymbolicLink()) {
    let target;
    try {
      target = await realpath(c.absolute);
    } catch {
      return fail('broken-link', 'the file is a symbolic link to nothing');
    }
    if (target !== root && !target.startsWith(root + path.sep)) {
      return fail('link-outside-data', 'the file is a symbolic link that leads out of the data folder; it is not read',
        'replace the link with the record itself');
    }
    info = await stat(c.absolute);
  }
  if (info.isDirectory()) return fail('not-a-file', 'this is a folder named like a record file');
  if (!info.isFile()) return fail('not-a-file', 'this is not a regular file');
  if (info.size > LIMITS.fileBytes) {
    return fail('file-too-large', `the file is ${info.size.toLocaleString('en')} bytes; a record file may be at most ${LIMITS.fileBytes.toLocaleString('en')}`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(c.absolute);
  } catch {
    return fail('unreadable-file', 'the file cannot be read');
  }
  if (bytes.includes(0)) return fail('binary-file', 'the file holds binary data (a NUL byte), not YAML text');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { diagnostic: { ...fileDiagnostic(c.file, 'invalid-utf8', 'the file is not valid UTF-8 text', 'save it as UTF-8'), ...at } };
  }
}

/** Line and column of the first byte that breaks UTF-8, so the message can point at it. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  const lenient = bytes.toString('utf8'); // bad bytes become U+FFFD
  const prefix = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
  const lines = prefix.split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

