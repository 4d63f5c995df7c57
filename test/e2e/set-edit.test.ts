import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLUB_YAML, MEETING } from '../helpers/club-tree.js';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const club = (repo: string, args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: repo, env: { CLUB_TODAY: '2020-01-15', ...env } });
const read = (repo: string, file: string) => readFileSync(path.join(repo, 'data', file), 'utf8');

const PETROV = `# The secretary since 2016.
name: Petrov P.P.
country: RU

category: customs
division: moscow
joined: 2016-03-01
languages: [ru]
`;

describe('club set and club unset', () => {
  it('names in the commit it suggests only the fields whose value changed; with none, says nothing changed and writes nothing', async () => {
    const wang = 'name: Wang Xiaoming\nname_native: "王小明"\ncountry: CN\ncategory: embassy\ndivision: moscow\njoined: 2019-06-16\n';
    const repo = clubRepo({ 'club.yaml': CLUB_YAML.replace('  - country: DE\n', '  - country: CN\n  - country: DE\n'), 'members/wang-xiaoming.yaml': wang });
    const run = await club(repo, ['set', 'wang-xiaoming', 'title=Attaché', 'name_native=王小明', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('git commit -m "Set title of wang-xiaoming"');
    // The unchanged field keeps its quotes: it was not written again.
    expect(read(repo, 'members/wang-xiaoming.yaml')).toBe(`${wang.replace('division:', 'title: Attaché\ndivision:')}`);
    const before = snapshot(repo);
    const again = await club(repo, ['set', 'wang-xiaoming', 'title=Attaché', 'name_native=王小明', '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('nothing to change\n');
    expect(snapshot(repo)).toEqual(before);
    const committed = await club(repo, ['set', 'wang-xiaoming', 'name_native=王小明', 'languages+=zh', '--yes', '--commit'], { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' });
    expect(committed.code, committed.stderr).toBe(0);
    expect(committed.stderr).toMatch(/committed \w+: Set languages of wang-xiaoming\n/);
  });

  it('sets fields where the schema puts them, typed by the schema, keeping comments and blank lines', async () => {
    const repo = clubRepo({ 'members/petrov-p-p.yaml': PETROV });
    const run = await club(repo, ['set', 'petrov-p-p', 'title=Head of Section', 'email=petrov@example.org', 'country=ru', 'languages+=EN']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('updated data/members/petrov-p-p.yaml');
    expect(read(repo, 'members/petrov-p-p.yaml')).toBe(`# The secretary since 2016.
name: Petrov P.P.
country: RU

category: customs
title: Head of Section
division: moscow
joined: 2016-03-01
email: petrov@example.org
languages: [ru, en]
`);
    const removed = await club(repo, ['set', 'petrov-p-p', 'languages-=ru']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(parse(read(repo, 'members/petrov-p-p.yaml')).languages).toEqual(['en']);
    const unset = await club(repo, ['unset', 'petrov-p-p', 'email', 'title']);
    expect(unset.code, unset.stderr).toBe(0);
    expect(read(repo, 'members/petrov-p-p.yaml')).toBe(PETROV.replace('languages: [ru]', 'languages: [en]'));
  });

  it('dot paths, list items, times and numbers in a meeting; a list of ids comma-separated', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': MEETING });
    const run = await club(repo, ['set', '2019-06-20-moscow', 'venue.address=11a Novozavodskaya', 'start=9:30', 'agenda[1].minutes=25', 'attendees=petrov-p-p,ivanov-i-i,muller-k']);
    expect(run.code, run.stderr).toBe(0);
    const m = parse(read(repo, 'meetings/2019-06-20-moscow.yaml'));
    expect(m.start).toBe('09:30');
    expect(m.venue).toEqual({ name: 'FCS headquarters', address: '11a Novozavodskaya', city: 'Moscow' });
    expect(m.agenda[1].minutes).toBe(25);
    expect(m.attendees).toEqual(['petrov-p-p', 'ivanov-i-i', 'muller-k']);
    // The address goes between the name and the city, as in the schema.
    expect(read(repo, 'meetings/2019-06-20-moscow.yaml')).toContain('  name: FCS headquarters\n  address: 11a Novozavodskaya\n  city: Moscow\n');
  });

  it('club set club edits club.yaml', async () => {
    const repo = clubRepo({ 'club.yaml': `# Our club\n${CLUB_YAML}` });
    const run = await club(repo, ['set', 'club', 'name=The Test Club']);
    expect(run.code, run.stderr).toBe(0);
    expect(read(repo, 'club.yaml')).toBe(`# Our club\n${CLUB_YAML.replace('name: Test Club', 'name: The Test Club')}`);
  });

  it('usage errors: an unknown field with did-you-mean and the list, a date that does not exist, += on a text; nothing written', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const unknown = await club(repo, ['set', 'petrov-p-p', 'titel=x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('a member has no field `titel`; did you mean `title`?');
    expect(unknown.stderr).toMatch(/fields of a member: name, name_native, country, .*email/);
    const officer = await club(repo, ['set', 'chairman-ivanov-i-i', 'titel=x']);
    expect(officer.code).toBe(2);
    expect(officer.stderr).toContain('an officer has no field `titel`');
    expect(officer.stderr).toMatch(/fields of an officer: /);
    const date = await club(repo, ['set', 'petrov-p-p', 'joined=2019-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('there is no 30 February in 2019');
    const notList = await club(repo, ['set', 'petrov-p-p', 'title+=x']);
    expect(notList.code).toBe(2);
    expect(notList.stderr).toContain('title is not a list');
    const badSyntax = await club(repo, ['set', 'petrov-p-p', 'title']);
    expect(badSyntax.code).toBe(2);
    const noRecord = await club(repo, ['set', 'petrov-p', 'title=x']);
    expect(noRecord.code).toBe(2);
    expect(noRecord.stderr).toContain('did you mean `petrov-p-p`?');
    expect(snapshot(repo)).toEqual(before);
  });

  it.each([
    [['set', '2019-06-20-moscow', 'start=25:00'], 'start must be a time as HH:MM (24-hour clock), not `25:00`'],
    [['set', '2019-06-20-moscow', 'end=noon'], 'end must be a time as HH:MM (24-hour clock), not `noon`'],
    [['set', '2019-06-20-moscow', 'date=2026-02-30'], 'date `2026-02-30` is not a day: there is no 30 February in 2026'],
    [['set', '2019-06-20-moscow', 'date=20 June 2019'], 'date must be a date as YYYY-MM-DD or DD.MM.YYYY, not `20 June 2019`'],
    [['set', '2019-06-20-moscow', 'date=30.02.2019'], 'date `30.02.2019` is not a day: there is no 30 February in 2019'],
    [['set', 'petrov-p-p', 'email=petrov.example.org'], 'email must be an e-mail address such as name@example.org, not `petrov.example.org`'],
    [['set', 'petrov-p-p', 'phone=call me'], 'phone must be a telephone number in international form, e.g. +7 495 123-45-67, not `call me`'],
    [['set', 'petrov-p-p', 'division=Saint Petersburg'], 'division must be an id: lowercase letters, digits and single hyphens, e.g. vasiltsov-d-v, not `Saint Petersburg`'],
    [['set', 'club', 'timezone=Moscow time'], 'timezone must be an IANA time zone such as Europe/Moscow, not `Moscow time`'],
    [['add-meeting', '--date', '2026-02-30', '--division', 'moscow', '--no-input'], '--date `2026-02-30` is not a day: there is no 30 February in 2026'],
    [['add-meeting', '--date', '2026-03-02', '--start', '25:00', '--division', 'moscow', '--no-input'], '--start must be a time as HH:MM (24-hour clock), not `25:00`'],
    [['reschedule', '2019-06-20-moscow', '--date', '2026-02-30'], '--date `2026-02-30` is not a day: there is no 30 February in 2026'],
    [['reschedule', '2019-06-20-moscow', '--date', '2026-03-02', '--start', '25:00'], '--start must be a time as HH:MM (24-hour clock), not `25:00`'],
    [['record', '2019-06-20-moscow', '--started', '25:00'], '--started must be a time as HH:MM (24-hour clock), not `25:00`'],
    [['done', '2019-06-20-moscow', '1', '--on', '2026-02-30'], '--on `2026-02-30` is not a day: there is no 30 February in 2026'],
    [['list', 'members', '--as-of', '2026-02-30'], '--as-of `2026-02-30` is not a day: there is no 30 February in 2026'],
  ])('a value typed on the command line in the wrong form is a usage error naming the field and the form: club %j (exit 2, nothing written)', async (args, message) => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': MEETING });
    const before = snapshot(repo);
    const run = await club(repo, args);
    expect(run.stderr.split('\n')[0]).toBe(`club: ${message}`);
    expect(run.code).toBe(2);
    expect(snapshot(repo)).toEqual(before);
  });

  it('a country given by its name or another name is written as its code, in set and in add-member, as list --where reads it', async () => {
    const repo = clubRepo({ 'members/petrov-p-p.yaml': PETROV });
    const russia = await club(repo, ['set', 'petrov-p-p', 'country=Россия']);
    expect(russia.code, russia.stderr).toBe(0);
    expect(parse(read(repo, 'members/petrov-p-p.yaml'))).toMatchObject({ country: 'RU' });
    const added = await club(repo, ['add-member', '--name', 'Sidorov S.S.', '--country', 'РФ', '--category', 'customs', '--division', 'moscow', '--joined', '2019-01-01', '--no-input']);
    expect(added.code, added.stderr).toBe(0);
    expect(parse(read(repo, 'members/sidorov-s-s.yaml'))).toMatchObject({ country: 'RU' });
    const typo = await club(repo, ['set', 'petrov-p-p', 'country=Rusia']);
    expect(typo.stderr.split('\n')[0]).toBe('club: country: `Rusia` is not one of the allowed values; did you mean `RU`?');
    expect(typo.code).toBe(2);
  });

  it('FIELD= with nothing after it says to unset the field instead (it said "email must be an e-mail address …, not ``"); nothing written', async () => {
    const repo = clubRepo({ 'members/petrov-p-p.yaml': PETROV });
    const before = snapshot(repo);
    const run = await club(repo, ['set', 'petrov-p-p', 'email=']);
    expect(run.stderr).toBe('club: email= gives no value\n  hint: to remove email, run `club unset petrov-p-p email`\n');
    expect(run.code).toBe(2);
    expect(snapshot(repo)).toEqual(before);
  });

  it('unset of a required field says it is required and to change it with club set (not "correct the values above"); nothing written', async () => {
    const repo = clubRepo({ 'members/petrov-p-p.yaml': PETROV });
    const before = snapshot(repo);
    const run = await club(repo, ['unset', 'petrov-p-p', 'name', 'languages']);
    expect(run.stderr).toContain('a member is missing the required field `name`');
    expect(run.stderr).toContain('club: refused: the change would make the data invalid; nothing was written\n'
      + '  hint: `name` is required, so it cannot be removed; to change it, use `club set petrov-p-p name=…`\n');
    expect(run.stderr).not.toContain('correct the values above');
    expect(run.code).toBe(1);
    expect(snapshot(repo)).toEqual(before);
  });

  it('end-term --on (leave\'s flag) names the date flag end-term takes; leave --to names --on; nothing written', async () => {
    const repo = clubRepo({ 'members/petrov-p-p.yaml': PETROV });
    const before = snapshot(repo);
    const endTerm = await club(repo, ['end-term', 'chairman', '--on', '2020-01-10']);
    expect(endTerm.stderr).toBe('club: unknown option \'--on\'\n'
      + '  hint: `club end-term` takes the date as --to <date> (the last day of the term), e.g. --to YYYY-MM-DD (`club end-term --help` shows examples)\n');
    expect(endTerm.code).toBe(2);
    const leave = await club(repo, ['leave', 'petrov-p-p', '--to', '2020-01-10']);
    expect(leave.stderr).toContain('hint: `club leave` takes the date as --on <date>');
    expect(leave.code).toBe(2);
    // An unknown option that is not a date flag keeps commander's suggestion.
    expect((await club(repo, ['leave', 'petrov-p-p', '--onn', '2020-01-10'])).stderr).toContain('did you mean --on?');
    expect(snapshot(repo)).toEqual(before);
  });

  it('a well-formed value is still written: a one-digit hour, an address, a telephone number', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': MEETING });
    expect((await club(repo, ['set', '2019-06-20-moscow', 'start=9:30'])).code).toBe(0);
    expect(read(repo, 'meetings/2019-06-20-moscow.yaml')).toContain('start: "09:30"');
    const member = await club(repo, ['set', 'petrov-p-p', 'email=petrov@example.org', 'phone=+7 495 123-45-67', 'division=moscow']);
    expect(member.code, member.stderr).toBe(0);
    expect(parse(read(repo, 'members/petrov-p-p.yaml'))).toMatchObject({ email: 'petrov@example.org', phone: '+7 495 123-45-67' });
  });

  it('refuses, exit 1, a value the folder check rejects, and unsetting a required field; nothing written', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const division = await club(repo, ['set', 'petrov-p-p', 'division=kazan']);
    expect(division.code).toBe(1);
    expect(division.stderr).toContain('unknown-reference');
    const required = await club(repo, ['unset', 'petrov-p-p', 'name']);
    expect(required.code).toBe(1);
    expect(required.stderr).toMatch(/data\/members\/petrov-p-p\.yaml\n\s+1:1\s+error/);
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('club set and unset beside a Russian form (translation-kept)', () => {
  const PSKOV = MEETING.replace('  name: FCS headquarters\n  city: Moscow\n',
    '  name: Pskov customs post\n  name_ru: Псковский таможенный пост\n  city: Pskov\n  region: Pskov Oblast\n  region_ru: Псковская область\n');
  const meeting = (repo: string) => read(repo, 'meetings/2019-06-20-pskov.yaml');

  it('changing the English name keeps the Russian one and warns at it, with both fixes; the Russian given too, no warning', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-pskov.yaml': PSKOV });
    const run = await club(repo, ['set', '2019-06-20-pskov', 'venue.name=Izborsk fortress']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('data/meetings/2019-06-20-pskov.yaml\n'
      + '  9:12  warning  `venue.name` is now `Izborsk fortress`, but `venue.name_ru` still says `Псковский таможенный пост`  translation-kept\n'
      + '        hint: if that names the old one, give the new one (`club set 2019-06-20-pskov venue.name_ru=…`) or remove it (`club unset 2019-06-20-pskov venue.name_ru`); Russian documents print it\n');
    expect(meeting(repo)).toBe(PSKOV.replace('name: Pskov customs post', 'name: Izborsk fortress'));

    const both = await club(repo, ['set', '2019-06-20-pskov', 'venue.name=Izborsk museum', 'venue.name_ru=Изборский музей']);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stderr).not.toContain('warning');
    expect(parse(meeting(repo)).venue).toMatchObject({ name: 'Izborsk museum', name_ru: 'Изборский музей' });
  });

  it('removing the English field warns about the Russian one left, at its line and column; --dry-run says the same and writes nothing', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-pskov.yaml': PSKOV });
    const before = snapshot(repo);
    const dry = await club(repo, ['unset', '2019-06-20-pskov', 'venue.region', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    // At its place in the file as the change writes it (the region's line gone), as every warning a change brings in.
    expect(dry.stderr).toContain('  11:14  warning  `venue.region` is removed, but `venue.region_ru` still says `Псковская область`  translation-kept\n');
    expect(snapshot(repo)).toEqual(before);
    const run = await club(repo, ['unset', '2019-06-20-pskov', 'venue.region']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('`venue.region` is removed, but `venue.region_ru` still says `Псковская область`  translation-kept');
    expect(parse(meeting(repo)).venue).toEqual({ name: 'Pskov customs post', name_ru: 'Псковский таможенный пост', city: 'Pskov', region_ru: 'Псковская область' });
  });

  it('club.yaml\'s name beside name_ru warns the same; a field with no Russian form beside it, or a value that does not change, does not', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB_YAML.replace('name: Test Club\n', 'name: Test Club\nname_ru: Тестовый клуб\n') });
    const run = await club(repo, ['set', 'club', 'name=Moscow Club']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('data/club.yaml\n  2:10  warning  `name` is now `Moscow Club`, but `name_ru` still says `Тестовый клуб`  translation-kept\n'
      + '        hint: if that names the old one, give the new one (`club set club name_ru=…`) or remove it (`club unset club name_ru`); Russian documents print it\n');
    const plain = await club(repo, ['set', 'club', 'timezone=Europe/Kaliningrad']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).not.toContain('translation-kept');
    const same = await club(repo, ['set', 'club', 'name=Moscow Club']);
    expect(same.stderr).toBe('nothing to change\n');
  });

  it('a mistyped field of a group is suggested by its whole path', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-pskov.yaml': PSKOV });
    const before = snapshot(repo);
    for (const [typed, meant] of [['venue.nam_ru', 'venue.name_ru'], ['venu.name', 'venue.name'], ['agenda[0].titel', 'agenda[0].title']]) {
      const run = await club(repo, ['set', '2019-06-20-pskov', `${typed}=x`]);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`club: a meeting has no field \`${typed}\`; did you mean \`${meant}\`?`);
    }
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('the club\'s own settings with club set club', () => {
  it('a change refused for the errors it makes in other files counts the whole folder as checked, not the one file it writes', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const records = Object.keys(before).filter((f) => f.startsWith('data/') && f.endsWith('.yaml')).length;
    // Germany leaves the member countries while Müller K. still represents it: an error in his file, not in club.yaml.
    const run = await club(repo, ['set', 'club', 'member_countries-=DE', '--yes']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('data/members/muller-k.yaml');
    expect(run.stderr).toMatch(new RegExp(`✖ \\d+ errors? and \\d+ warnings? in \\d+ files? \\(${records} files checked\\)`));
    expect(records).toBeGreaterThan(1);
    expect(snapshot(repo)).toEqual(before);
  });
  it('adds a position, a member country with since, its leaving (until), an outlet and a division; each usable at once', async () => {
    const repo = clubRepo();
    const steps: string[][] = [
      ['positions+=id=treasurer; title=Treasurer'],
      ['member_countries+=country=fr; since=2020-01-01'],
      ['outlets+=title=x'],
    ];
    const position = await club(repo, ['set', 'club', ...steps[0]!]);
    expect(position.code, position.stderr).toBe(0);
    expect(position.stderr).toContain('vacant-position'); // the warning the change brings in
    const country = await club(repo, ['set', 'club', ...steps[1]!]);
    expect(country.code, country.stderr).toBe(0);
    const outlet = await club(repo, ['set', 'club', 'outlets+=id=vestnik; name=Customs Bulletin; kind=website', 'divisions+=id=kazan; city=Kazan; since=2020']);
    expect(outlet.code, outlet.stderr).toBe(0);
    const dupont = await club(repo, ['add-member', '--name', 'Dupont J.', '--country', 'fr', '--category', 'embassy', '--division', 'kazan', '--joined', '2020-01-10']);
    expect(dupont.code, dupont.stderr).toBe(0);
    const appoint = await club(repo, ['appoint', 'treasurer', 'dupont-j', '--from', '2020-01-10']);
    expect(appoint.code, appoint.stderr).toBe(0);
    const left = await club(repo, ['set', 'club', 'member_countries[FR].until=2021-06-30']);
    expect(left.code, left.stderr).toBe(0);
    const info = parse(read(repo, 'club.yaml'));
    expect(info.positions.at(-1)).toEqual({ id: 'treasurer', title: 'Treasurer' });
    expect(info.member_countries.at(-1)).toEqual({ country: 'FR', since: '2020-01-01', until: '2021-06-30' });
    expect(info.outlets.at(-1)).toEqual({ id: 'vestnik', name: 'Customs Bulletin', kind: 'website' });
    expect(info.divisions.at(-1)).toEqual({ id: 'kazan', city: 'Kazan', since: '2020' });
    // What was there is still there, in its order: each addition went to the end of its own list.
    expect(read(repo, 'club.yaml').startsWith(CLUB_YAML.split('  - id: saint-petersburg')[0]!)).toBe(true);
    expect((await club(repo, ['validate'])).code).toBe(0);
    const bad = await club(repo, ['set', 'club', steps[2]![0]!]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('`title=x` is not KEY=VALUE with a known key');
  });

  it('usage errors: a missing ; between pairs, a duplicate, an unknown item', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const comma = await club(repo, ['set', 'club', 'positions+=id=treasurer, title=Treasurer']);
    expect(comma.code).toBe(2);
    expect(comma.stderr).toContain('contains `title=`; is a ; missing before it?');
    const twice = await club(repo, ['set', 'club', 'positions+=id=chairman; title=Chair']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('positions already has `chairman`');
    const unknown = await club(repo, ['set', 'club', 'member_countries[FX].until=2020-01-01']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/has no item `FX`; did you mean `F[IR]`\?/);
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('club edit without a terminal (the editor is a script)', () => {
  it('puts a valid edit in place', async () => {
    const repo = clubRepo({ 'members/petrov-p-p.yaml': PETROV });
    const run = await club(repo, ['edit', 'petrov-p-p'], { EDITOR: 'sed -i s/Petrov\\ P.P./Petrova\\ P.P./' });
    expect(run.code, run.stderr).toBe(0);
    expect(read(repo, 'members/petrov-p-p.yaml')).toBe(PETROV.replace('Petrov P.P.', 'Petrova P.P.'));
  });

  it('an editor closed without a change writes nothing', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const run = await club(repo, ['edit', 'petrov-p-p'], { EDITOR: 'true' });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no change; nothing was written');
    expect(snapshot(repo)).toEqual(before);
  });

  it('an invalid edit is refused with the diagnostics, the file is untouched and the text kept', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const run = await club(repo, ['edit', 'petrov-p-p'], { EDITOR: 'sed -i s/joined:\\ 2016-03-01/joined:\\ 2016-02-30/' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('impossible-date');
    const kept = /your text is kept in (\S+)/.exec(run.stderr)![1]!;
    expect(readFileSync(kept, 'utf8')).toContain('joined: 2016-02-30');
    expect(snapshot(repo)).toEqual(before);
  });
});

const vi = clubTerminals({ EDITOR: 'vi' });

describe.skipIf(!hasTmux)('club edit at a terminal (tmux, vi)', () => {
  // HOME inside .git: vi's .viminfo is not taken for a change to the folder.
  const start = (repo: string, args: string) => vi(repo, args, { HOME: path.join(repo, '.git') });

  it('reopens an invalid record with the diagnostics on top, then shows the diff and writes the corrected one', async () => {
    const repo = clubRepo({ 'members/petrov-p-p.yaml': PETROV });
    const t = start(repo, 'edit petrov-p-p');
    await t.waitFor('name: Petrov P.P.');
    await t.type(':%s/2016-03-01/2016-02-30/');
    await t.press('Enter');
    await t.type(':wq');
    await t.press('Enter');
    const reopened = await t.waitFor('club edit: this record was not saved');
    expect(reopened).toContain('impossible-date');
    expect(reopened).toContain('joined: 2016-02-30'); // what was typed is there, not the original
    await t.type(':%s/2016-02-30/2016-02-29/');
    await t.press('Enter');
    await t.type(':wq');
    await t.press('Enter');
    const preview = await t.waitFor('Write it?');
    expect(preview).toContain('-joined: 2016-03-01');
    expect(preview).toContain('+joined: 2016-02-29');
    await t.press('Enter');
    expect(await t.waitFor(/EXIT:\d+/)).toContain('EXIT:0');
    expect(read(repo, 'members/petrov-p-p.yaml')).toBe(PETROV.replace('2016-03-01', '2016-02-29'));
  });

  it('quitting without saving changes nothing', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const t = start(repo, 'edit petrov-p-p');
    await t.waitFor('name: Petrov P.P.');
    await t.type(':q!');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('no change; nothing was written');
    expect(done).toContain('EXIT:0');
    expect(snapshot(repo)).toEqual(before);
  });
});
