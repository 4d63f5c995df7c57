import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { CLUB } from './run-cli.js';

/** tmux 3.2 or later: the first with -D (a server that stays in the foreground, see below). */
export const hasTmux = (() => {
  try {
    const [, major, minor] = /(\d+)\.(\d+)/.exec(execFileSync('tmux', ['-V'], { encoding: 'utf8' })) ?? [];
    const ok = Number(major) > 3 || (Number(major) === 3 && Number(minor) >= 2);
    if (!ok) console.warn('tmux.ts: tmux is older than 3.2 (no -D): the terminal tests skip');
    return ok;
  } catch {
    return false;
  }
})();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pause = new Int32Array(new SharedArrayBuffer(4));

/** This worker's folder for its tmux sockets and each terminal's output (tmux pipe-pane), so a wait reads the screen only when something was written. */
let folder: string | undefined;
function privateFolder(): string {
  if (folder === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-tmux-'));
    process.once('exit', () => {
      if (server !== undefined) server.process.kill();
      rmSync(dir, { recursive: true, force: true });
    });
    folder = dir;
  }
  return folder;
}

/**
 * The tmux server the open terminals live in: this worker's own (its own socket, never the user's
 * tmux nor another test run's), started with -D so that it stays this process's child instead of
 * daemonizing. It is stopped when the last open terminal closes, after it has reaped its panes'
 * programs, and the worker reaps it: the CPU of the server and of every program that ran in its
 * panes counts in the test's own figures (`/usr/bin/time`, CLUB_TEST_CPU) — a daemon's counts nowhere.
 */
type Server = { socket: string; process: ChildProcess; exited: Promise<unknown>; panes: number[]; open: number };
let server: Server | undefined;
let servers = 0;
function serverSocket(): string {
  if (server === undefined) {
    const socket = path.join(privateFolder(), `server-${++servers}`);
    const child = spawn('tmux', ['-S', socket, '-f', '/dev/null', '-D'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('close', resolve).once('error', resolve));
    // The first command needs the socket: wait (a few milliseconds) until the server listens.
    for (let waited = 0; !existsSync(socket); waited += 2) {
      if (child.exitCode !== null || waited > 10_000) throw new Error(`tmux -D did not start a server at ${socket}`);
      Atomics.wait(pause, 0, 0, 2);
    }
    server = { socket, process: child, exited, panes: [], open: 0 };
  }
  return server.socket;
}
const tmuxAt = (socket: string, ...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
/** Ends the server once it has reaped the programs of its panes (ended by kill-session's hang-up), so their CPU is its. */
async function stopServer(s: Server): Promise<void> {
  for (let waited = 0; s.panes.some((pid) => existsSync(`/proc/${pid}`)) && waited < 5_000; waited += 10) await sleep(10);
  try {
    tmuxAt(s.socket, 'kill-server');
  } catch {
    s.process.kill();
  }
  await s.exited;
}
const tmux = (...args: string[]) => tmuxAt(serverSocket(), ...args);

const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
};

/** A program running in a real pseudo-terminal (a detached tmux session), typed at and read like a person would. */
export class Terminal {
  private closed = false;

  private constructor(readonly session: string, private readonly output: string, private readonly server: Server) {}

  /** Starts `command` in `cwd` with exactly `env` as its environment (env -i: nothing else of this process's). */
  static start(command: string, cwd: string, env: Record<string, string>): Terminal {
    const session = `club-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const output = path.join(privateFolder(), session);
    const exports = Object.entries(env).map(([k, v]) => `${k}='${v.replace(/'/g, "'\\''")}'`).join(' ');
    // One tmux call: the session, and its output copied to a file from the start.
    const pane = tmux('new-session', '-d', '-P', '-F', '#{pane_pid}', '-s', session, '-x', '120', '-y', '40', '-c', cwd,
      `env -i ${exports} ${command}; echo "EXIT:$?"; sleep 60`, ';', 'pipe-pane', '-t', session, `cat >> '${output}'`);
    server!.panes.push(Number(pane.trim()));
    server!.open++;
    return new Terminal(session, output, server!);
  }

  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.session);
  }

  /** A tmux format about this terminal's pane, e.g. '#{pane_title}'. */
  display(format: string): string {
    return tmux('display-message', '-p', '-t', this.session, format);
  }

  /**
   * Waits until the screen shows `text`, or fails with what it shows. Polls the size of the
   * terminal's output (no process) and reads the screen again only when output arrived, or
   * once a second whatever happened (a key may redraw what the output size does not show).
   */
  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const started = Date.now();
    let seen = Number.NaN;
    let read = 0;
    for (;;) {
      const size = sizeOf(this.output);
      if (size !== seen || Date.now() - read >= 1_000) {
        seen = size;
        read = Date.now();
        const screen = this.screen();
        if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen}`);
      }
      await sleep(25);
    }
  }

  /**
   * Types `term` into a search prompt and waits until the list it leaves puts `first` under the
   * cursor, with the whole term echoed on the prompt line: the unfiltered list may show `first`
   * too, and Enter pressed before the last key is applied would pick another entry.
   */
  async search(term: string, first: string): Promise<string> {
    await this.type(term);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.waitFor(new RegExp(`${escape(term)}\\n❯ ${escape(first)}`));
  }

  /** Types text one key at a time. */
  async type(text: string): Promise<void> {
    for (const ch of text) {
      tmux('send-keys', '-t', this.session, '-l', ch);
      await sleep(15);
    }
  }

  /**
   * Sends text at once, as if pasted (one tmux call, not one a key), and then Enter when asked:
   * for a shell's command lines, where what matters is the line, not the typing.
   */
  paste(text: string, enter = false): void {
    tmux('send-keys', '-t', this.session, '-l', text, ...(enter ? [';', 'send-keys', '-t', this.session, 'Enter'] : []));
  }

  /** Presses named keys: Enter, Down, Space, C-c… */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      tmux('send-keys', '-t', this.session, key);
      await sleep(60);
    }
  }

  /** Ends the program (tmux hangs it up); the last open terminal stops the server with it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    rmSync(this.output, { force: true });
    try {
      tmuxAt(this.server.socket, 'kill-session', '-t', this.session);
    } catch {
      // already gone
    }
    if (--this.server.open > 0) return;
    if (server === this.server) server = undefined;
    await stopServer(this.server);
  }
}

/**
 * For a test file: a function that starts the built `club` in a terminal, in
 * `cwd`, with today 2020-01-15, TERM=xterm and only PATH from this process
 * (`env` adds or replaces); every terminal it starts is closed after each test.
 */
export function clubTerminals(env: Record<string, string> = {}): (cwd: string, args: string, more?: Record<string, string>) => Terminal {
  const open: Terminal[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });
  return (cwd, args, more = {}) => {
    const t = Terminal.start(`${process.execPath} ${CLUB} ${args}`, cwd, { CLUB_TODAY: '2020-01-15', PATH: process.env.PATH ?? '', TERM: 'xterm', ...env, ...more });
    open.push(t);
    return t;
  };
}
