import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { member } from '../helpers/club-tree.js';
import { clubRepo } from '../helpers/git-repo.js';
import { CLUB, ROOT, runCli } from '../helpers/run-cli.js';

/** A club repository with the folder its generated documents go to: -o never creates a folder. */
function repoWithDocs(): string {
  const repo = clubRepo();
  mkdirSync(path.join(repo, '.docs'));
  return repo;
}

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
  it('runs club validate --format github and a --check of the committed roster, with no date pinned', () => {
    expect(workflowCommands()).toEqual([
      ['validate', '--format', 'github'],
      ['roster', '--check', '.docs/roster.md'],
    ]);
  });

  it('sets a time limit on its job', () => {
    const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/validate-data.yml'), 'utf8')) as { jobs: Record<string, { 'timeout-minutes'?: number }> };
    for (const job of Object.values(workflow.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('its commands pass on the project\'s own data and committed roster, today, with no word of an error', async () => {
    for (const command of workflowCommands()) {
      const run = await runCli(command, { cwd: ROOT });
      expect(run.code).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/::error|\b[1-9]\d* errors?\b|warning: the data folder/);
    }
  });

  it('its commands, run on a repository with a broken record, annotate the line and flag the stale roster', async () => {
    const repo = repoWithDocs();
    const [validate, check] = workflowCommands() as [string[], string[]];
    const env = { CLUB_TODAY: '2020-01-15' };

    // The roster was committed fresh: the check passes.
    expect((await runCli(['roster', '-o', '.docs/roster.md'], { cwd: repo, env })).code).toBe(0);
    expect((await runCli(check, { cwd: repo, env })).code).toBe(0);

    // A pull request changes a name without regenerating the roster.
    writeFileSync(path.join(repo, 'data/members/petrov-p-p.yaml'), member({ name: 'Petrov P.', joined: '2016-03-01' }));
    const stale = await runCli(check, { cwd: repo, env });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('.docs/roster.md is stale');
    expect(stale.stderr).toContain('+| Petrov P. |');

    // ... and breaks a record: annotations, and the roster check fails too rather than warn inside a green job.
    writeFileSync(path.join(repo, 'data/members/petrov-p-p.yaml'), member({ name: 'Petrov P.', joined: '2016-03-01', division: 'moscw' }));
    const annotations = await runCli(validate, { cwd: repo, env });
    expect(annotations.code).toBe(1);
    expect(annotations.stdout.split('\n')).toContain(
      '::error file=data/members/petrov-p-p.yaml,line=4,col=11,title=club unknown-reference::member refers to division `moscw`, which does not exist (did you mean division `moscow`?)');
    const broken = await runCli(check, { cwd: repo, env });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('club: .docs/roster.md was not checked: the data folder has 1 error in 1 file\n'
      + '  hint: fix them first (run `club validate`), then check again\n');
    expect(CLUB).toContain('bin/club');
  });

  it('a committed roster goes stale when members join after its date, and is fresh again once regenerated as of today', async () => {
    const repo = repoWithDocs();
    const [, check] = workflowCommands() as [string[], string[]];
    expect((await runCli(['roster', '-o', '.docs/roster.md'], { cwd: repo, env: { CLUB_TODAY: '2019-06-16' } })).code).toBe(0);
    expect(readFileSync(path.join(repo, '.docs/roster.md'), 'utf8')).toContain('As of 16 June 2019.');
    // Days pass with no change: still fresh, though it says 16 June.
    const later = await runCli(check, { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    expect(later).toMatchObject({ code: 0, stderr: '.docs/roster.md is up to date\n' });

    // Fifteen members join in the autumn; the roster as of 16 June is unchanged, but it is no longer the roster.
    for (let i = 1; i <= 15; i++) {
      writeFileSync(path.join(repo, `data/members/new-${i}.yaml`), member({ name: `New${i} N.`, joined: '2019-09-01' }));
    }
    const stale = await runCli(check, { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('club: .docs/roster.md is stale: it is as of 2019-06-16, and what it shows has changed since: as of today (2020-01-15) it reads differently\n');
    expect(stale.stderr).toContain('+| New1 N. |');
    expect(stale.stderr).toContain('-- Members: 4');
    expect(stale.stderr).toContain('  hint: regenerate it as of today with `club roster -o .docs/roster.md` and commit it\n');
    // Before they joined, the same check passes: only a change it would show makes it stale.
    expect((await runCli(check, { cwd: repo, env: { CLUB_TODAY: '2019-08-31' } })).code).toBe(0);

    // An officer's term that ends is a change too.
    expect((await runCli(['roster', '-o', '.docs/roster.md'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
    expect((await runCli(check, { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
    writeFileSync(path.join(repo, 'data/officers/secretary-petrov-p-p.yaml'), 'position: secretary\nmember: petrov-p-p\nfrom: 2016-03-01\nto: 2020-01-10\n');
    const vacancy = await runCli(check, { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    expect(vacancy.code).toBe(1);
    expect(vacancy.stderr).toContain('is stale: it differs from a fresh rendering');
    // A pinned date is a document of that day: members who join later do not make it stale.
    expect((await runCli(['roster', '--as-of', '2019-06-16', '-o', '.docs/old.md'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
    expect((await runCli(['roster', '--as-of', '2019-06-16', '--check', '.docs/old.md'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
    expect((await runCli(['roster', '--check', '.docs/old.md'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(1);
  });

  it('a committed Word roster is checked the same way, by the date it records', async () => {
    const repo = repoWithDocs();
    expect((await runCli(['roster', '-o', '.docs/roster.docx'], { cwd: repo, env: { CLUB_TODAY: '2019-06-16' } })).code).toBe(0);
    expect((await runCli(['roster', '--check', '.docs/roster.docx'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } })).code).toBe(0);
    writeFileSync(path.join(repo, 'data/members/new-1.yaml'), member({ name: 'New N.', joined: '2019-09-01' }));
    const stale = await runCli(['roster', '--check', '.docs/roster.docx'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('it is as of 2019-06-16, and what it shows has changed since');
  });

  it('a committed file that names no date is stale, with its difference from the roster as of today', async () => {
    const repo = clubRepo();
    writeFileSync(path.join(repo, 'roster.md'), '# Roster\n\nNobody.\n');
    const run = await runCli(['roster', '--check', 'roster.md'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^club: roster\.md is stale: it does not say which date it is as of, and differs from the roster as of today \(2020-01-15\)\n/);
    expect(run.stderr).toContain('-Nobody.\n');
    expect(run.stderr).toContain('+As of 15 January 2020.\n');
    expect(run.stderr).toMatch(/ {2}hint: regenerate it with `club roster -o roster\.md` and commit it\n$/);
  });
});
