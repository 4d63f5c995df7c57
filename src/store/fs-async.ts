import * as fs from 'node:fs';

/**
 * The promise file calls club uses, made on node:fs's callback functions: the same system calls, errors (with their
 * `code`) and results as node:fs/promises, without loading it. Node 20's fs/promises loads ten internal modules at
 * first require (FileHandle, readline's interface, the watchers, fs.Dir, rimraf), ~2 ms of CPU, and every module that
 * imports it is initialised when the bundle starts: so every club run paid for it, and each of the crash tests' hundred
 * or so killed processes. Only what club calls is here; `open` gives a small handle with the FileHandle methods used.
 */
function call<T>(run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

export const readFile: {
  (file: string, encoding: 'utf8'): Promise<string>;
  (file: string): Promise<Buffer>;
} = ((file: string, encoding?: 'utf8') => call<string | Buffer>((done) => (encoding === undefined ? fs.readFile(file, done) : fs.readFile(file, encoding, done)))) as never;

export const writeFile = (file: string, data: string | Uint8Array, options?: fs.WriteFileOptions): Promise<void> =>
  call<void>((done) => fs.writeFile(file, data, options ?? {}, done));

export const link = (existing: string, name: string): Promise<void> => call<void>((done) => fs.link(existing, name, done));
export const rename = (from: string, to: string): Promise<void> => call<void>((done) => fs.rename(from, to, done));
export const rm = (file: string, options?: fs.RmOptions): Promise<void> => call<void>((done) => fs.rm(file, options ?? {}, done));
export const lstat = (file: string): Promise<fs.Stats> => call<fs.Stats>((done) => fs.lstat(file, done));
export const stat = (file: string): Promise<fs.Stats> => call<fs.Stats>((done) => fs.stat(file, done));
export const mkdir = (folder: string, options?: fs.MakeDirectoryOptions): Promise<string | undefined> =>
  call<string | undefined>((done) => fs.mkdir(folder, options ?? {}, done));
export const mkdtemp = (prefix: string): Promise<string> => call<string>((done) => fs.mkdtemp(prefix, done));
/** The system's realpath(3), as fs/promises' realpath (node:fs's callback realpath is another, JavaScript, walk). */
export const realpath = (file: string): Promise<string> => call<string>((done) => fs.realpath.native(file, done));

export const readdir: {
  (folder: string): Promise<string[]>;
  (folder: string, options: { withFileTypes: true }): Promise<fs.Dirent[]>;
} = ((folder: string, options?: { withFileTypes: true }) =>
  call<string[] | fs.Dirent[]>((done) => (options === undefined ? fs.readdir(folder, done) : fs.readdir(folder, options, done)))) as never;

/** An open file: the FileHandle methods club uses, on its descriptor. */
export interface OpenFile {
  readonly fd: number;
  chmod(mode: number): Promise<void>;
  /** Writes all of `data` from the current position (FileHandle.writeFile). */
  writeFile(data: string | Uint8Array, encoding?: 'utf8'): Promise<void>;
  readFile(): Promise<Buffer>;
  stat(): Promise<fs.Stats>;
  sync(): Promise<void>;
  /**
   * Closes the descriptor once, as FileHandle.close does: a later call (a clean-up after a close that failed) does
   * nothing, so it cannot close another file that has since been given the same number.
   */
  close(): Promise<void>;
}

export async function open(file: string, flags: string | number, mode?: number): Promise<OpenFile> {
  const fd = await call<number>((done) => fs.open(file, flags, mode, done));
  let closing: Promise<void> | undefined;
  return {
    fd,
    chmod: (m) => call<void>((done) => fs.fchmod(fd, m, done)),
    writeFile: (data, encoding) => call<void>((done) => fs.writeFile(fd, data, encoding ?? 'utf8', done)),
    readFile: () => call<Buffer>((done) => fs.readFile(fd, done)),
    stat: () => call<fs.Stats>((done) => fs.fstat(fd, done)),
    sync: () => call<void>((done) => fs.fsync(fd, done)),
    close: () => (closing ??= call<void>((done) => fs.close(fd, done))),
  };
}
