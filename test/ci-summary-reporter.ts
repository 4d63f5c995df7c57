import { readFileSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { cpuTable } from './helpers/test-cpu.js';

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, so
 * CI tools that read closing lines, not only vitest's own, see what ran; the line
 * before it names the Node that ran the tests (.ci/run runs them on two).
 * With CLUB_TEST_CPU=<file> set, first the CPU of each test file (test/helpers/test-cpu.ts
 * writes it there) and of vitest's own main process.
 */
export default class CiSummaryReporter implements Reporter {
  private readonly cpuFile = process.env.CLUB_TEST_CPU;

  onInit(): void {
    if (this.cpuFile) writeFileSync(this.cpuFile, '');
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    if (this.cpuFile) {
      const main = process.cpuUsage();
      process.stdout.write(`\nCPU per test file (CLUB_TEST_CPU=${this.cpuFile}; worker = the test file's own process, children = every process it waited for):\n`
        + `${cpuTable(readFileSync(this.cpuFile, 'utf8'))}\n`
        + `${((main.user + main.system) / 1e6).toFixed(2).padStart(8)}  vitest's main process (start, transform, reporting; the worker's start and the time between files are in no line)\n`);
    }
    process.stdout.write(`\nNode ${process.version}\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
