import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, so
 * CI tools that read closing lines, not only vitest's own, see what ran; the line
 * before it names the Node that ran the tests (.ci/run runs them on two).
 */
export default class CiSummaryReporter implements Reporter {
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
    process.stdout.write(`\nNode ${process.version}\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
