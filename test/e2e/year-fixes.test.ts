import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MEETING, member } from '../helpers/club-tree.js';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// What a club year with the tool showed (issue 11, part 7), each reproduced.
const club = (repo: string, args: string[]) => runCli(args, { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
const read = (repo: string, file: string) => parse(readFileSync(path.join(repo, 'data', file), 'utf8'));
const MEETING_FLAGS = ['add-meeting', '--date', '2020-03-10', '--kind', 'regular', '--division', 'moscow'];

describe('fixes from a club year', () => {
  it('--item with commas instead of ; is a usage error, not one long title; so is an unknown key', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const commas = await club(repo, [...MEETING_FLAGS, '--item', 'title=Talk, presenter=ivanov-i-i, minutes=30']);
    expect(commas.code).toBe(2);
    expect(commas.stderr).toContain('the value of title contains `presenter=`; is a ; missing before it?');
    const unknown = await club(repo, [...MEETING_FLAGS, '--item', 'title=Talk; presentor=ivanov-i-i']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean `presenter`?');
    expect(snapshot(repo)).toEqual(before);
  });

  it('--outlet Customs and --division Moscow say which id was meant', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const outlet = await club(repo, ['add-publication', '--outlet', 'Customs', '--date', '2019-07', '--title', 'X']);
    expect(outlet.code).toBe(2);
    expect(outlet.stderr).toContain('--outlet `Customs`: there is no outlet with that id; did you mean `customs`?');
    const division = await club(repo, ['add-member', '--name', 'Virtanen M.', '--country', 'FI', '--category', 'embassy', '--division', 'Moscow', '--joined', '2019-09-01']);
    expect(division.code).toBe(2);
    expect(division.stderr).toContain('did you mean `moscow`?');
    const meeting = await club(repo, ['add-meeting', '--date', '2020-03-10', '--kind', 'regular', '--division', 'Saint Petersburg']);
    expect(meeting.code).toBe(2);
    expect(meeting.stderr).toContain('did you mean `saint-petersburg`?');
    expect(snapshot(repo)).toEqual(before);
  });

  it('country codes are read in any case: --country fi is FI, a guest\'s country=ee is EE', async () => {
    const repo = clubRepo();
    const run = await club(repo, ['add-member', '--name', 'Virtanen M.', '--country', 'fi', '--category', 'embassy', '--division', 'moscow', '--joined', '2019-09-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(read(repo, 'members/virtanen-m.yaml').country).toBe('FI');
    const meeting = await club(repo, [...MEETING_FLAGS, '--guest', 'id=tamm-k; name=Tamm K.; country=ee']);
    expect(meeting.code, meeting.stderr).toBe(0);
    expect(read(repo, 'meetings/2020-03-10-moscow.yaml').guests[0].country).toBe('EE');
  });

  it('--start 9:00 means 09:00; --city without --venue writes a venue that is only a city', async () => {
    const repo = clubRepo();
    const run = await club(repo, [...MEETING_FLAGS, '--start', '9:00', '--end', '11:30', '--city', 'Moscow']);
    expect(run.code, run.stderr).toBe(0);
    const m = read(repo, 'meetings/2020-03-10-moscow.yaml');
    expect(m.start).toBe('09:00');
    expect(m.venue).toEqual({ city: 'Moscow' });
    expect((await club(repo, ['agenda', '2020-03-10-moscow'])).stdout).toContain('Moscow');
  });

  it('2019-02-30 says there is no 30 February', async () => {
    const repo = clubRepo();
    const run = await club(repo, ['add-meeting', '--date', '2019-02-30', '--kind', 'regular', '--division', 'moscow']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--date `2019-02-30` is not a day: there is no 30 February in 2019');
    const month = await club(repo, ['leave', 'petrov-p-p', '--on', '2019-13-01']);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('there is no month 13');
  });

  it('a decision with ": " in hand-written YAML gets a hint to quote it', async () => {
    const text = MEETING.replace('apologies: [virtanen-a]\n', 'apologies: [virtanen-a]\ndecisions:\n  - Approve the plan: as drafted\n');
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': text });
    const run = await club(repo, ['validate', 'data/meetings/2019-06-20-moscow.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('put the whole text in quotes: "Approve the plan: as drafted"');
    expect(run.stdout + run.stderr).toMatch(/2\d:\d+\s+error/);
  });

  it('a participant of a country that is not a member appointed chairman is written with a warning', async () => {
    const repo = clubRepo({ 'members/dupont-j.yaml': member({ name: 'Dupont J.', country: 'FR', category: 'participant', joined: '2018-01-01' }) });
    const run = await club(repo, ['appoint', 'chairman', 'dupont-j', '--from', '2020-01-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('wrote data/officers/chairman-dupont-j.yaml');
    expect(run.stderr).toMatch(/warning\s+Chairman `dupont-j` represents FR \(France\), which is not a member country on 2020-01-01/);
  });
});
