import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
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

/** This worker's folder for its tmux sockets. */
let folder: string | undefined;
function privateFolder(): string {
  if (folder === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-tmux-'));
    process.once('exit', () => {
      if (server !== undefined) {
        server.control?.process.kill();
        server.process.kill();
      }
      rmSync(dir, { recursive: true, force: true });
    });
    folder = dir;
  }
  return folder;
}

/**
 * The tmux server the open terminals live in: this worker's own (its own socket, never the user's
 * tmux nor another test run's), started with -D so that it stays this process's child instead of
 * daemonizing. Each terminal is a window of the server's one session (whose first window, an idle
 * `cat`, keeps it between terminals). It is stopped when the last open terminal closes, or, for a test
 * file's clubTerminals(), after the file's last test, once it has reaped its panes' programs, and the
 * worker reaps it: the CPU of the server and of every program that ran in its panes counts in the
 * file's own figures (`/usr/bin/time`, CLUB_TEST_CPU) — a daemon's counts nowhere.
 *
 * Keys and screen reads go through one tmux client in control mode (`tmux -C`, a child of this worker
 * too): a line on its input per command, instead of a tmux process per key and per look at the
 * screen (each a fork of this worker, whose memory the whole suite has grown). The same client
 * says when a pane wrote something (%output), which is when a wait reads the screen again.
 */
type Server = { socket: string; process: ChildProcess; exited: Promise<unknown>; panes: number[]; open: number; control?: Control };
/** How many clubTerminals() of the running test file keep the server between their tests. */
let kept = 0;
let server: Server | undefined;
let servers = 0;
/** The session every terminal's window is in (one per server). */
const SESSION = 'club';
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
/** Ends the server once it has reaped the programs of its panes (ended by kill-window's hang-up), so their CPU is its. */
async function stopServer(s: Server): Promise<void> {
  if (server === s) server = undefined;
  for (let waited = 0; s.panes.some((pid) => existsSync(`/proc/${pid}`)) && waited < 5_000; waited += 10) await sleep(10);
  // A signal ends the server (no tmux process to run), and the control client with it.
  s.control?.end();
  s.process.kill();
  await Promise.all([s.exited, s.control?.exited]);
}
const tmux = (...args: string[]) => tmuxAt(serverSocket(), ...args);

/**
 * A command line for tmux's own parser (control mode reads commands as lines): every argument in double
 * quotes, with what tmux would read otherwise (\ " $ and control characters) escaped.
 */
function commandLine(args: string[]): string {
  const quote = (arg: string) => `"${arg.replace(/[\\"$]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}"`;
  return args.map(quote).join(' ');
}

/** A tmux client in control mode: commands written as lines, each answered by a %begin … %end (or %error) block, in order. */
class Control {
  readonly process: ChildProcess;
  readonly exited: Promise<unknown>;
  private readonly waiting: { resolve: (lines: string[]) => void; reject: (e: Error) => void; command: string }[] = [];
  private readonly outputSeen = new Map<string, () => void>();
  private block: string[] | undefined;
  private rest = Buffer.alloc(0);
  private ended = false;

  constructor(socket: string) {
    this.process = spawn('tmux', ['-S', socket, '-C', 'attach-session', '-t', SESSION], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.exited = new Promise((resolve) => this.process.once('close', resolve).once('error', resolve)).then(() => this.fail('the tmux control client ended'));
    this.process.stdin!.on('error', () => this.fail('the tmux control client ended'));
    this.process.stdout!.on('data', (data: Buffer) => {
      let chunk = this.rest.length > 0 ? Buffer.concat([this.rest, data]) : data;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10)) {
        this.line(chunk.subarray(0, nl).toString('utf8'));
        chunk = chunk.subarray(nl + 1);
      }
      this.rest = Buffer.from(chunk);
    });
  }

  /** Runs a tmux command; resolves with the lines it printed, rejects with its error. */
  run(...args: string[]): Promise<string[]> {
    const command = commandLine(args);
    return new Promise((resolve, reject) => {
      if (this.ended) return reject(new Error(`tmux ${args.join(' ')}: the tmux control client ended`));
      this.waiting.push({ resolve, reject, command });
      this.process.stdin!.write(`${command}\n`);
    });
  }

  /** Calls `wake` (once) when the pane writes something. */
  onOutput(pane: string, wake: () => void): void {
    this.outputSeen.set(pane, wake);
  }

  end(): void {
    this.ended = true;
    this.process.stdin!.end();
  }

  private line(text: string): void {
    if (this.block !== undefined) {
      // The end of this command's answer: %end or %error with the same time, number and flags as its %begin.
      const close = /^%(end|error) (\d+ \d+ \d+)$/.exec(text);
      if (close === null || close[2] !== this.block[0]) {
        this.block.push(text);
        return;
      }
      const [, ...lines] = this.block;
      this.block = undefined;
      const mine = close[2]!.endsWith(' 1'); // flags 1: a command of this client's input, not the attach itself
      if (!mine) return;
      const waiter = this.waiting.shift();
      if (waiter === undefined) return;
      if (close[1] === 'end') waiter.resolve(lines);
      else waiter.reject(new Error(`tmux ${waiter.command}: ${lines.join('\n')}`));
      return;
    }
    const begin = /^%begin (\d+ \d+ \d+)$/.exec(text);
    if (begin !== null) {
      this.block = [begin[1]!];
      return;
    }
    const output = /^%output (%\d+) /.exec(text);
    if (output !== null) {
      const wake = this.outputSeen.get(output[1]!);
      if (wake !== undefined) {
        this.outputSeen.delete(output[1]!);
        wake();
      }
    }
  }

  private fail(why: string): void {
    this.ended = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`tmux ${waiter.command}: ${why}`));
    for (const wake of this.outputSeen.values()) wake();
    this.outputSeen.clear();
  }
}

/** A program running in a real pseudo-terminal (a tmux window, 120x40), typed at and read like a person would. */
export class Terminal {
  private closed = false;
  /** Whether the pane wrote something since the screen was last read. */
  private written = true;

  private constructor(readonly session: string, private readonly pane: string, private readonly server: Server) {}

  /** Starts `command` in `cwd` with exactly `env` as its environment (env -i: nothing else of this process's). */
  static start(command: string, cwd: string, env: Record<string, string>): Terminal {
    const name = `club-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const exports = Object.entries(env).map(([k, v]) => `${k}='${v.replace(/'/g, "'\\''")}'`).join(' ');
    const program = `env -i ${exports} ${command}; echo "EXIT:$?"; sleep 60`;
    serverSocket();
    const s = server!;
    // The session first (120x40, the size of every window made in it after: a control client that never set a
    // size of its own does not resize them), with an idle first window that keeps it between terminals.
    const made = tmux(...(s.control === undefined ? ['new-session', '-d', '-s', SESSION, '-x', '120', '-y', '40', 'exec cat', ';'] : []),
      'new-window', '-d', '-P', '-F', '#{pane_id} #{pane_pid}', '-t', `${SESSION}:`, '-n', name, '-c', cwd, program);
    const [pane, pid] = made.trim().split(' ');
    s.control ??= new Control(s.socket);
    s.panes.push(Number(pid));
    s.open++;
    const t = new Terminal(name, pane!, s);
    return t;
  }

  /** What the terminal shows now (a tmux process: for callers that cannot wait; waitFor reads it through the control client). */
  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.pane);
  }

  /** A tmux format about this terminal's pane, e.g. '#{pane_title}'. */
  display(format: string): string {
    return tmux('display-message', '-p', '-t', this.pane, format);
  }

  private async read(): Promise<string> {
    this.written = false;
    this.server.control!.onOutput(this.pane, () => {
      this.written = true;
    });
    const lines = await this.server.control!.run('capture-pane', '-p', '-t', this.pane);
    return lines.map((line) => `${line}\n`).join('');
  }

  /** Resolves when the pane writes something, or after `ms`. */
  private written$(ms: number): Promise<void> {
    if (this.written) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.server.control!.onOutput(this.pane, () => {
        this.written = true;
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Waits until the screen shows `text`, or fails with what it shows. Reads the screen again when the
   * pane wrote something (tmux's control client says so), or once a second whatever happened (a key may
   * redraw what no output shows).
   */
  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = await this.read();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen}`);
      await this.written$(1_000);
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
      await this.server.control!.run('send-keys', '-t', this.pane, '-l', ch);
      await sleep(15);
    }
  }

  /**
   * Sends text at once, as if pasted (one tmux call, not one a key), and then Enter when asked:
   * for a shell's command lines, where what matters is the line, not the typing.
   */
  paste(text: string, enter = false): void {
    tmux('send-keys', '-t', this.pane, '-l', text, ...(enter ? [';', 'send-keys', '-t', this.pane, 'Enter'] : []));
  }

  /** Presses named keys: Enter, Down, Space, C-c… */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.server.control!.run('send-keys', '-t', this.pane, key);
      await sleep(60);
    }
  }

  /** Ends the program (tmux hangs it up); the last open terminal stops the server with it, unless a test file's clubTerminals() keeps it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.server.control!.run('kill-window', '-t', this.pane).catch(() => undefined);
    if (--this.server.open > 0 || (kept > 0 && server === this.server)) return;
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
  // One server for the file's tests (each test's terminals closed after it), stopped after the last.
  kept++;
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });
  afterAll(async () => {
    kept--;
    if (kept === 0 && server !== undefined && server.open === 0) await stopServer(server);
  });
  return (cwd, args, more = {}) => {
    const t = Terminal.start(`${process.execPath} ${CLUB} ${args}`, cwd, { CLUB_TODAY: '2020-01-15', PATH: process.env.PATH ?? '', TERM: 'xterm', ...env, ...more });
    open.push(t);
    return t;
  };
}
