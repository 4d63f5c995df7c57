import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { readdir, realpath } from './fs-async.js';
import path from 'node:path';
import { COLLECTIONS, type Collection } from '../model/types.js';
import { LIMITS } from '../parse/limits.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { IoError } from '../errors/errors.js';

/** One file of the data folder, read as text. */
export interface SourceFile {
  /** As shown to the user: relative to the working directory, with `/`. */
  file: string;
  /** `club` for club.yaml, else the collection folder it sits in. */
  collection: Collection | 'club';
  /** File name without extension: the record's id. */
  stem: string;
  readonly text: string;
  /** Lets the text go; reading `text` again reads the file again. */
  release(): void;
}

/** Where the files of one folder are: every file of it shares this, so it keeps no path of its own to read again. */
interface Place {
  /** The folder, as a path to open. */
  dir: string;
  /** The data folder's real path: no file is read from beyond it. */
  root: string;
}

/**
 * A file of the folder. Its text is kept until the loader has parsed and checked
 * it; after that, `text` reads the file again (a diagnostic's position, a change
 * checked against the folder): 100,000 texts held to the end took ~17 MB.
 */
class FolderFile implements SourceFile {
  readonly file: string;
  readonly collection: Collection | 'club';
  readonly stem: string;
  #text: string | undefined;
  readonly #place: Place;
  /** The entry's name in its folder (`file` is made of it: reading it back from `file` would copy `file`). */
  readonly #name: string;
  /** What the folder listing said the entry was: it is read again the same way. */
  readonly #kind: Candidate['kind'];

  constructor(shownFolder: string, name: string, collection: Collection | 'club', stem: string, kind: Candidate['kind'], place: Place) {
    this.file = shownFolder + name;
    this.#name = name;
    this.collection = collection;
    this.stem = stem;
    this.#kind = kind;
    this.#place = place;
  }

  /** Reads the file: its text, or what keeps it from being read. */
  read(): { text: string } | { diagnostic: Diagnostic } {
    const absolute = `${this.#place.dir}${path.sep}${this.#name}`;
    return readOne({ absolute, file: this.file, collection: this.collection, stem: this.stem, kind: this.#kind }, this.#place.root);
  }

  get text(): string {
    if (this.#text !== undefined) return this.#text;
    const again = this.read();
    if ('diagnostic' in again) {
      throw new IoError(`${this.file} changed while club was reading the data folder: ${again.diagnostic.message}`, 'run the command again');
    }
    return again.text; // not kept: whoever asks again after a release reads again
  }

  keep(text: string): void {
    this.#text = text;
  }

  release(): void {
    this.#text = undefined;
  }
}

/** A file to read. */
interface Candidate {
  absolute: string;
  file: string;
  collection: Collection | 'club';
  stem: string;
  /** What the folder listing said the entry is; `unknown` for club.yaml, which is not listed. */
  kind: 'file' | 'link' | 'folder' | 'other' | 'unknown';
}

export interface FolderContents {
  files: SourceFile[];
  /** Problems found before any file was parsed: unreadable, too large, not UTF-8, a link out of the folder… */
  diagnostics: Diagnostic[];
}

/** The folder listed, its files not read yet: `files` and `diagnostics` fill as `readEach()` is iterated. */
export interface FolderListing extends FolderContents {
  /**
   * Reads the files one at a time as the loop asks for them, so a loader that parses each before
   * asking for the next holds one text at a time: at 100,000 files, reading all before parsing any
   * kept every text alive long enough to be copied into the old generation (garbage collection took
   * ~1.2 s of a 4.3 s run). A file that cannot be read is a diagnostic, not yielded.
   */
  readEach(): Iterable<SourceFile>;
}

const RECORD_FILE = /\.ya?ml$/;

function fileDiagnostic(file: string, code: string, message: string, hint?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, severity, message, ...(hint ? { hint } : {}), file, line: 1, column: 1, path: '' };
}

/** Reads club.yaml and every record file of every collection folder. Never throws for a bad file. */
export async function readDataFolder(dataDir: string, cwd: string): Promise<FolderContents> {
  const listing = await listDataFolder(dataDir, cwd);
  for (const file of listing.readEach()) void file; // every file read, in order
  return { files: listing.files, diagnostics: listing.diagnostics };
}

/** Lists club.yaml and every record file of every collection folder, to be read by `readEach()`. Never throws for a bad file. */
export async function listDataFolder(dataDir: string, cwd: string): Promise<FolderListing> {
  const show = (absolute: string) => path.relative(cwd, absolute).split(path.sep).join('/');
  const diagnostics: Diagnostic[] = [];
  const candidates: FolderFile[] = [];

  let root: string;
  let topEntries;
  try {
    root = await realpath(dataDir);
    topEntries = await readdir(dataDir, { withFileTypes: true });
  } catch (error) {
    throw new IoError(`cannot read the data folder ${show(dataDir) || '.'}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'check its permissions, or pass --data for another folder');
  }
  for (const entry of topEntries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const absolute = path.join(dataDir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (COLLECTIONS.includes(entry.name as Collection)) {
      if (!entry.isDirectory() && !entry.isSymbolicLink()) {
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
  const clubFile = show(clubPath);
  candidates.push(new FolderFile(clubFile.slice(0, -'club.yaml'.length), 'club.yaml', 'club', 'club', 'unknown', { dir: dataDir, root }));

  for (const collection of COLLECTIONS) {
    const folder = path.join(dataDir, collection);
    const shownFolder = show(folder); // once per folder, not per file
    const folderProblem = (code: string, message: string, hint?: string) => diagnostics.push(fileDiagnostic(shownFolder, code, message, hint));
    let entries;
    try {
      // The boundary holds for folders as for files: a collection folder that leads out of the data folder is not read.
      const real = await realpath(folder);
      if (real !== path.join(root, collection) && !real.startsWith(root + path.sep)) {
        folderProblem('link-outside-data', `the folder ${collection}/ is a symbolic link that leads out of the data folder; its files are not read`,
          `replace the link with the folder of ${collection} records itself`);
        continue;
      }
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // an absent collection is an empty one
      if (code === 'ENOTDIR') continue; // reported above as not-a-folder
      folderProblem('unreadable-folder', `the folder ${collection}/ cannot be read (${code ?? 'unknown error'}), so none of its records are checked`,
        'check its permissions');
      continue;
    }
    const prefix = shownFolder === '' ? '' : `${shownFolder}/`; // one string per folder: a file's name is this and its entry's
    const place: Place = { dir: folder, root };
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue; // hidden: editors' and club's own temporary files
      if (!RECORD_FILE.test(entry.name)) {
        // Not a record, and not silently either: a broken record named x.YAML or put in a subfolder would pass unseen.
        const shownEntry = `${shownFolder === '' ? '' : `${shownFolder}/`}${entry.name}`;
        diagnostics.push(entry.isDirectory()
          ? fileDiagnostic(shownEntry, 'not-checked', `the folder ${collection}/${entry.name}/ is not checked: records sit directly in ${collection}/`,
            `move its records up into ${collection}/`, 'warning')
          : fileDiagnostic(shownEntry, 'not-checked', `${entry.name} is not checked: only files ending in .yaml or .yml are records`,
            /\.ya?ml$/i.test(entry.name) ? `rename it to ${entry.name.replace(/\.ya?ml$/i, '.yaml')}` : `remove it, or move it out of ${collection}/`, 'warning'));
        continue;
      }
      const kind = entry.isSymbolicLink() ? 'link' : entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other';
      candidates.push(new FolderFile(prefix, entry.name, collection, entry.name.replace(RECORD_FILE, ''), kind, place));
    }
  }

  // Synchronous reads: for thousands of small files, one open-fstat-read-close each
  // costs less than the promise machinery of the async API.
  const files: SourceFile[] = [];
  let started = false;
  function* readEach(): Generator<SourceFile> {
    if (started) throw new Error('readEach: the folder is read once');
    started = true;
    for (const c of candidates) {
      const result = c.read();
      if ('diagnostic' in result) diagnostics.push(result.diagnostic);
      else {
        c.keep(result.text);
        files.push(c);
        yield c;
      }
    }
  }
  return { files, diagnostics, readEach };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** The bytes of the file being read: grows to the size of the largest file read, at most LIMITS.fileBytes + 1. */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

function readOne(c: Candidate, root: string): { text: string } | { diagnostic: Diagnostic } {
  const fail = (code: string, message: string, hint?: string) => ({ diagnostic: fileDiagnostic(c.file, code, message, hint) });
  let kind = c.kind;
  if (kind === 'unknown') {
    try {
      const info = lstatSync(c.absolute);
      kind = info.isSymbolicLink() ? 'link' : info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
    } catch {
      return c.collection === 'club'
        ? fail('missing-club-file', 'the data folder has no club.yaml', 'run `club init` or add club.yaml with the club\'s name, divisions, member countries and positions')
        : fail('unreadable-file', 'the file cannot be read');
    }
  }
  if (kind === 'link') {
    let target;
    try {
      target = realpathSync(c.absolute);
    } catch {
      return fail('broken-link', 'the file is a symbolic link to nothing');
    }
    if (target !== root && !target.startsWith(root + path.sep)) {
      return fail('link-outside-data', 'the file is a symbolic link that leads out of the data folder; it is not read',
        'replace the link with the record itself');
    }
    // A link to another record file of the data folder would make one record two (one person listed twice).
    const within = path.relative(root, target).split(path.sep);
    if (RECORD_FILE.test(target) && (within.length === 1 ? within[0] === 'club.yaml' : within.length === 2 && COLLECTIONS.includes(within[0] as Collection))) {
      return fail('link-inside-data', `the file is a symbolic link to ${within.join('/')}, another record file of the data folder; a record is one file, so the link is not read`,
        'remove the link');
    }
    const info = statSync(c.absolute);
    kind = info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
  }
  if (kind === 'folder') return fail('not-a-file', 'this is a folder named like a record file');
  if (kind !== 'file') return fail('not-a-file', 'this is not a regular file');
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a file swapped for a link after the folder was listed is not followed.
    fd = openSync(c.absolute, fsConstants.O_RDONLY | (c.kind === 'link' ? 0 : fsConstants.O_NOFOLLOW));
    // Read into one buffer shared by every file, without asking the file's size first: at 100,000
    // files, fstat's Stats object (four Dates each) and a buffer per file cost ~5% of `club validate`.
    // Only a file that fills the limit, or that cannot be read, is looked at more closely.
    let read = 0;
    for (;;) {
      if (read === scratch.length) {
        if (read > LIMITS.fileBytes) break;
        const bigger = Buffer.allocUnsafeSlow(Math.min(2 * scratch.length, LIMITS.fileBytes + 1));
        scratch.copy(bigger, 0, 0, read);
        scratch = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, scratch, read, scratch.length - read, read);
      } catch (error) {
        if (!fstatSync(fd).isFile()) return fail('not-a-file', 'this is not a regular file');
        throw error;
      }
      if (n === 0) break;
      read += n;
    }
    if (read > LIMITS.fileBytes) {
      const size = Math.max(read, fstatSync(fd).size);
      return fail('file-too-large', `the file is ${size.toLocaleString('en')} bytes; a record file may be at most ${LIMITS.fileBytes.toLocaleString('en')}`);
    }
    bytes = scratch.subarray(0, read);
  } catch {
    return fail('unreadable-file', 'the file cannot be read');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.includes(0)) return fail('binary-file', 'the file holds binary data (a NUL byte), not YAML text');
  try {
    return { text: utf8.decode(bytes) };
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

