import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clubRepo, git, snapshot } from '../helpers/git-repo.js';
import { juneTree, PLANNED_JUNE as PLANNED } from '../helpers/reschedule-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const TODAY = { CLUB_TODAY: '2020-01-15' };
/** A repository with the June meeting planned, and `extra` files; the same with the publication that names the meeting. Killed at every step: test/hostile/kill-loop.test.ts. */
const plannedRepo = (extra: Record<string, string> = {}) => clubRepo({ ...juneTree(false), ...extra });
const withPublication = () => clubRepo(juneTree());

describe('club reschedule', () => {
  it('renames the file, updates the publication that names it, keeps moved_from, and the plan says where it was', async () => {
    const repo = withPublication();
    const r = await runCli(['reschedule', '2020-06-18-moscow', '--date', '2020-06-25', '--start', '11:00', '--commit'], { cwd: repo, env: TODAY });
    expect(r.stderr).toContain('renamed data/meetings/2020-06-18-moscow.yaml → data/meetings/2020-06-25-moscow.yaml');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(repo, 'data/meetings/2020-06-18-moscow.yaml'))).toBe(false);
    const moved = readFileSync(path.join(repo, 'data/meetings/2020-06-25-moscow.yaml'), 'utf8');
    expect(moved.startsWith('# the June meeting\n')).toBe(true);
    expect(parse(moved)).toMatchObject({ date: '2020-06-25', start: '11:00', moved_from: [{ date: '2020-06-18', id: '2020-06-18-moscow' }] });
    expect(parse(readFileSync(path.join(repo, 'data/publications/customs-2020-01.yaml'), 'utf8')).meetings).toEqual(['2020-06-25-moscow']);
    // One commit holds the rename and the reference: git sees a rename.
    const commit = git(repo, 'show', '--name-status', '--format=%s', 'HEAD');
    expect(commit).toContain('Move the meeting 2020-06-18-moscow to 2020-06-25 (now 2020-06-25-moscow)');
    expect(commit).toMatch(/^R\d+\tdata\/meetings\/2020-06-18-moscow.yaml\tdata\/meetings\/2020-06-25-moscow.yaml$/m);
    expect(commit).toMatch(/^M\tdata\/publications\/customs-2020-01.yaml$/m);
    expect((await runCli(['plan', '--year', '2020'], { cwd: repo, env: TODAY })).stdout).toContain('| 25\u00a0June\u00a02020 (moved from 18\u00a0June\u00a02020) |');
    expect((await runCli(['validate', '--strict'], { cwd: repo, env: TODAY })).code).toBe(0);
    // The calendar's identity of the meeting is the first id it had.
    const ics = (await runCli(['calendar', '2020-06-25-moscow'], { cwd: repo, env: TODAY })).stdout;
    expect(ics).toMatch(/UID:2020-06-18-moscow@/);
  });

  it('--keep-id keeps the file and raises no date warning; --dry-run writes nothing', async () => {
    const repo = plannedRepo();
    const before = snapshot(repo);
    const dry = await runCli(['reschedule', '2020-06-18-moscow', '--date', '2020-06-25', '--dry-run'], { cwd: repo, env: TODAY });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+date: 2020-06-25');
    expect(snapshot(repo)).toEqual(before);
    expect((await runCli(['reschedule', '2020-06-18-moscow', '--date', '2020-06-25', '--keep-id'], { cwd: repo, env: TODAY })).code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/meetings/2020-06-18-moscow.yaml'), 'utf8')).date).toBe('2020-06-25');
    expect((await runCli(['validate', '--strict'], { cwd: repo, env: TODAY })).code).toBe(0);
  });

  it('refuses a taken id, a held meeting, an unknown meeting and a bad date; nothing written', async () => {
    const repo = plannedRepo({ 'meetings/2020-06-25-moscow.yaml': PLANNED.replace('2020-06-18', '2020-06-25') });
    const before = snapshot(repo);
    const cases: [string[], number, string][] = [
      [['reschedule', '2020-06-18-moscow', '--date', '2020-06-25'], 1, 'another meeting already has the id `2020-06-25-moscow`'],
      [['reschedule', '2019-06-20-moscow', '--date', '2020-06-26'], 2, 'there is no meeting `2019-06-20-moscow`'],
      [['reschedule', '2020-06-18-moscow', '--date', '2020-02-30'], 2, '--date `2020-02-30` is not a day: there is no 30 February in 2020'],
      [['reschedule', '2020-06-18-moscow'], 2, 'missing --date'],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(args, { cwd: repo, env: TODAY });
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.code, args.join(' ')).toBe(code);
    }
    expect(snapshot(repo)).toEqual(before);
  });

  it('refuses a cancelled meeting, naming it and its reason, and leaves it cancelled; nothing written', async () => {
    const repo = plannedRepo();
    const cancel = await runCli(['cancel', '2020-06-18-moscow', '--reason', 'The hall is closed for repairs.', '--commit'], { cwd: repo, env: TODAY });
    expect(cancel.code).toBe(0);
    const before = snapshot(repo);
    const head = git(repo, 'rev-parse', 'HEAD');
    const r = await runCli(['reschedule', '2020-06-18-moscow', '--date', '2020-06-25', '--commit'], { cwd: repo, env: TODAY });
    expect(r.stderr).toContain('club: the meeting `2020-06-18-moscow` was cancelled (The hall is closed for repairs.); a cancelled meeting is not moved; nothing was written');
    expect(r.stderr).toContain('plan it again first: `club unset 2020-06-18-moscow cancel_reason && club set 2020-06-18-moscow status=planned`, then move it');
    expect(r.stderr).not.toContain('renamed');
    expect(r.code).toBe(1);
    expect(snapshot(repo)).toEqual(before);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(path.join(repo, 'data/meetings/2020-06-25-moscow.yaml'))).toBe(false);
    expect(parse(readFileSync(path.join(repo, 'data/meetings/2020-06-18-moscow.yaml'), 'utf8')))
      .toMatchObject({ status: 'cancelled', cancel_reason: 'The hall is closed for repairs.' });
  });

  describe('a move never names the place it leaves, in either language', () => {
    const PSKOV = [
      'date: 2020-06-18', 'start: "10:00"', 'kind: off-site', 'division: moscow', 'status: planned', 'venue:',
      '  name: Pskov customs post', '  name_ru: Псковский таможенный пост', '  address: 1 Novozavodskaya Street',
      '  address_ru: ул. Новозаводская, 1', '  city: Pskov', '  region: Pskov Oblast', 'agenda:', '  - title: Opening', '',
    ].join('\n');
    const move = async (args: string[]) => {
      const repo = clubRepo({ 'meetings/2020-06-18-pskov.yaml': PSKOV });
      const r = await runCli(['reschedule', '2020-06-18-pskov', '--date', '2020-06-25', ...args], { cwd: repo, env: TODAY });
      expect(r.code, r.stderr).toBe(0);
      const id = readdirSync(path.join(repo, 'data/meetings')).find((f) => f.startsWith('2020-06-25'))!.replace(/\.yaml$/, '');
      const place = async (lang: string) => /\*\*(?:Place|Место):\*\* (.*)$/m.exec((await runCli(['agenda', id, '--lang', lang], { cwd: repo, env: TODAY })).stdout)?.[1];
      return {
        venue: parse(readFileSync(path.join(repo, `data/meetings/${id}.yaml`), 'utf8')).venue, stderr: r.stderr,
        en: await place('en'), ru: await place('ru'), valid: (await runCli(['validate'], { cwd: repo, env: TODAY })).code,
      };
    };

    it('to another city: the old hall, its address and its region are gone; the Russian agenda names only the new place', async () => {
      const m = await move(['--city', 'Moscow', '--venue', 'Test Customs Service, conference hall']);
      expect(m.venue).toEqual({ name: 'Test Customs Service, conference hall', city: 'Moscow' });
      expect(m.ru).toBe('Test Customs Service, conference hall, Moscow'); // the test club.yaml gives Moscow no city_ru
      expect(m.en).toBe('Test Customs Service, conference hall, Moscow');
      expect(m.stderr).toContain('note: removed venue.name_ru, venue.address, venue.address_ru, venue.region: they were the place the meeting leaves');
      expect(m.valid).toBe(0);
      const given = await move(['--city', 'Izborsk', '--venue', 'Izborsk fortress', '--address', '1 Pechorskaya Street', '--region', 'Pskov oblast']);
      expect(given.venue).toEqual({ name: 'Izborsk fortress', address: '1 Pechorskaya Street', city: 'Izborsk', region: 'Pskov oblast' });
      expect(given.ru).toBe('Izborsk fortress, 1 Pechorskaya Street, Izborsk, Псковская область');
      expect(given.en).toBe('Izborsk fortress, 1 Pechorskaya Street, Izborsk, Pskov oblast');
    });

    it('--dry-run says what the move would remove, and removes nothing', async () => {
      const repo = clubRepo({ 'meetings/2020-06-18-pskov.yaml': PSKOV });
      const before = snapshot(repo);
      const r = await runCli(['reschedule', '2020-06-18-pskov', '--date', '2020-06-25', '--venue', 'Pskov customs house', '--dry-run'], { cwd: repo, env: TODAY });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('note: would remove venue.name_ru, venue.address, venue.address_ru: they were the place the meeting leaves; '
        + 'the new place\'s are given with --venue, --address, --region, --venue-country (or `club set 2020-06-25-pskov venue.address=…`)\n');
      expect(snapshot(repo)).toEqual(before);
    });

    it('to another hall in the same city: the old address is gone in both languages; the city and region stay', async () => {
      const m = await move(['--venue', 'Pskov customs house']);
      expect(m.venue).toEqual({ name: 'Pskov customs house', city: 'Pskov', region: 'Pskov Oblast' });
      expect(m.ru).toBe('Pskov customs house, Pskov, Псковская область');
      expect(m.en).toBe('Pskov customs house, Pskov, Pskov Oblast');
      expect(m.stderr).toContain('note: removed venue.name_ru, venue.address, venue.address_ru:');
    });

    it('a city or hall given in another case or spacing is the same place: its stored spelling and all of it stay', async () => {
      const repo = clubRepo({ 'meetings/2020-06-18-pskov.yaml': PSKOV });
      const before = snapshot(repo);
      const dry = await runCli(['reschedule', '2020-06-18-pskov', '--date', '2020-06-25', '--city', 'pskov', '--dry-run'], { cwd: repo, env: TODAY });
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stderr).not.toContain('would remove');
      expect(dry.stdout).not.toMatch(/^-\s+(name|name_ru|address|address_ru|city|region):/m);
      expect(dry.stdout).not.toContain('city: pskov');
      expect(snapshot(repo)).toEqual(before);
      const m = await move(['--city', 'PSKOV', '--venue', 'Pskov  Customs Post']);
      expect(m.venue).toEqual(parse(PSKOV).venue);
      expect(m.stderr).not.toContain('removed');
      expect(m.ru).toBe('Псковский таможенный пост, ул. Новозаводская, 1, Pskov, Псковская область');
      const hall = await move(['--venue', 'Pskov Customs Post']);
      expect(hall.venue).toEqual(parse(PSKOV).venue);
    });

    it('a change of place on the same day, as the note after a move says, records no move; the note names a command that works', async () => {
      const repo = clubRepo({ 'meetings/2020-06-18-pskov.yaml': PSKOV });
      const r = await runCli(['reschedule', '2020-06-18-pskov', '--date', '2020-06-25', '--venue', 'Pskov customs house'], { cwd: repo, env: TODAY });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('the new place\'s are given with `club reschedule 2020-06-25-pskov --date 2020-06-25 --address …` '
        + '(or --venue, --region, --venue-country), or `club set 2020-06-25-pskov venue.address=…`\n');
      const place = await runCli(['reschedule', '2020-06-25-pskov', '--date', '2020-06-25', '--address', '5 Fort St'], { cwd: repo, env: TODAY });
      expect(place.code, place.stderr).toBe(0);
      const m = parse(readFileSync(path.join(repo, 'data/meetings/2020-06-25-pskov.yaml'), 'utf8'));
      expect(m.venue).toEqual({ name: 'Pskov customs house', address: '5 Fort St', city: 'Pskov', region: 'Pskov Oblast' });
      // One move, 18 → 25 June; none from a day to itself.
      expect(m.moved_from).toEqual([{ date: '2020-06-18', id: '2020-06-18-pskov' }]);
      expect((await runCli(['validate', '--strict'], { cwd: repo, env: TODAY })).code).toBe(0);
      // A meeting never moved gets no moved_from either.
      const never = clubRepo({ 'meetings/2020-06-18-pskov.yaml': PSKOV });
      expect((await runCli(['reschedule', '2020-06-18-pskov', '--date', '2020-06-18', '--address', '5 Fort St'], { cwd: never, env: TODAY })).code).toBe(0);
      expect(parse(readFileSync(path.join(never, 'data/meetings/2020-06-18-pskov.yaml'), 'utf8')).moved_from).toBeUndefined();
    });

    it('--venue-country takes a country\'s name in English or Russian or its code; one that is none is a usage error', async () => {
      expect((await move(['--city', 'Narva', '--venue-country', 'Estonia'])).venue).toEqual({ city: 'Narva', country: 'EE' });
      const ru = await move(['--city', 'Narva', '--venue-country', 'эстония']);
      expect(ru.venue).toEqual({ city: 'Narva', country: 'EE' });
      expect(ru.valid).toBe(0);
      expect((await move(['--city', 'Narva', '--venue-country', ' ee '])).venue).toEqual({ city: 'Narva', country: 'EE' });
      const repo = clubRepo({ 'meetings/2020-06-18-pskov.yaml': PSKOV });
      const before = snapshot(repo);
      for (const [value, near] of [['Estonai', 'did you mean Estonia (EE)?'], ['XX', undefined]] as const) {
        const r = await runCli(['reschedule', '2020-06-18-pskov', '--date', '2020-06-25', '--city', 'Narva', '--venue-country', value], { cwd: repo, env: TODAY });
        expect(r.stderr).toContain(`club: --venue-country \`${value}\` is not a country this knows (a name in English or Russian, or a code like FI)`);
        if (near) expect(r.stderr).toContain(near);
        expect(r.stderr).not.toContain('    at ');
        expect(r.code).toBe(2);
      }
      expect(snapshot(repo)).toEqual(before);
    });

    it('keeping the hall and the city keeps all of the place, and says nothing was removed', async () => {
      const m = await move(['--city', 'Pskov', '--venue', 'Pskov customs post']);
      expect(m.venue).toEqual(parse(PSKOV).venue);
      expect(m.ru).toBe('Псковский таможенный пост, ул. Новозаводская, 1, Pskov, Псковская область');
      expect(m.en).toBe('Pskov customs post, 1 Novozavodskaya Street, Pskov, Pskov Oblast');
      expect(m.stderr).not.toContain('removed');
    });
  });
});
