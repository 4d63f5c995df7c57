import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

/**
 * A club year from an empty folder with commands only: the test writes no
 * file itself (it only makes the folder for documents, as a secretary would). Each step runs on its own day (CLUB_TODAY), as the secretary
 * would run it, and commits with --commit.
 */
describe('a club year, commands only', () => {
  it('init, club settings, members in three scripts, set and unset, officers, a plan with agendas, reschedule, record, publications, cancel, documents: validate --strict is clean, one commit per change', async () => {
    const repo = testdir({});
    git(repo, 'init', '-q', '-b', 'main');
    const commits: string[] = [];
    const club = async (day: string, ...args: string[]) => {
      // In this process: git (--commit) runs with the command's environment (the author here), as a child process's would.
      const options = { cwd: repo, env: { CLUB_TODAY: day, GIT_AUTHOR_NAME: 'Secretary', GIT_AUTHOR_EMAIL: 's@example.org', GIT_COMMITTER_NAME: 'Secretary', GIT_COMMITTER_EMAIL: 's@example.org' } };
      const r = await runCli(args, options);
      expect(r.stderr, `club ${args.join(' ')}`).not.toMatch(/internal error|\n\s+at /);
      expect(r.code, `club ${args.join(' ')}\n${r.stderr}`).toBe(0);
      const done = /committed [0-9a-f]+: (.*)/.exec(r.stderr);
      if (args.includes('--commit')) {
        expect(done, `club ${args.join(' ')} commits`).not.toBeNull();
        commits.push(done![1]!);
      }
      return r;
    };

    await club('2019-01-09', 'init', '.', '--name', 'Test Attaché Club', '--founded', '2002-12', '--country', 'RU', '--city', 'Moscow', '--timezone', 'Europe/Moscow', '--no-input');
    git(repo, 'add', '-A');
    git(repo, '-c', 'user.name=Secretary', '-c', 'user.email=s@example.org', 'commit', '-q', '-m', 'A new club');

    // The club's own settings, from the command line: a member country, an outlet, a position.
    await club('2019-01-09', 'set', 'club', 'member_countries+=country=CN; since=2019-01', 'outlets+=id=customs; name=Customs; kind=magazine',
      'positions+=id=treasurer; title=Treasurer', '--commit');

    // Members in three scripts: Latin, Cyrillic (an id made by transliteration), Chinese.
    await club('2019-01-10', 'add-member', '--name', 'Ivanov I.I.', '--country', 'RU', '--category', 'customs', '--division', 'moscow',
      '--joined', '2019-01-10', '--organization', 'Federal Customs Service', '--no-input', '--commit');
    await club('2019-01-10', 'add-member', '--name', 'Коноваленко С.А.', '--country', 'RU', '--category', 'customs', '--division', 'moscow',
      '--joined', '2019-01-10', '--no-input', '--commit');
    await club('2019-01-11', 'add-member', '--name', '王力', '--country', 'CN', '--category', 'embassy', '--division', 'moscow',
      '--joined', '2019-01-11', '--organization', 'Embassy of China', '--no-input', '--commit');
    // A member's details change: set and unset, no editor.
    await club('2019-01-12', 'set', 'ivanov-i-i', 'title=Head of the Customs Cooperation Department', 'languages+=ru', 'languages+=en', 'email=ivanov@example.org', '--commit');
    await club('2019-01-12', 'unset', 'ivanov-i-i', 'email', '--commit');
    const members = (await club('2019-01-11', 'list', 'members', '--fields', 'id,name', '--format', 'json')).stdout;
    expect(JSON.parse(members).map((m: { id: string }) => m.id).sort()).toEqual(['ivanov-i-i', 'konovalenko-s-a', 'wang-li']);

    // Officers.
    await club('2019-01-15', 'appoint', 'chairman', 'konovalenko-s-a', '--from', '2019-01-15', '--no-input', '--commit');
    await club('2019-01-15', 'appoint', 'secretary', 'ivanov-i-i', '--from', '2019-01-15', '--no-input', '--commit');
    await club('2019-01-15', 'appoint', 'treasurer', 'wang-li', '--from', '2019-02-01', '--no-input', '--commit');

    // The plan: three meetings with agendas.
    await club('2019-01-20', 'add-meeting', '--date', '2019-03-14', '--kind', 'regular', '--division', 'moscow', '--city', 'Moscow', '--venue', 'FCS headquarters',
      '--start', '10:00', '--end', '12:00', '--status', 'planned', '--item', 'title=The plan for the year; presenter=konovalenko-s-a; minutes=30',
      '--item', 'title=Coffee; kind=break; minutes=15', '--item', 'title=Customs in China; presenter=wang-li; minutes=30', '--no-input', '--commit');
    await club('2019-01-20', 'add-meeting', '--date', '2019-06-20', '--kind', 'off-site', '--division', 'moscow', '--city', 'Pskov', '--region', 'Pskov Oblast',
      '--status', 'planned', '--item', 'title=Border crossings; presenter=ivanov-i-i; minutes=45', '--no-input', '--commit');
    await club('2019-01-20', 'add-meeting', '--date', '2019-11-12', '--kind', 'regular', '--division', 'moscow', '--city', 'Moscow',
      '--status', 'planned', '--no-input', '--commit');
    await club('2019-02-01', 'reschedule', '2019-06-20-pskov', '--date', '2019-06-27', '--commit');
    // -o writes into a folder that exists (a typo in its name is reported): a documents folder is made once.
    mkdirSync(path.join(repo, 'docs'));
    await club('2019-01-20', 'plan', '--year', '2019', '-o', 'docs/plan-2019.md');
    await club('2019-03-01', 'agenda', '--next', '-o', 'docs/agenda.md');

    // After each meeting: what happened.
    await club('2019-03-14', 'record', '2019-03-14-moscow', '--attendee', 'konovalenko-s-a', '--attendee', 'wang-li', '--apology', 'ivanov-i-i',
      '--started', '10:05', '--ended', '12:10', '--item-note', '2=Customs clearance in China takes a day.',
      '--decision', 'text=Send the minutes to the members; responsible=konovalenko-s-a; due=2019-03-31', '--commit');
    await club('2019-06-27', 'record', '2019-06-27-pskov', '--attendee', 'ivanov-i-i', '--attendee', 'konovalenko-s-a', '--attendee', 'wang-li',
      '--guest', 'name=Tamm K.; title=Head of the Board; country=EE', '--decision', 'Hold the next off-site meeting in Narva.', '--commit');
    // A second run edits: an apology arrives late, the guest is made responsible for a decision.
    await club('2019-06-28', 'record', '2019-06-27-pskov', '--apology', 'wang-li',
      '--decision', 'text=Hold the next off-site meeting in Narva.; responsible=tamm-k', '--commit');
    // The press reports the meetings.
    await club('2019-04-02', 'add-publication', '--outlet', 'customs', '--date', '2019-04', '--issue', '4', '--title', 'Attachés meet in Moscow',
      '--meeting', '2019-03-14-moscow', '--no-input', '--commit');
    await club('2019-07-05', 'add-publication', '--outlet', 'customs', '--date', '2019-07', '--issue', '7', '--title', 'Off-site meeting in Pskov',
      '--meeting', '2019-06-27-pskov', '--no-input', '--commit');
    await club('2019-10-01', 'cancel', '2019-11-12-moscow', '--reason', 'The hall is closed for repairs.', '--commit');
    await club('2019-06-29', 'minutes', '2019-06-27-pskov', '-o', 'docs/minutes-2019-06-27-pskov.md');

    const pskov = parse(readFileSync(path.join(repo, 'data/meetings/2019-06-27-pskov.yaml'), 'utf8'));
    expect(pskov).toMatchObject({
      status: 'held', attendees: ['ivanov-i-i', 'konovalenko-s-a'], apologies: ['wang-li'],
      guests: [{ id: 'tamm-k', name: 'Tamm K.' }], decisions: [{ text: 'Hold the next off-site meeting in Narva.', responsible: 'tamm-k' }],
    });

    // Documents of the year.
    await club('2019-12-31', 'roster', '-o', 'docs/roster.md');
    const report = (await club('2020-01-10', 'report', '--year', '2019', '-o', 'docs/report-2019.md')).stderr;
    expect(report).toContain('docs/report-2019.md');
    const reportText = readFileSync(path.join(repo, 'docs/report-2019.md'), 'utf8');
    expect(reportText).toContain('Cancelled: 12 November 2019 (Moscow: The hall is closed for repairs).');
    expect(reportText).toContain('Tamm K.');
    expect(reportText).toContain('Off-site meeting in Pskov');
    const ivanov = parse(readFileSync(path.join(repo, 'data/members/ivanov-i-i.yaml'), 'utf8'));
    expect(ivanov).toMatchObject({ title: 'Head of the Customs Cooperation Department', languages: ['ru', 'en'] });
    expect(ivanov.email).toBeUndefined();
    const clubYaml = parse(readFileSync(path.join(repo, 'data/club.yaml'), 'utf8'));
    expect(clubYaml.member_countries).toContainEqual({ country: 'CN', since: '2019-01' });
    expect(clubYaml.positions).toContainEqual({ id: 'treasurer', title: 'Treasurer' });
    const plan = (await club('2020-01-10', 'plan', '--year', '2019')).stdout;
    expect(plan).toContain('cancelled: The hall is closed for repairs.');
    expect(plan).toContain('27\u00a0June\u00a02019 (moved from 20\u00a0June\u00a02019)'); // dates in a table cell: no-break spaces
    expect(readFileSync(path.join(repo, 'docs/minutes-2019-06-27-pskov.md'), 'utf8')).toContain('Hold the next off-site meeting in Narva.');

    const v = await club('2020-01-10', 'validate', '--strict');
    expect(v.stderr).toContain('no problems');

    // One commit per change made with --commit, in order, after the club's first commit.
    const log = git(repo, 'log', '--reverse', '--format=%s').trim().split('\n');
    expect(log).toEqual(['A new club', ...commits]);
    expect(commits).toHaveLength(19);
    expect(git(repo, 'status', '--porcelain', '--', 'data')).toBe('');
  }, 300_000); // some thirty runs of the CLI: minutes on a busy machine
});
