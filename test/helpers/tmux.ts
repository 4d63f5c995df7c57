import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { CLUB } from './run-cli.js';

export const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where each terminal's output is copied (tmux pipe-pane), so a wait reads the screen only when something was written. */
let pipes: string | undefined;
function pipeFile(session: string): string {
  if (pipes === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-tmux-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    pipes = dir;
  }
  return path.join(pipes, session);
}

const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
};

/** A program running in a real pseudo-terminal (a detached tmux session), typed at and read like a person would. */
export class Terminal {
  private constructor(readonly session: string, private readonly output: string) {}

  static start(command: string, cwd: string, env: Record<string, string>): Terminal {
    const session = `club-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const output = pipeFile(session);
    const exports = Object.entries(env).map(([k, v]) => `${k}='${v.replace(/'/g, "'\\''")}'`).join(' ');
    // One tmux call: the session, and its output copied to a file from the start.
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', cwd, `env ${exports} ${command}; echo "EXIT:$?"; sleep 60`,
      ';', 'pipe-pane', '-t', session, `cat >> '${output}'`);
    return new Terminal(session, output);
  }

  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.session);
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

  close(): void {
    try {
      tmux('kill-session', '-t', this.session);
    } catch {
      // already gone
    }
    rmSync(this.output, { force: true });
  }
}

/**
 * For a test file: a function that starts the built `club` in a terminal, in
 * `cwd`, with today 2020-01-15, TERM=xterm and only PATH from this process
 * (`env` adds or replaces); every terminal it starts is closed after each test.
 */
export function clubTerminals(env: Record<string, string> = {}): (cwd: string, args: string, more?: Record<string, string>) => Terminal {
  const open: Terminal[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) t.close();
  });
  return (cwd, args, more = {}) => {
    const t = Terminal.start(`${process.execPath} ${CLUB} ${args}`, cwd, { CLUB_TODAY: '2020-01-15', PATH: process.env.PATH ?? '', TERM: 'xterm', ...env, ...more });
    open.push(t);
    return t;
  };
}
