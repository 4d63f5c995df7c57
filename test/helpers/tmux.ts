import { execFileSync } from 'node:child_process';
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

/** A program running in a real pseudo-terminal (a detached tmux session), typed at and read like a person would. */
export class Terminal {
  private constructor(readonly session: string) {}

  static start(command: string, cwd: string, env: Record<string, string>): Terminal {
    const session = `club-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const exports = Object.entries(env).map(([k, v]) => `${k}='${v.replace(/'/g, "'\\''")}'`).join(' ');
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', cwd, `env ${exports} ${command}; echo "EXIT:$?"; sleep 60`);
    return new Terminal(session);
  }

  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.session);
  }

  /** Waits until the screen shows `text`, or fails with what it shows. */
  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen}`);
      await sleep(50);
    }
  }

  /** Types text one key at a time. */
  async type(text: string): Promise<void> {
    for (const ch of text) {
      tmux('send-keys', '-t', this.session, '-l', ch);
      await sleep(15);
    }
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
