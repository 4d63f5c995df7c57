import { fstatSync } from 'node:fs';
import { logSafe, terminalSafe } from '../report/printable.js';
import type { Io, OutStream } from './io.js';

/** Is the stream a regular file (`> out.csv`)? Then no one reads it as a terminal or a log. */
function isRegularFile(stream: OutStream): boolean {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return false;
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

const inCi = (env: NodeJS.ProcessEnv): boolean => Boolean(env.CI || env.GITHUB_ACTIONS || env.TF_BUILD);

function guarded(stream: OutStream, safe: (text: string) => string): OutStream {
  return {
    isTTY: stream.isTTY,
    write: (text: string) => stream.write(safe(String(text))),
  };
}

/**
 * The edge every string club prints passes through. Messages (stderr) are
 * always for people: no escape sequence but colour, nothing invisible, no
 * workflow command. Data (stdout) is neutralised the same way at a terminal;
 * in a CI job's log only workflow commands are defused, so a program reading a
 * pipe gets the values; a file (`> out.csv`) gets them exactly. `commands` is
 * the stdout left as it is, for the workflow commands `--format github` means.
 */
export function guardIo(io: Io): Io {
  if (io.commands !== undefined) return io; // already guarded
  const stdoutSafe = io.stdout.isTTY ? (t: string) => terminalSafe(t, true)
    : isRegularFile(io.stdout) || !inCi(io.env) ? undefined : logSafe;
  // The other fields as they are: a getter stays a getter (bin/club makes stdin only when asked for).
  return Object.defineProperties(Object.defineProperties({}, Object.getOwnPropertyDescriptors(io)), {
    stdout: { value: stdoutSafe ? guarded(io.stdout, stdoutSafe) : io.stdout, enumerable: true },
    stderr: { value: guarded(io.stderr, (t) => terminalSafe(t, true)), enumerable: true },
    rawStderr: { value: io.stderr, enumerable: true },
    commands: { value: io.stdout, enumerable: true },
  }) as Io;
}
