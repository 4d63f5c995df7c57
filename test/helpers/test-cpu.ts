import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Opt-in (CLUB_TEST_CPU=<file>, Linux): the CPU of each test file, as /proc/self/stat counts it for the worker
 * that runs it — its own user + system time, and that of every child process it waited for: the CLIs, git, npm,
 * LibreOffice, and the tmux server of the terminal tests with all that ran in its panes (test/helpers/tmux.ts
 * keeps that server a child of the worker, not a daemon, so it is counted). The window opens when the setup file
 * runs (before the test file is imported) and closes in its afterAll. ci-summary-reporter.ts prints the table.
 */
const TICK = 100; // clock ticks per second (USER_HZ, 100 on Linux)

function ticks(): { self: number; children: number } | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // Fields 14-17 of proc(5) (utime stime cutime cstime), counted from the state (field 3) here.
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return { self: utime! + stime!, children: cutime! + cstime! };
  } catch {
    return undefined;
  }
}

/** Starts measuring; the function returned appends `<self s> <children s> <wall ms> <file>` to `out`. */
export function recordFileCpu(out: string): (file: string) => void {
  const start = ticks();
  const started = Date.now();
  return (file) => {
    const end = ticks();
    if (start === undefined || end === undefined) return;
    const self = (end.self - start.self) / TICK;
    const children = (end.children - start.children) / TICK;
    appendFileSync(out, `${self.toFixed(2)} ${children.toFixed(2)} ${Date.now() - started} ${path.relative(process.cwd(), file)}\n`);
  };
}

/** The table of a run's lines (most CPU first) with their sums. */
export function cpuTable(text: string): string {
  const rows = text.split('\n').filter(Boolean).map((line) => {
    const [self, children, wall, ...file] = line.split(' ');
    return { self: Number(self), children: Number(children), wall: Number(wall), file: file.join(' ') };
  }).sort((a, b) => b.self + b.children - (a.self + a.children));
  const sum = (key: 'self' | 'children') => rows.reduce((s, r) => s + r[key], 0);
  const line = (cpu: number, self: number, children: number, wall: string, file: string) =>
    `${cpu.toFixed(2).padStart(8)} ${self.toFixed(2).padStart(8)} ${children.toFixed(2).padStart(8)} ${wall.padStart(8)}  ${file}`;
  return [
    `${'CPU s'.padStart(8)} ${'worker'.padStart(8)} ${'children'.padStart(8)} ${'wall ms'.padStart(8)}  file`,
    ...rows.map((r) => line(r.self + r.children, r.self, r.children, String(r.wall), r.file)),
    line(sum('self') + sum('children'), sum('self'), sum('children'), '', `all ${rows.length} files`),
  ].join('\n');
}
