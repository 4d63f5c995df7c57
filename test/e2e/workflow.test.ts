import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { member } from '../helpers/club-tree.js';
import { clubRepo } from '../helpers/git-repo.js';
import { CLUB, ROOT, runCli } from '../helpers/run-cli.js';

interface Step {
  name?: string;
  run?: string;
}

/** The `club` commands of the project's own workflow, as written there. */
function workflowCommands(): string[][] {
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/validate-data.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  return Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .map((s) => s.run?.trim())
    .filter((r): r is string => r !== undefined && r.startsWith('npx club '))
    .map((r) => r.split(/\s+/).slice(2));
}

describe('the pull-request workflow', () => {
  it('runs club validate --format github and a --check of the committed roster', () => {
    expect(workflowCommands()).toEqual([
      ['validate', '--format', 'github'],
      ['roster', '--as-of', '2019-06-16', '--check', '.docs/roster.md'],
    ]);
  });

  it('its commands, run on a repository with a broken record, annotate the line and flag the stale roster', async () => {
    const repo = clubRepo();
    const [validate, check] = workflowCommands() as [string[], string[]];
    const env = { CLUB_TODAY: '2020-01-15' };

    // The roster was committed fresh: the check passes.
    expect((await runCli(['roster', '--as-of', '2019-06-16', '-o', '.docs/roster.md'], { cwd: repo, env })).code).toBe(0);
    expect((await runCli(check, { cwd: repo, env })).code).toBe(0);

    // A pull request breaks a record and changes a name without regenerating the roster.
    writeFileSync(path.join(repo, 'data/members/petrov-p-p.yaml'), member({ name: 'Petrov P.', joined: '2016-03-01', division: 'moscw' }));
    const annotations = await runCli(validate, { cwd: repo, env });
    expect(annotations.code).toBe(1);
    expect(annotations.stdout.split('\n')).toContain(
      '::error file=data/members/petrov-p-p.yaml,line=4,col=11,title=club unknown-reference::member refers to division `moscw`, which does not exist (did you mean division `moscow`?)');
    const stale = await runCli(check, { cwd: repo, env });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('.docs/roster.md is stale');
    expect(stale.stderr).toContain('+| Petrov P. |');
    expect(CLUB).toContain('bin/club');
  });
});
