import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MEETING } from '../helpers/club-tree.js';
import { clubRepo, git, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const DECISIONS = `decisions:
  - Thank the hosts.
  # the board asked for it
  - text: "Write to the board: soon."
    responsible: petrov-p-p
    due: 2019-07-01
  - text: Prepare the plan.
    responsible: ivanov-i-i
    due: 2020-03-01
  - text: Book the hall.
    responsible: ambassador-fi
    due: 2019-06-30
    done: 2019-06-25
`;

const repo = () => clubRepo({ 'meetings/2019-06-20-moscow.yaml': `${MEETING}${DECISIONS}` });
/** In this process; git (--commit) runs with the environment given here (the author below), as a child process's would. */
const club = (dir: string, args: string[]) => runCli(args, {
  cwd: dir, env: { CLUB_TODAY: '2020-01-15', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' },
});

describe('club list decisions', () => {
  it('lists every decision with its number, responsible, due date and status', async () => {
    const dir = repo();
    const run = await club(dir, ['list', 'decisions', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows.map((r) => [r.no, r.text, r.responsible ?? null, r.due ?? null, r.done ?? null, r.status, r.overdue])).toEqual([
      [1, 'Thank the hosts.', null, null, null, 'open', false],
      [2, 'Write to the board: soon.', 'petrov-p-p', '2019-07-01', null, 'open', true],
      [3, 'Prepare the plan.', 'ivanov-i-i', '2020-03-01', null, 'open', false],
      [4, 'Book the hall.', 'ambassador-fi', '2019-06-30', '2019-06-25', 'done', false],
    ]);
    expect(rows[0]!.meeting).toBe('2019-06-20-moscow');
  });

  it('filters: --where open, overdue, responsible=, due<; --format csv reads back', async () => {
    const dir = repo();
    const nos = async (...where: string[]) => {
      const run = await club(dir, ['list', 'decisions', ...where.flatMap((w) => ['--where', w]), '--format', 'csv', '--fields', 'meeting,no,responsible,due']);
      expect(run.code).toBe(0);
      const rows = parseCsv(run.stdout, { columns: true }) as Record<string, string>[];
      return rows.map((r) => Number(r.no));
    };
    expect(await nos('open')).toEqual([1, 2, 3]);
    expect(await nos('status=open')).toEqual([1, 2, 3]);
    expect(await nos('done')).toEqual([4]);
    expect(await nos('overdue')).toEqual([2]);
    expect(await nos('responsible=petrov-p-p')).toEqual([2]);
    expect(await nos('open', 'due<2020-01-01')).toEqual([2]);
    // A guest of the meeting is someone a decision can name: no warning.
    const guest = await club(dir, ['list', 'decisions', '--where', 'responsible=ambassador-fi']);
    expect(guest.stderr).not.toContain('warning');
    const nobody = await club(dir, ['list', 'decisions', '--where', 'responsible=petrov-p']);
    expect(nobody.code).toBe(0);
    expect(nobody.stdout).toBe('');
    expect(nobody.stderr).toBe('club: warning: --where responsible=petrov-p: no member has the id or name `petrov-p`; did you mean `petrov-p-p` (Petrov P.P.)?\nno decisions match --where responsible=petrov-p\n');
    const officers = await club(dir, ['list', 'officers', '--where', 'member=nobody']);
    expect(officers.stderr).toBe('club: warning: --where member=nobody: no member has the id or name `nobody`\nno officers match --where member=nobody\n');
  });

  it('reckons the status on --as-of', async () => {
    const dir = repo();
    const run = await club(dir, ['list', 'decisions', '--where', 'overdue', '--as-of', '2020-06-01', '--fields', 'no', '--format', 'json']);
    expect(JSON.parse(run.stdout)).toEqual([{ no: 2 }, { no: 3 }]);
  });

  it('a field that does not exist is a usage error that lists the fields', async () => {
    const run = await club(repo(), ['list', 'decisions', '--where', 'owner=x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('there is no field `owner`');
    expect(run.stderr).toContain('fields: id, meeting, date, no, text, responsible, due, done, status, overdue');
  });
});

describe('club done', () => {
  it('turns a plain decision into {text, done}, keeps comments, and the folder stays valid', async () => {
    const dir = repo();
    const run = await club(dir, ['done', '2019-06-20-moscow', '1', '--on', '2019-07-02']);
    expect(run.stderr).toContain('updated data/meetings/2019-06-20-moscow.yaml');
    expect(run.code).toBe(0);
    const text = readFileSync(path.join(dir, 'data/meetings/2019-06-20-moscow.yaml'), 'utf8');
    expect(text).toContain('  - text: Thank the hosts.\n    done: 2019-07-02\n  # the board asked for it\n  - text: "Write to the board: soon."');
    expect(parse(text).decisions[0]).toEqual({ text: 'Thank the hosts.', done: '2019-07-02' });
    expect((await club(dir, ['validate'])).code).toBe(0);
    const list = await club(dir, ['list', 'decisions', '--where', 'done', '--fields', 'no', '--format', 'json']);
    expect(JSON.parse(list.stdout)).toEqual([{ no: 1 }, { no: 4 }]);
  });

  it('adds done to a decision with a responsible member; today by default; --commit commits it', async () => {
    const dir = repo();
    const run = await club(dir, ['done', '2019-06-20-moscow', '2', '--commit']);
    expect(run.code).toBe(0);
    expect(parse(readFileSync(path.join(dir, 'data/meetings/2019-06-20-moscow.yaml'), 'utf8')).decisions[1])
      .toEqual({ text: 'Write to the board: soon.', responsible: 'petrov-p-p', due: '2019-07-01', done: '2020-01-15' });
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe('Mark decision 2 of 2019-06-20-moscow done on 2020-01-15');
  });

  it('--dry-run shows the change as a diff and writes nothing', async () => {
    const dir = repo();
    const before = snapshot(dir);
    const run = await club(dir, ['done', '2019-06-20-moscow', '1', '--on', '2019-07-02', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stderr + run.stdout).toContain('+    done: 2019-07-02');
    expect(snapshot(dir)).toEqual(before);
  });

  const refusals: [string, string[], number, string][] = [
    ['an unknown meeting', ['done', '2019-06-21-moscow', '1'], 2, 'there is no meeting `2019-06-21-moscow`\n  hint: did you mean `2019-06-20-moscow`?'],
    ['a number past the last decision', ['done', '2019-06-20-moscow', '5'], 2, 'the meeting 2019-06-20-moscow has decisions 1 to 4, not 5'],
    ['a day after today', ['done', '2019-06-20-moscow', '1', '--on', '2030-01-01'], 1, '--on 2030-01-01 is after today'],
    ['a number that is not one', ['done', '2019-06-20-moscow', 'two'], 2, 'the decision number must be a whole number from 1, not `two`'],
    ['a bad date', ['done', '2019-06-20-moscow', '1', '--on', '2019-13-01'], 2, '--on `2019-13-01` is not a day: there is no month 13'],
    ['a decision already done', ['done', '2019-06-20-moscow', '4'], 1, 'decision 4 of 2019-06-20-moscow was already marked done on 2019-06-25; nothing was written'],
    ['a day before the meeting', ['done', '2019-06-20-moscow', '1', '--on', '2019-06-19'], 1, '--on 2019-06-19 is before the meeting of 2019-06-20 that took the decision'],
  ];
  for (const [what, args, code, message] of refusals) {
    it(`refuses ${what} (exit ${code}) and writes nothing`, async () => {
      const dir = repo();
      const before = snapshot(dir);
      const run = await club(dir, args);
      expect(run.code).toBe(code);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(dir)).toEqual(before);
    });
  }
});

describe('a member who leaves with decisions still open', () => {
  it('club leave says which of their decisions are left without anyone, and the hint\'s club set hands one on', async () => {
    const dir = repo();
    const left = await club(dir, ['leave', 'petrov-p-p', '--on', '2019-12-01']);
    expect(left.code, left.stderr).toBe(0);
    // The warning the change brings in, at decision 2's `responsible` (decision 3's member stays; 4 is done).
    expect(left.stderr).toMatch(/data\/meetings\/2019-06-20-moscow\.yaml\n\s+\d+:\d+\s+warning\s+decision 2 is not done, and `petrov-p-p`, responsible for it, left the club \(2019-12-01\)\s+responsible-left/);
    expect(left.stderr).toContain('club set 2019-06-20-moscow decisions[1].responsible=ID');
    const handed = await club(dir, ['set', '2019-06-20-moscow', 'decisions[1].responsible=ivanov-i-i']);
    expect(handed.code, handed.stderr).toBe(0);
    const after = await club(dir, ['validate', '--format', 'json']);
    expect((JSON.parse(after.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).not.toContain('responsible-left');
  });
});
