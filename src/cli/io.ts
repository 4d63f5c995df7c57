import { PLAIN, type TextStyle } from '../report/text.js';

export interface OutStream {
  write(text: string | Uint8Array): unknown;
  isTTY?: boolean;
}

/** The world a command may touch: streams, environment, working directory, clock. */
export interface Io {
  /** Read only by prompts, and only when it is a terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: OutStream;
  stderr: OutStream;
  /** stdout as it is, only for workflow commands club means (`--format github`); set by guardIo. */
  commands?: OutStream;
  /** stderr as it is, only for the prompt library's own cursor movements; set by guardIo. */
  rawStderr?: OutStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now(): Date;
}

/**
 * Colour is decided once per stream: off when it is not a terminal, when NO_COLOR
 * is set and not empty, when TERM=dumb, or with --no-color. chalk alone ignores NO_COLOR.
 */
export function colorLevel(stream: OutStream, env: NodeJS.ProcessEnv, colorFlag: boolean): 0 | 1 {
  if (!colorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.TERM === 'dumb') return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return 1;
  return stream.isTTY ? 1 : 0;
}

/** Colours for the text report; chalk is loaded only when there is colour to show. */
export async function textStyle(level: 0 | 1): Promise<TextStyle> {
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level });
  return { file: c.underline, error: c.red, warning: c.yellow, dim: c.dim, ok: c.green };
}

/** Bold for table headers, or nothing without colour. */
export async function boldStyle(level: 0 | 1): Promise<(s: string) => string> {
  if (level === 0) return (s) => s;
  const { Chalk } = await import('chalk');
  return new Chalk({ level }).bold;
}
