import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MEETING } from '../helpers/club-tree.js';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { JUNE, juneTree } from '../helpers/reschedule-fixture.js';
import { testdir } from '../helpers/testdir.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const start = clubTerminals({ TZ: 'UTC' });
const read = (repo: string, file: string) => parse(readFileSync(path.join(repo, 'data', file), 'utf8'));

describe.skipIf(!hasTmux)('the prompts as a secretary types at them (tmux)', () => {
  it('leave: a day the member still attended a meeting after is asked again, the refused day as the default; 21.06.2019 is read as a date', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': MEETING });
    const t = start(repo, 'leave petrov-p-p');
    await t.waitFor(/The day the member is no longer a member.*2020-01-15/);
    await t.press('C-u');
    await t.type('2019-06-10');
    await t.press('Enter');
    // Petrov attended the meeting of 20 June: the day is refused, and asked again rather than the command ending.
    const refused = await t.waitFor(/Please answer again:\s*\n.*The day the member is no longer a member.*2019-06-10/, 30_000);
    expect(refused).toMatch(/petrov-p-p[^\n]*not a member on 2019-06-20/);
    expect(refused).not.toContain('nothing was written');
    await t.press('C-u');
    await t.type('21.06.2019');
    await t.press('Enter');
    const diff = await t.waitFor('Write it?', 30_000);
    expect(diff).toContain('+left: 2019-06-21');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).toContain('EXIT:0');
    expect(read(repo, 'members/petrov-p-p.yaml').left).toBe('2019-06-21');
    expect(read(repo, 'officers/secretary-petrov-p-p.yaml').to).toBe('2019-06-20');
  });

  it('end-term: the question says the forms it takes, (YYYY-MM-DD or DD.MM.YYYY), and takes 15.01.2020 as written in Russia', async () => {
    const repo = clubRepo();
    const t = start(repo, 'end-term secretary-petrov-p-p --yes', { CLUB_TODAY: '2020-02-01' });
    const asked = await t.waitFor(/Last day of the term.*2020-02-01/);
    expect(asked).toContain('Last day of the term (YYYY-MM-DD or DD.MM.YYYY)');
    await t.press('C-u');
    await t.type('15.01.2020');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).toContain('EXIT:0');
    expect(read(repo, 'officers/secretary-petrov-p-p.yaml').to).toBe('2020-01-15');
  });

  it('reschedule without --date asks for the new day at a terminal (15.01-style too); with --no-input it is still a usage error', async () => {
    const repo = clubRepo(juneTree(false));
    const t = start(repo, `reschedule ${JUNE} --yes`);
    await t.waitFor(`The new day of ${JUNE}`);
    const asked = await t.waitFor('2020-06-18 now');
    expect(asked).not.toContain('missing --date');
    await t.type('25.06.2020');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).toContain('EXIT:0');
    expect(read(repo, 'meetings/2020-06-25-moscow.yaml').date).toBe('2020-06-25');
    expect(existsSync(path.join(repo, 'data/meetings/2020-06-18-moscow.yaml'))).toBe(false);

    const other = clubRepo(juneTree(false));
    const before = snapshot(other);
    const script = start(other, `reschedule ${JUNE} --no-input`);
    const refused = await script.waitFor(/EXIT:\d+/);
    expect(refused).toContain('club: missing --date');
    expect(refused).toContain('EXIT:2');
    expect(snapshot(other)).toEqual(before);
  });

  it('add-member: "Joined" takes 15.01.2020 as written in Russia and stores 2020-01-15', async () => {
    const repo = clubRepo();
    const t = start(repo, 'add-member --name "Sidorov S.S." --country RU --category customs --division moscow --organization FCS --title Inspector --email s@example.org --yes');
    await t.waitFor('Joined');
    await t.press('C-u');
    await t.type('15.01.2020');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).not.toContain('a date as YYYY-MM-DD');
    expect(done).toContain('EXIT:0');
    expect(read(repo, 'members/sidorov-s-s.yaml').joined).toBe('2020-01-15');
  });

  it('init: "Founded" says 2019-02-30 is no real day (not only "a date, a month or a year") and takes 15.01.2009', async () => {
    const dir = testdir({});
    const t = start(dir, 'init moscow --name "Club of Customs Attachés" --country RU --city Москва --timezone Europe/Moscow');
    await t.waitFor('Founded');
    await t.type('2019-02-30');
    await t.press('Enter');
    const wrong = await t.waitFor('there is no 30 February in 2019');
    expect(wrong).not.toContain('a date, a month or a year');
    await t.press('C-u');
    await t.type('15.01.2009');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).toContain('EXIT:0');
    expect(parse(readFileSync(path.join(dir, 'moscow/data/club.yaml'), 'utf8')).founded).toBe('2009-01-15');
  });

  it('init in Russia: the time zone is a search with the zone of the city (Москва) first, where enter takes it, not Asia/Anadyr', async () => {
    const dir = testdir({});
    const t = start(dir, 'init moscow --name "Club of Customs Attachés" --founded 2009 --country RU --city Москва');
    // The first of the list, under the cursor: enter takes it.
    const zones = await t.waitFor(/The time zone of its meetings \(RU\), type to search[^\n]*\n❯ Europe\/Moscow/);
    expect(zones).not.toMatch(/❯ Asia\/Anadyr/);
    // And it is a search: typing narrows the list, a city's time in Russian too.
    await t.search('Новосиб', 'Asia/Novosibirsk');
    await t.press('C-u');
    await t.waitFor(/type to search[^\n]*\n❯ Europe\/Moscow/);
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/, 30_000);
    expect(done).toContain('EXIT:0');
    expect(parse(readFileSync(path.join(dir, 'moscow/data/club.yaml'), 'utf8')).timezone).toBe('Europe/Moscow');
  });
});
