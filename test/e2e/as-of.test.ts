import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
// Today, for the folder check: after every held meeting of the rich fixture.
const env = { CLUB_TODAY: '2020-01-15' };

describe('--as-of dates the answer; the folder is checked as of today', () => {
  // The rich fixture holds meetings held on 2019-06-20 and 2019-11-28: after 2019-06-01.
  it.each([
    ['roster', ['roster']],
    ['agenda', ['agenda', '2019-03-14-moscow']],
    ['plan', ['plan']],
    ['calendar', ['calendar']],
    ['show', ['show', 'wang-li']],
    ['list', ['list', 'members']],
  ])('%s --as-of a date before a held meeting warns of nothing', async (_, args) => {
    const run = await runCli([...args, '--data', RICH, '--as-of', '2019-06-01'], { env });
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
  });

  it('validate --as-of still takes the date as today: the meetings held after it are errors', async () => {
    const run = await runCli(['validate', '--data', RICH, '--as-of', '2019-06-01'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('held-in-future');
  });

  it('a roster pinned to 2019-06-01 is written and checked with no warning, and its check passes', async () => {
    const file = path.join(testdir({}), 'roster-2019.md');
    const write = await runCli(['roster', '--data', RICH, '--as-of', '2019-06-01', '-o', file], { env });
    expect(write).toMatchObject({ code: 0, stderr: `wrote ${file}\n` });
    const check = await runCli(['roster', '--data', RICH, '--as-of', '2019-06-01', '--check', file], { env });
    expect(check).toMatchObject({ code: 0, stderr: `${file} is up to date\n` });
  });

  it('the roster as of 2019-06-01 leaves out who joined later, whatever today is', async () => {
    const early = await runCli(['roster', '--data', RICH, '--as-of', '2019-06-01'], { env });
    const later = await runCli(['roster', '--data', RICH, '--as-of', '2019-06-01'], { env: { CLUB_TODAY: '2026-11-29' } });
    expect(early.stdout).toContain('As of 1 June 2019.');
    expect(later.stdout).toBe(early.stdout);
  });
});
