import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLUB_YAML } from '../helpers/club-tree.js';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

/** import --update writes a row to the member it is, and never gives a member a name that is not theirs. */

const ENV = { CLUB_TODAY: '2020-01-15' };
const club = (args: string[], cwd: string) => runCli(args, { cwd, env: ENV });
const CLUB = CLUB_YAML.replace('  - country: DE\n    since: 2010\n', '  - country: DE\n    since: 2010\n  - country: CN\n    since: 2002-12\n');

const WANG_FANG = 'name: Wang Fang\nname_native: 王芳\ncountry: CN\ncategory: embassy\ndivision: moscow\njoined: 2019-03-01\n';
const LI_NA = 'name: Li Na\ncountry: CN\ncategory: embassy\ndivision: moscow\njoined: 2018-05-01\n';
const ZHANG_WEI = 'name: Zhang Wei\nname_native: 张伟\ncountry: CN\ncategory: customs\ndivision: moscow\njoined: 2017-01-01\n';
const IVANOV_I_I = 'name: Ivanov I.I.\nname_native: Иванов И.И.\ncountry: RU\ncategory: customs\ndivision: moscow\njoined: 2015-01-01\n';
const IVANOV_I_P = 'name: Ivanov I.P.\nname_native: Иванов И.П.\ncountry: RU\ncategory: customs\ndivision: moscow\njoined: 2016-01-01\n';

const folder = () => clubRepo({
  'club.yaml': CLUB, 'members/wang-fang.yaml': WANG_FANG, 'members/li-na.yaml': LI_NA, 'members/zhang-wei.yaml': ZHANG_WEI,
  'members/ivanov-i-i.yaml': IVANOV_I_I, 'members/ivanov-i-p.yaml': IVANOV_I_P,
});
const read = (repo: string, id: string) => readFileSync(path.join(repo, `data/members/${id}.yaml`), 'utf8');

describe('a row with an Id and a name in another script than the member\'s', () => {
  it('updates the member\'s other fields and keeps their names: Ван Фан for Wang Fang / 王芳, Ли На for Li Na', async () => {
    const repo = folder();
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,Country,E-mail\nwang-fang,Ван Фан,CN,wf@example.org\nli-na,Ли На,CN,ln@example.org\n');
    const before = snapshot(repo);
    const dry = await club(['import', 'members', 'm.csv', '--update', '--dry-run'], repo);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).not.toMatch(/^[-+]name/m);
    expect(dry.stdout.match(/^\+email: (wf|ln)@example\.org$/gm)).toHaveLength(2);
    expect(dry.stderr).toContain('m.csv: row 2: Ван Фан, the name of wang-fang (Wang Fang / 王芳) in another script, only says who the row is: their names are kept');
    expect(dry.stderr).toContain('m.csv: row 3: Ли На, the name of li-na (Li Na) in another script, only says who the row is: their names are kept');
    expect(snapshot(repo)).toEqual(before);
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('imported 2 updates from m.csv');
    expect(read(repo, 'wang-fang')).toBe(WANG_FANG.replace('joined: 2019-03-01\n', 'joined: 2019-03-01\nemail: wf@example.org\n'));
    expect(read(repo, 'li-na')).toBe(LI_NA.replace('joined: 2018-05-01\n', 'joined: 2018-05-01\nemail: ln@example.org\n'));
  });

  it('the likely-copy hint says what an Id does, and following it updates her without touching her names', async () => {
    const repo = folder();
    writeFileSync(path.join(repo, 'm.csv'), 'Name,Country,Title\nВан Фан,CN,Атташе\n');
    const refused = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('hint: if it is wang-fang, write the name as the record has it (Wang Fang or 王芳) or give `wang-fang` in an Id column '
      + '(a name in another script than theirs then only says who the row is: their names are kept); if another person, give them an id of their own in an Id column (`wang-fang-2`)');
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,Country,Title\nwang-fang,Ван Фан,CN,Атташе\n');
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(read(repo, 'wang-fang'))).toEqual({ ...parse(WANG_FANG), title: 'Атташе' });
  });

  it('a name in another script that does not read as the member\'s is refused: the id and the name disagree', async () => {
    const repo = folder();
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,Country,E-mail\nwang-fang,Ли На,CN,wf@example.org\n');
    const before = snapshot(repo);
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('m.csv: row 2, column "Name": Ли На reads as Li Na, not as the name of wang-fang (Wang Fang / 王芳), whose id the row gives  [import-id-name]');
    expect(r.stderr).toContain('1 of 1 rows of m.csv has a problem; nothing was written');
    expect(snapshot(repo)).toEqual(before);
  });

  it('a native name in the member\'s own script is still theirs to correct (王立 for Wang Li / 王力, by id)', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-li.yaml': 'name: Wang Li\nname_native: 王力\ncountry: CN\ncategory: customs\ndivision: moscow\njoined: 2016-01-15\n' });
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name\nwang-li,王立\n');
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(read(repo, 'wang-li'))).toMatchObject({ name: 'Wang Li', name_native: '王立' });
  });

  it('a native name alone does not replace the Latin name by its transliteration (Мюллер К. by id is not "Myuller K.")', async () => {
    const MULLER = 'name: Müller K.\nname_native: Мюллер К.\ncountry: DE\ncategory: customs\ndivision: moscow\njoined: 2012-05-01\n';
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/muller-k.yaml': MULLER });
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,E-mail\nmuller-k,Мюллер К.,km@example.org\n');
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo, 'muller-k')).toBe(`${MULLER}email: km@example.org\n`);
  });
});

describe('a row whose names are two members\', or another member\'s', () => {
  it('Ivanov I.I. / Иванов И.П. (the Latin name of one, the native name of the other) is refused as ambiguous, naming both', async () => {
    const repo = folder();
    writeFileSync(path.join(repo, 'm.csv'), 'Name,Country,E-mail\nIvanov I.I. / Иванов И.П.,RU,ii@example.org\n');
    const before = snapshot(repo);
    for (const update of [['--update'], []]) {
      const r = await club(['import', 'members', 'm.csv', '--yes', ...update], repo);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('m.csv: row 2, column "Name": Ivanov I.I. / Иванов И.П. names two members: Ivanov I.I. is ivanov-i-i (Ivanov I.I. / Иванов И.И.), '
        + 'Иванов И.П. is ivanov-i-p (Ivanov I.P. / Иванов И.П.)  [import-ambiguous-name]');
      expect(r.stderr).not.toContain('already a member');
    }
    expect(snapshot(repo)).toEqual(before);
  });

  it('an Id that is no member\'s makes a new member of that id, though the name is a member\'s (zhang-wei-2, Zhang Wei)', async () => {
    const repo = folder();
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,Country,Category,Division,Joined\nzhang-wei-2,Zhang Wei,CN,customs,moscow,2019\n');
    for (const update of [['--update'], []]) {
      const dry = await club(['import', 'members', 'm.csv', '--dry-run', ...update], repo);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stderr).toContain('m.csv: row 2: zhang-wei-2 is a new member, whose name Zhang Wei is also the name of zhang-wei (Zhang Wei / 张伟): the Id column says it is another person');
      expect(dry.stderr).toContain('dry run: would import 1 new member from m.csv');
    }
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo, 'zhang-wei')).toBe(ZHANG_WEI);
    expect(parse(read(repo, 'zhang-wei-2'))).toEqual({ name: 'Zhang Wei', country: 'CN', category: 'customs', division: 'moscow', joined: '2019' });
  });

  it('an Id that is no member\'s, in a sheet of only Id and Name, is a new member that needs the rest: the name\'s owner is not updated', async () => {
    const repo = folder();
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name\nzhang-wei-2,Zhang Wei\n');
    const before = snapshot(repo);
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('m.csv: row 2: zhang-wei-2 is a new member, whose name Zhang Wei is also the name of zhang-wei (Zhang Wei / 张伟): the Id column says it is another person');
    expect(r.stderr).toContain('club: m.csv: no column for country, category, division, joined, which every new member needs');
    expect(snapshot(repo)).toEqual(before);
  });

  it('an Id cannot give a member another member\'s name: ivanov-i-i, Иванов И.П. is refused naming ivanov-i-p', async () => {
    const repo = folder();
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name\nivanov-i-i,Иванов И.П.\n');
    const before = snapshot(path.join(repo, 'data'));
    for (const extra of [['--dry-run'], ['--yes']]) {
      const r = await club(['import', 'members', 'm.csv', '--update', ...extra], repo);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('m.csv: row 2, column "Name": Иванов И.П. is the name of ivanov-i-p (Ivanov I.P. / Иванов И.П.), not of ivanov-i-i (Ivanov I.I. / Иванов И.И.), '
        + 'whose id the row gives: two members would carry one name  [import-name-taken]');
      expect(r.stdout).toBe('');
    }
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
    // The Latin name alone, likewise.
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name\nivanov-i-i,Ivanov I.P.\n');
    const latin = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(latin.code).toBe(1);
    expect(latin.stderr).toContain('Ivanov I.P. is the name of ivanov-i-p (Ivanov I.P. / Иванов И.П.), not of ivanov-i-i');
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
  });
});

describe('a member\'s name as another script writes it, with their Id (a new user\'s sheet)', () => {
  const NOVAK = 'name: Novák P.\ncountry: CZ\ncategory: embassy\ndivision: moscow\njoined: 2018-01-01\n';
  const KORHONEN = 'name: Korhonen J.\ncountry: FI\ncategory: embassy\ndivision: moscow\njoined: 2018-01-01\n';
  const DUPONT = 'name: Dupont J.\ncountry: FR\ncategory: embassy\ndivision: moscow\njoined: 2018-01-01\n';
  const CZ_FR = CLUB.replace('  - country: CN\n    since: 2002-12\n', '  - country: CN\n    since: 2002-12\n  - country: CZ\n    since: 2002-12\n  - country: FR\n    since: 2002-12\n');
  const people = () => clubRepo({ 'club.yaml': CZ_FR, 'members/novak-p.yaml': NOVAK, 'members/korhonen-j.yaml': KORHONEN, 'members/dupont-j.yaml': DUPONT,
    'members/ivanov-i-i.yaml': IVANOV_I_I, 'members/ivanov-i-p.yaml': IVANOV_I_P });

  it('Новак П., Корхонен Й., Дюпон Ж. are Novák P., Korhonen J., Dupont J.: what reading cannot bring back (an accent, j, a silent t) does not refuse them', async () => {
    const repo = people();
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,E-mail\nnovak-p,Новак П.,np@example.org\nkorhonen-j,Корхонен Й.,kj@example.org\ndupont-j,Дюпон Ж.,dj@example.org\n');
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('imported 3 updates from m.csv');
    expect(r.stderr).toContain('m.csv: row 2: Новак П., the name of novak-p (Novák P.) in another script, only says who the row is: their names are kept');
    expect(read(repo, 'novak-p')).toBe(`${NOVAK}email: np@example.org\n`);
    expect(read(repo, 'korhonen-j')).toBe(`${KORHONEN}email: kj@example.org\n`);
    expect(read(repo, 'dupont-j')).toBe(`${DUPONT}email: dj@example.org\n`);
  });

  it('a surname that is another one is still refused, at the column it is in: Дюран for dupont-j, Иванов И.П. in "Native name" for ivanov-i-i', async () => {
    const repo = people();
    const before = snapshot(path.join(repo, 'data'));
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,E-mail\ndupont-j,Дюран Ж.,dj@example.org\n');
    const other = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('m.csv: row 2, column "Name": Дюран Ж. reads as Dyuran Zh., not as the name of dupont-j (Dupont J.), whose id the row gives  [import-id-name]');
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,Native name\nivanov-i-i,Ivanov I.I.,Иванов И.П.\n');
    const taken = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('m.csv: row 2, column "Native name": Иванов И.П. is the name of ivanov-i-p');
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
  });
});

describe('a sheet whose ids and names do not go together (a reviewer\'s sheets)', () => {
  const CZ_FR_FI = CLUB.replace('  - country: CN\n    since: 2002-12\n', '  - country: CN\n    since: 2002-12\n  - country: CZ\n    since: 2002-12\n  - country: FR\n    since: 2002-12\n');
  const member = (name: string, country: string) => `name: ${name}\ncountry: ${country}\ncategory: embassy\ndivision: moscow\njoined: 2018-01-01\n`;
  const people = () => clubRepo({ 'club.yaml': CZ_FR_FI, 'members/novak-p.yaml': member('Novák P.', 'CZ'), 'members/dupont-j.yaml': member('Dupont J.', 'FR'),
    'members/schmidt-h.yaml': member('Schmidt H.', 'DE'), 'members/korhonen-j.yaml': member('Korhonen J.', 'FI'), 'members/virtanen-m.yaml': member('Virtanen M.', 'FI'),
    'members/ivanov-i-i.yaml': IVANOV_I_I });

  it('a Name column shifted a row against its Id column is refused row by row, whatever the countries: no member takes another\'s name', async () => {
    const repo = people();
    const before = snapshot(path.join(repo, 'data'));
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,E-mail\ndupont-j,Schmidt H.,a@example.org\nschmidt-h,Novák P.,b@example.org\nnovak-p,Dupont J.,c@example.org\n');
    const r = await club(['import', 'members', 'm.csv', '--update', '--dry-run'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('m.csv: row 2, column "Name": Schmidt H. is the name of schmidt-h (Schmidt H.), not of dupont-j (Dupont J.), whose id the row gives: two members would carry one name  [import-name-taken]');
    expect(r.stderr).toContain('m.csv: row 3, column "Name": Novák P. is the name of novak-p (Novák P.), not of schmidt-h (Schmidt H.)');
    expect(r.stderr).toContain('m.csv: row 4, column "Name": Dupont J. is the name of dupont-j (Dupont J.), not of novak-p (Novák P.)');
    expect(r.stderr).toContain('club: 3 of 3 rows of m.csv have problems; nothing was written');
    expect(r.stdout).toBe('');
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
  });

  it('two rows giving two members one new name: the second is refused, naming the first', async () => {
    const repo = people();
    const before = snapshot(path.join(repo, 'data'));
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,E-mail\nkorhonen-j,Lehtonen A.,a@example.org\nvirtanen-m,Lehtonen A.,b@example.org\n');
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('m.csv: row 3, column "Name": Lehtonen A. is given to korhonen-j by row 2 too, and to virtanen-m here: two members would carry one name  [import-name-taken]');
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
  });

  it('an id no member has, with a member\'s very name, is refused as their id mistyped; the id club gives a namesake makes the new member', async () => {
    const repo = people();
    const before = snapshot(path.join(repo, 'data'));
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,Country,E-mail\nivanov-i,Ivanov I.I. / Иванов И.И.,RU,i@example.org\n');
    for (const update of [['--update'], []]) {
      const r = await club(['import', 'members', 'm.csv', ...update, '--yes'], repo);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('m.csv: row 2, column "Id": `ivanov-i` is no member\'s id, but Ivanov I.I. / Иванов И.И. is the name of ivanov-i-i (Ivanov I.I. / Иванов И.И.)  [import-id-unknown]\n'
        + '    hint: if the row is them, give their id, `ivanov-i-i`; if another person of that name, give them the id club gives a namesake (`ivanov-i-i-2`)\n');
    }
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,Country,Category,Division,Joined\nivanov-i-i-2,Ivanov I.I. / Иванов И.И.,RU,customs,moscow,2019-01-01\n');
    const namesake = await club(['import', 'members', 'm.csv', '--yes'], repo);
    expect(namesake.code, namesake.stderr).toBe(0);
    expect(parse(read(repo, 'ivanov-i-i-2'))).toMatchObject({ name: 'Ivanov I.I.', name_native: 'Иванов И.И.' });
  });
});

describe('a sheet of only Id and E-mail without --update', () => {
  it('says each row is already a member, as a named row does, and writes nothing', async () => {
    const repo = folder();
    writeFileSync(path.join(repo, 'm.csv'), 'Id,E-mail\nwang-fang,wf@example.org\nli-na,ln@example.org\n');
    const before = snapshot(repo);
    const r = await club(['import', 'members', 'm.csv'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('m.csv: row 2: Wang Fang is already a member (wang-fang); not imported again (--update updates it)');
    expect(r.stderr).toContain('m.csv: row 3: Li Na is already a member (li-na); not imported again (--update updates it)');
    expect(r.stderr).not.toContain('no name');
    expect(r.stderr).toContain('nothing to import from m.csv');
    expect(snapshot(repo)).toEqual(before);
    expect(existsSync(path.join(repo, 'data/members/wang-fang-2.yaml'))).toBe(false);
  });
});
