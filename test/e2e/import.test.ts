import { readFileSync, writeFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLUB_YAML } from '../helpers/club-tree.js';
import { clubRepo, git, snapshot } from '../helpers/git-repo.js';
import { runCli, runClub } from '../helpers/run-cli.js';
import { zipOf } from '../helpers/zip.js';

/**
 * SheetJS, the second reader of the workbooks club writes: its ES module build (xlsx.mjs, the package's "module"),
 * the same reader as its CommonJS "main" (xlsx.js, same version, same code) without the legacy code pages that
 * xlsx.js requires on load (dist/cpexcel.js, 0.47 MB: for old .xls and CSV in Windows code pages, which a .xlsx's
 * UTF-8 XML never needs): ~40 ms of CPU to load instead of ~185. Its readFile needs node:fs handed to it.
 */
const SHEETJS_ESM: string = 'xlsx/xlsx.mjs';
const XLSX = await import(SHEETJS_ESM) as typeof import('xlsx');
XLSX.set_fs(fs);

const ENV = { CLUB_TODAY: '2020-01-15' };
/** In this process; as a child process with --commit, since git takes the process's environment. */
const club = (args: string[], cwd: string) => runCli(args, { cwd, env: ENV });

// The test club, with the member countries of the sheet's people.
const CLUB = CLUB_YAML.replace('  - country: DE\n    since: 2010\n',
  '  - country: DE\n    since: 2010\n  - country: CN\n    since: 2002-12\n  - country: CZ\n    since: 2005\n  - country: KG\n    since: 2012\n');

type Value = string | Date | number | null;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A previous secretary's sheet: Russian headers, names in Cyrillic, Chinese and
 * Latin (alone or both in one cell), countries by Russian or English name or code,
 * dates typed as 16.06.2019 or 2019-06-16 or kept as date cells.
 */
function fortyRows(): Value[][] {
  const people: [string, string][] = [
    ['Коноваленко С.А. / Konovalenko S.A.', 'Россия'], ['Петренко В.В.', 'РФ'], ['Сидоров А.Н.', 'RU'], ['Кузнецова Е.И. / Kuznetsova E.I.', 'Россия'],
    ['Смирнов Д.О.', 'Россия'], ['Попов Г.Г.', 'RU'], ['Лебедева М.С.', 'Russia'], ['Козлов Р.А. / Kozlov R.A.', 'Россия'],
    ['Новиков Е.Е.', 'RU'], ['Морозова Т.В.', 'Россия'], ['Волков И.П.', 'RU'], ['Соколов Н.Н. / Sokolov N.N.', 'Российская Федерация'],
    ['Virtanen M.', 'Финляндия'], ['Korhonen J.', 'Finland'], ['Mäkinen P.', 'FI'], ['Виртанен Т. / Virtanen T.', 'Финляндия'],
    ['Nieminen K.', 'Finland'], ['Laine S.', 'FI'],
    ['王力 / Wang Li', 'Китай'], ['李娜 / Li Na', 'China'], ['张伟 / Zhang Wei', 'КНР'], ['刘洋 / Liu Yang', 'CN'],
    ['陈静', 'Китай'], ['杨帆', 'CN'], ['赵敏', 'China'], ['黄磊', 'Китай'],
    ['Novák P.', 'Чехия'], ['Dvořák J.', 'Czech Republic'], ['Новотны Я. / Novotný J.', 'CZ'],
    ['Асанов Б.', 'Киргизия'], ['Токтогулов Н. / Toktogulov N.', 'Kyrgyzstan'],
    ['Schmidt H.', 'Германия'], ['Weber L.', 'Germany'], ['Мюллер К. / Müller K.', 'Германия'], // the last is in the folder already
    ['Fischer A.', 'DE'], ['Becker M.', 'Германия'], ['Орлова Л.Л.', 'RU'], ['Зайцев С.С. / Zaitsev S.S.', 'Россия'], ['Hoffmann T.', 'DE'], ['Saarinen E.', 'FI'],
  ];
  expect(people).toHaveLength(40);
  return people.map(([name, country], i) => {
    const d = `${2015 + (i % 5)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const [y, m, dd] = d.split('-');
    const joined: Value = i % 3 === 0 ? `${dd}.${m}.${y}` : i % 3 === 1 ? d : day(d);
    const category = i % 4 === 1 ? 'посольство' : 'таможня';
    const division = i % 5 === 0 ? 'Санкт-Петербург' : 'Москва';
    const email = i % 2 === 0 ? `member${i}@example.org` : null;
    return [name, country, category, division, joined, email];
  });
}

const HEADERS = ['ФИО', 'Страна', 'Категория', 'Отделение', 'Дата вступления', 'Эл. почта'];

async function xlsxFile(file: string, rows: Value[][], headers = HEADERS): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Члены клуба');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(5).numFmt = 'dd.mm.yyyy';
  await wb.xlsx.writeFile(file);
}

describe('club import members: a realistic 40-row sheet', () => {
  it('names the two bad rows by row and column, writes nothing; fixed, imports 39 and the folder validates', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB });
    const rows = fortyRows();
    rows[12]![1] = 'Финляндiя'; // spreadsheet row 14: a Latin i in a Russian name
    rows[25]![4] = '31.02.2019'; // spreadsheet row 27: no such day
    await xlsxFile(path.join(repo, 'members.xlsx'), rows);
    const before = snapshot(repo);

    const bad = await club(['import', 'members', 'members.xlsx'], repo);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('members.xlsx: row 14, column "Страна": `Финляндiя` is not a country this knows');
    expect(bad.stderr).toContain('hint: did you mean Finland (FI)?');
    expect(bad.stderr).toContain('members.xlsx: row 27, column "Дата вступления": `31.02.2019` is not a date');
    expect(bad.stderr).toContain('members.xlsx: row 35: Muller K. is already a member (muller-k)'.replace('Muller', 'Müller'));
    expect(bad.stderr).toContain('2 of 40 rows of members.xlsx have problems; nothing was written');
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(repo)).toEqual(before);

    const dry = await club(['import', 'members', 'members.xlsx', '--skip-invalid', '--dry-run'], repo);
    expect(dry.code).toBe(0);
    expect(dry.stdout.match(/^\+\+\+ b\/data\/members\/.*\.yaml$/gm), dry.stderr).toHaveLength(37);
    expect(dry.stdout).toContain('+name_native: Коноваленко С.А.');
    expect(dry.stderr).toContain('skipped 2 rows with problems: 14, 27');
    expect(dry.stderr).toContain('dry run: would import 37 new members from members.xlsx');
    expect(snapshot(repo)).toEqual(before);

    rows[12]![1] = 'Финляндия';
    rows[25]![4] = '28.02.2019';
    await xlsxFile(path.join(repo, 'members.xlsx'), rows);
    git(repo, 'add', 'members.xlsx');
    git(repo, 'commit', '-qm', 'The sheet');
    const good = await club(['import', 'members', 'members.xlsx', '--commit'], repo);
    expect(good.stderr).toContain('imported 39 new members from members.xlsx');
    expect(good.code).toBe(0);
    expect(git(repo, 'log', '--format=%s', '-1').trim()).toBe('Import 39 new members from members.xlsx');
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toHaveLength(39);

    const members = readdirSync(path.join(repo, 'data/members'));
    expect(members).toHaveLength(4 + 39);
    const read = (id: string) => parse(readFileSync(path.join(repo, 'data/members', `${id}.yaml`), 'utf8'));
    expect(read('konovalenko-s-a')).toEqual({ name: 'Konovalenko S.A.', name_native: 'Коноваленко С.А.', country: 'RU', category: 'customs',
      division: 'saint-petersburg', joined: '2015-01-01', email: 'member0@example.org' });
    expect(read('petrenko-v-v')).toMatchObject({ name: 'Petrenko V.V.', name_native: 'Петренко В.В.', country: 'RU', category: 'embassy', joined: '2016-02-02' });
    expect(read('sidorov-a-n')).toMatchObject({ joined: '2017-03-03' }); // a date cell
    expect(read('wang-li')).toMatchObject({ name: 'Wang Li', name_native: '王力', country: 'CN' });
    expect(read('novotny-j')).toMatchObject({ name: 'Novotný J.', name_native: 'Новотны Я.', country: 'CZ' });
    expect(read('muller-k')).toEqual({ name: 'Müller K.', country: 'DE', category: 'customs', division: 'moscow', joined: '2012-05-01' }); // untouched
    expect(readFileSync(path.join(repo, 'data/members/wang-li.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);

    // This data folder has no schemas/ copy beside it, so the new records name the installed club's schemas: validate warns
    // at each of them (and at nothing else) until `club schemas --write` points them at a copy of the repository's own.
    const valid = await club(['validate', '--format', 'json'], repo);
    expect(valid.code).toBe(0);
    const found = (JSON.parse(valid.stdout) as { diagnostics: { code: string; line: number; column: number }[] }).diagnostics;
    expect(found).toHaveLength(39);
    expect(new Set(found.map((d) => `${d.code} ${d.line}:${d.column}`))).toEqual(new Set(['schema-path-outside 1:33']));

    // Again: every row is a member now; nothing is written twice.
    const again = await club(['import', 'members', 'members.xlsx'], repo);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing to import from members.xlsx');
    expect(readdirSync(path.join(repo, 'data/members'))).toHaveLength(43);
  });

  it('--update sets the sheet\'s values on the members it already has, keeping their comments and order', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/muller-k.yaml': '# Joined at the Berlin meeting\nname: Müller K.\ncountry: DE\ncategory: customs\ndivision: moscow\njoined: 2012-05-01\n' });
    writeFileSync(path.join(repo, 'm.csv'), 'Name;Country;Joined;E-mail;Title\nMüller K.;Germany;01.05.2012;k.mueller@example.org;Attaché\n');
    const plain = await club(['import', 'members', 'm.csv', '--default', 'category=customs', '--default', 'division=moscow'], repo);
    expect(plain.stderr).toContain('m.csv: row 2: Müller K. is already a member (muller-k); not imported again (--update updates it)');
    const r = await club(['import', 'members', 'm.csv', '--default', 'category=customs', '--default', 'division=moscow', '--update'], repo);
    expect(r.stderr).toContain('imported 1 update from m.csv');
    expect(readFileSync(path.join(repo, 'data/members/muller-k.yaml'), 'utf8')).toBe(
      '# Joined at the Berlin meeting\nname: Müller K.\ncountry: DE\ncategory: customs\ntitle: Attaché\ndivision: moscow\njoined: 2012-05-01\nemail: k.mueller@example.org\n');
  });

  it('--update with a sheet of only Id and E-mail sets those members\' e-mail: a row whose id is a member needs no name; a new row still does', async () => {
    const muller = '# Joined at the Berlin meeting\r\nname: Müller K.\r\ncountry: DE\r\ncategory: customs\r\ndivision: moscow\r\njoined: 2012-05-01\r\n';
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/muller-k.yaml': muller });
    const text = (id: string) => readFileSync(path.join(repo, `data/members/${id}.yaml`), 'utf8');
    const petrov = text('petrov-p-p');
    writeFileSync(path.join(repo, 'ids.csv'), 'Id,E-mail\nmuller-k,k.mueller@example.org\npetrov-p-p,p.petrov@example.org\n');
    git(repo, 'add', 'ids.csv');
    git(repo, 'commit', '-qm', 'sheet');

    // A row whose id is no member's is a new member, who needs a name (and all else a new member needs): the whole sheet is refused.
    writeFileSync(path.join(repo, 'typo.csv'), 'Id,E-mail\nmuller-k,k.mueller@example.org\nmuler-k,k@example.org\n');
    const before = snapshot(repo);
    const refused = await club(['import', 'members', 'typo.csv', '--update', '--yes'], repo);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('typo.csv: row 3: no name  [import-missing]\n'
      + '    hint: `muler-k` is no member\'s id, so the row is a new member, who needs a name (did you mean `muller-k`?)\n');
    expect(refused.stderr).toContain('typo.csv: row 3: no country, which a new member needs');
    expect(refused.stderr).not.toContain('row 2');
    expect(refused.stderr).toContain('club: 1 of 2 rows of typo.csv has a problem; nothing was written');
    expect(snapshot(repo)).toEqual(before);

    const r = await club(['import', 'members', 'ids.csv', '--update', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no name');
    expect(r.stderr).toContain('imported 2 updates from ids.csv');
    // Only the e-mail is added; Müller's file keeps its comment and its CR LF line ends.
    expect(text('muller-k')).toBe(`${muller}email: k.mueller@example.org\r\n`);
    expect(text('petrov-p-p')).toBe(`${petrov}email: p.petrov@example.org\n`);
    expect(git(repo, 'diff', '--numstat').replace(/\t/g, ' ')).toBe('1 0 data/members/muller-k.yaml\n1 0 data/members/petrov-p-p.yaml\n');
  });
});

describe('club import members: a Chinese name typed in Cyrillic (Palladius)', () => {
  it('a member from China gets the Pinyin name and id that 李伟 gets; one from elsewhere, or a name not all Palladius, the transliteration', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB });
    writeFileSync(path.join(repo, 'm.csv'), 'ФИО,Страна,Категория,Дата вступления\n'
      + 'Ли Вэй,Китай,таможня,01.09.2019\nЧжан Сяопин,CN,таможня,2019-09-01\nЛюй Хун,China,таможня,2019\n'
      + 'Ли Вэй,Франция,участник,2019\nИванов И.И.,КНР,таможня,2019\n');
    const r = await club(['import', 'members', 'm.csv', '--default', 'division=moscow', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    const read = (id: string) => parse(readFileSync(path.join(repo, `data/members/${id}.yaml`), 'utf8'));
    expect(read('li-wei')).toMatchObject({ name: 'Li Wei', name_native: 'Ли Вэй', country: 'CN' });
    expect(Object.keys(read('li-wei'))[0]).toBe('name');
    expect(read('zhang-xiaoping')).toMatchObject({ name: 'Zhang Xiaoping', name_native: 'Чжан Сяопин', country: 'CN' });
    expect(read('lyu-hong')).toMatchObject({ name: 'Lyu Hong', name_native: 'Люй Хун' });
    expect(read('li-vey')).toMatchObject({ name: 'Li Vey', name_native: 'Ли Вэй', country: 'FR' });
    // ivanov-i-i is the folder's Ivanov I.I. from Russia: this one from China gets the next free id, its name transliterated.
    expect(read('ivanov-i-i-2')).toMatchObject({ name: 'Ivanov I.I.', name_native: 'Иванов И.И.', country: 'CN' });
  });

  it('李伟 from China is the member 李伟 from China already is: not imported again; Ли Вэй, the same name in Cyrillic, is refused as likely them', async () => {
    const LI_WEI = 'name: Li Wei\nname_native: 李伟\ncountry: CN\ncategory: customs\ndivision: moscow\njoined: 2019\n';
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/li-wei.yaml': LI_WEI });
    writeFileSync(path.join(repo, 'm.csv'), 'Name,Country,Category,Joined\n李伟,CN,customs,2019\n');
    const before = snapshot(repo);
    const r = await club(['import', 'members', 'm.csv', '--default', 'division=moscow', '--yes'], repo);
    expect(r.stderr).toContain('m.csv: row 2: Li Wei is already a member (li-wei); not imported again (--update updates it)');
    expect(snapshot(repo)).toEqual(before);
    // Ли Вэй is "Li Wei" as 李伟 is (and as 李维 is): likely li-wei, but nothing written says so, and a second Li Wei is not made in silence.
    writeFileSync(path.join(repo, 'm.csv'), 'Name,Country,Category,Joined\nЛи Вэй,CN,customs,2019\n');
    const before2 = snapshot(repo);
    const other = await club(['import', 'members', 'm.csv', '--default', 'division=moscow', '--yes'], repo);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('m.csv: row 2, column "Name": Ли Вэй (CN) reads as the name of li-wei (Li Wei / 李伟), but is not written as theirs: '
      + 'likely the same person, so the row is not imported  [import-likely-copy]');
    expect(snapshot(repo)).toEqual(before2);
    // An id of their own says it is another person.
    writeFileSync(path.join(repo, 'm.csv'), 'Id,Name,Country,Category,Joined\nli-wei-2,Ли Вэй,CN,customs,2019\n');
    const own = await club(['import', 'members', 'm.csv', '--default', 'division=moscow', '--yes'], repo);
    expect(own.code, own.stderr).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/members/li-wei-2.yaml'), 'utf8'))).toMatchObject({ name: 'Li Wei', name_native: 'Ли Вэй' });
    expect(readFileSync(path.join(repo, 'data/members/li-wei.yaml'), 'utf8')).toBe(LI_WEI);
  });
});

describe('club import members: every problem of a row in one run', () => {
  it('a bad date and a country that is not a member, in one row: both reported, with row and column; fixed, it imports', async () => {
    const repo = clubRepo();
    const header = 'Name;Country;Category;Division;Joined\n';
    writeFileSync(path.join(repo, 'm.csv'), `${header}Virtanen M.;Finland;embassy;moscow;01.09.2019\nSmith J.;Great Britain;embassy;moscow;31.02.2019\n`);
    const before = snapshot(repo);
    const r = await club(['import', 'members', 'm.csv'], repo);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('m.csv: row 3, column "Joined": `31.02.2019` is not a date');
    expect(r.stderr).toContain('m.csv: row 3, column "Country": GB (United Kingdom) is not a member country of the club, so an `embassy` member cannot represent it  [country-not-member]');
    // The value the bad date left out is not a second problem; the good row has none.
    expect(r.stderr).not.toMatch(/joined.*required|required.*joined|row 2/);
    expect(snapshot(repo)).toEqual(before);
    writeFileSync(path.join(repo, 'm.csv'), `${header}Virtanen M.;Finland;embassy;moscow;01.09.2019\nSmith J.;Germany;embassy;moscow;28.02.2019\n`);
    const ok = await club(['import', 'members', 'm.csv', '--yes'], repo);
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(path.join(repo, 'data/members/smith-j.yaml'))).toBe(true);
  });
});

describe('club import members: columns it cannot place, and files it cannot read', () => {
  it('an unknown column without a terminal: exit 2 naming it; --map places it', async () => {
    const repo = clubRepo();
    writeFileSync(path.join(repo, 'm.csv'), 'ФИО,Страна,Категория,Дата вступления,Тел. моб.,Хобби\nИванов А.А.,Россия,таможня,01.02.2019,+7 900 000-00-00,chess\n');
    const r = await club(['import', 'members', 'm.csv', '--no-input'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 columns are not a member field this knows');
    expect(r.stderr).toContain('column "Хобби"');
    const ok = await club(['import', 'members', 'm.csv', '--map', 'Тел. моб.=phone', '--map', 'Хобби=ignore', '--default', 'division=moscow'], repo);
    expect(ok.code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/members/ivanov-a-a.yaml'), 'utf8'))).toMatchObject({ phone: '+7 900 000-00-00', joined: '2019-02-01' });
  });

  it('CSV in Windows-1251 with a BOM-less Russian header, and CSV with a BOM', async () => {
    const repo = clubRepo();
    const text = 'ФИО;Страна;Категория;Дата вступления\nОрлов О.О.;Россия;таможня;01.02.2019\n';
    const cp1251 = Buffer.from([...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 128) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      throw new Error(ch);
    }));
    writeFileSync(path.join(repo, 'a.csv'), cp1251);
    writeFileSync(path.join(repo, 'b.csv'), `\ufeff${text.replace('Орлов О.О.', 'Орлова Л.Л.')}`);
    expect((await club(['import', 'members', 'a.csv', '--default', 'division=moscow'], repo)).code).toBe(0);
    expect((await club(['import', 'members', 'b.csv', '--default', 'division=moscow'], repo)).code).toBe(0);
    expect(existsSync(path.join(repo, 'data/members/orlov-o-o.yaml'))).toBe(true);
    expect(existsSync(path.join(repo, 'data/members/orlova-l-l.yaml'))).toBe(true);
  });

  it('hostile files: not a zip, a zip bomb, an old .xls, a huge file, a formula cell: a clear message, exit 1, nothing written', async () => {
    const repo = clubRepo();
    const before = snapshot(path.join(repo, 'data'));
    writeFileSync(path.join(repo, 'text.xlsx'), 'Name,Country\nA,RU\n');
    const zeros = new Uint8Array(4 * 1024 * 1024);
    writeFileSync(path.join(repo, 'bomb.xlsx'), zipOf(Array.from({ length: 30 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: zeros }))));
    writeFileSync(path.join(repo, 'old.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    writeFileSync(path.join(repo, 'cut.xlsx'), zipOf([{ name: 'a.xml', data: new Uint8Array(10) }]).subarray(0, 40));
    writeFileSync(path.join(repo, 'notwb.xlsx'), zipOf([{ name: 'hello.txt', data: Buffer.from('hi') }]));
    writeFileSync(path.join(repo, 'badxml.xlsx'), zipOf([{ name: '[Content_Types].xml', data: Buffer.from('<Types') }, { name: 'xl/workbook.xml', data: Buffer.from('<<<') }]));
    writeFileSync(path.join(repo, 'huge.csv'), `Name,Country\n${'Somebody S.,RU\n'.repeat(800_000)}`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['Name', 'Country', 'Category', 'Joined']);
    ws.addRow([{ formula: 'HYPERLINK("http://evil.example","Ivanov I.")' }, 'RU', 'customs', '2019']);
    ws.addRow(["=cmd|' /C calc'!A0", 'RU', 'customs', '2019']);
    await wb.xlsx.writeFile(path.join(repo, 'formula.xlsx'));
    writeFileSync(path.join(repo, 'bad.csv'), `Name,Country,Category,Joined,Organization\nA\u0007B,RU,customs,2019,x\nC D.,RU,customs,2019,${'y'.repeat(3000)}\n`);

    const cases: [string, RegExp][] = [
      ['text.xlsx', /text\.xlsx: this is not an \.xlsx workbook \(it is not a zip file\)/],
      ['bomb.xlsx', /bomb\.xlsx: this \.xlsx workbook unpacks to more than 100 MiB \(a zip bomb\?\); it is not read/],
      ['old.xlsx', /old\.xlsx: this is an old Excel 97–2003 workbook \(\.xls\)/],
      ['cut.xlsx', /cut\.xlsx: this \.xlsx workbook is damaged/],
      ['notwb.xlsx', /notwb\.xlsx: this zip file holds no worksheet: it is not an \.xlsx workbook; nothing was imported/],
      ['badxml.xlsx', /badxml\.xlsx: this \.xlsx workbook cannot be read: .*; nothing was imported/],
      ['huge.csv', /huge\.csv: the file is 11 MiB; at most 10 MiB is read/],
      ['formula.xlsx', /formula\.xlsx: row 2, column "Name": the cell holds a formula \(=HYPERLINK/],
      ['bad.csv', /bad\.csv: row 2, column "Name": the cell holds an invisible control character \(U\+0007\)/],
    ];
    for (const [file, message] of cases) {
      const r = await club(['import', 'members', file, '--default', 'division=moscow', '--default', 'category=customs'], repo);
      expect(r.code, `${file}: ${r.stderr}`).toBe(1);
      expect(r.stderr, file).toMatch(message);
      expect(r.stderr, file).not.toMatch(/\n\s+at |internal error/);
    }
    const f = await club(['import', 'members', 'formula.xlsx', '--default', 'division=moscow'], repo);
    expect(f.stderr).toContain('row 3, column "Name": the value `=cmd|\' /C calc\'!A0` starts like a formula');
    const b = await club(['import', 'members', 'bad.csv', '--default', 'division=moscow'], repo);
    expect(b.stderr).toContain('bad.csv: row 3, column "Organization": the value is 3000 characters long; at most 500');
    expect((await club(['import', 'members', 'missing.xlsx'], repo)).code).toBe(3);
    expect((await club(['import', 'members', 'notes.txt.pdf'], repo)).code).toBe(2);
    const ods = await club(['import', 'members', 'members.ods'], repo);
    expect(ods.code).toBe(2);
    expect(ods.stderr).toBe('club: members.ods: not a spreadsheet this reads\n  hint: club reads .xlsx and .csv, not .ods: open it in its spreadsheet program and save it as .xlsx, or as CSV (UTF-8)\n');
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
  });

  it('a folder is not a spreadsheet: exit 3 saying it is a folder, with the spreadsheets in it to give instead', async () => {
    const repo = clubRepo();
    const before = snapshot(path.join(repo, 'data'));
    mkdirSync(path.join(repo, 'lists/empty'), { recursive: true });
    mkdirSync(path.join(repo, 'folder.csv'));
    writeFileSync(path.join(repo, 'lists/members 2024.xlsx'), '');
    writeFileSync(path.join(repo, 'lists/members.csv'), '');
    writeFileSync(path.join(repo, 'lists/readme.txt'), '');
    const lists = await club(['import', 'members', 'lists'], repo);
    expect(lists.code).toBe(3);
    expect(lists.stderr).toBe("club: lists is a folder; club import members reads one spreadsheet file (.csv or .xlsx)\n"
      + "  hint: give one of its spreadsheets, e.g. club import members 'lists/members 2024.xlsx' (it has 2: members 2024.xlsx, members.csv)\n");
    const empty = await club(['import', 'members', 'lists/empty/'], repo);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toContain('lists/empty is a folder; club import members reads one spreadsheet file (.csv or .xlsx)\n  hint: give one spreadsheet file (.csv or .xlsx); this folder has none\n');
    // A folder whose name looks like a spreadsheet's is still a folder.
    const named = await club(['import', 'members', 'folder.csv'], repo);
    expect(named.code).toBe(3);
    expect(named.stderr).toContain('folder.csv is a folder;');
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
  });
});

describe('club list members --format xlsx|csv, then club import members in another club: nothing lost', () => {
  it('every field import reads goes out and comes back, through a workbook exceljs read and wrote again, and through CSV', async () => {
    const repo = clubRepo({
      'club.yaml': CLUB,
      'members/wang-xiaoming.yaml': 'name: Wang Xiaoming\nname_native: 王小明\ncountry: CN\ncategory: embassy\norganization: Embassy of China\ntitle: Attaché\n'
        + 'division: moscow\njoined: 2019-06-16\nemail: wang@example.org\nphone: +7 495 000-00-00\nlanguages: [zh, ru]\nnotes: Speaks at the spring meeting.\n',
      'members/korhonen-j.yaml': 'name: Korhonen J.\ncountry: FI\ncategory: customs\ndivision: saint-petersburg\njoined: 2010-03\nleft: 2018-12-31\n',
    });
    expect((await club(['list', 'members', '--format', 'xlsx', '-o', 'm.xlsx'], repo)).code).toBe(0);
    expect((await club(['list', 'members', '--format', 'csv', '-o', 'm.csv'], repo)).code).toBe(0);
    // A spreadsheet program in between: exceljs reads the workbook and saves it as its own.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(repo, 'm.xlsx'));
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, 'id', 'name', 'name_native', 'country', 'category', 'organization', 'title', 'division',
      'joined', 'left', 'email', 'phone', 'languages', 'notes']);
    await wb.xlsx.writeFile(path.join(repo, 'again.xlsx'));

    const members = (dir: string) => Object.fromEntries(readdirSync(path.join(dir, 'data/members')).sort()
      .map((name) => [name, parse(readFileSync(path.join(dir, 'data/members', name), 'utf8')) as unknown]));
    const exported = members(repo);
    expect(Object.keys(exported)).toHaveLength(6);
    for (const sheet of ['again.xlsx', 'm.csv']) {
      const other = clubRepo({ 'club.yaml': CLUB });
      for (const name of readdirSync(path.join(other, 'data/members'))) git(other, 'rm', '-q', `data/members/${name}`);
      const run = await club(['import', 'members', path.join(repo, sheet), '--yes'], other);
      expect(run.code, run.stderr).toBe(0);
      expect(members(other), sheet).toEqual(exported);
    }
  });
});

describe('club list --format xlsx: a workbook read back by two readers', () => {
  it('exceljs and SheetJS read the same values the JSON list gives: dates as dates, Cyrillic and Chinese intact', async () => {
    const repo = clubRepo({
      'club.yaml': CLUB,
      'members/wang-li.yaml': 'name: Wang Li\nname_native: 王力\ncountry: CN\ncategory: customs\ndivision: moscow\njoined: 2019-06-16\nemail: wang@example.org\n',
      'members/konovalenko-s-a.yaml': 'name: Konovalenko S.A.\nname_native: Коноваленко С.А.\ncountry: RU\ncategory: customs\ndivision: moscow\njoined: 2008\n'
        + `notes: "=cmd|' /C calc'!A0"\nlanguages: [ru, en]\n`,
    });
    const fields = 'id,name,name_native,country,joined,email,languages,notes';
    const out = await club(['list', 'members', '--fields', fields, '--format', 'xlsx', '-o', 'members.xlsx'], repo);
    expect(out.code).toBe(0);
    const json = JSON.parse((await club(['list', 'members', '--fields', fields, '--format', 'json'], repo)).stdout) as Record<string, unknown>[];
    const expected = json.map((m) => Object.values(m).map((v) => (v === null ? null : Array.isArray(v) ? (v.length > 0 ? v.join('; ') : null) : v)));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(repo, 'members.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('members');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).values).toEqual([undefined, ...fields.split(',')]);
    const viaExcelJs: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      viaExcelJs.push(fields.split(',').map((_, i) => {
        const v = row.getCell(i + 1).value;
        return v instanceof Date ? v.toISOString().slice(0, 10) : v ?? null;
      }));
    });
    expect(JSON.stringify(viaExcelJs)).toEqual(JSON.stringify(expected));
    expect(ws.getCell('B3').value).toBe('Konovalenko S.A.');
    expect(ws.getCell('E3').type).toBe(ExcelJS.ValueType.String); // 2008: a year, not a date cell
    expect(ws.getCell('E2').type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell('H3').type).toBe(ExcelJS.ValueType.String); // the formula-like note is text, never a formula
    const widths = ws.columns.map((c) => c.width!);
    expect(widths[2]).toBeGreaterThanOrEqual('Коноваленко С.А.'.length);
    expect(widths[7]).toBeGreaterThanOrEqual("=cmd|' /C calc'!A0".length);

    const sheet = XLSX.readFile(path.join(repo, 'members.xlsx'), { cellDates: true, cellStyles: true });
    const s = sheet.Sheets[sheet.SheetNames[0]!]!;
    expect(s['!autofilter']).toEqual({ ref: 'A1:H7' });
    const viaSheetJs = (XLSX.utils.sheet_to_json(s, { header: 1, defval: null }) as unknown[][]).slice(1)
      .map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
    expect(viaSheetJs).toEqual(expected);
    expect(s.H3.t).toBe('s');
    expect(s.H3.f).toBeUndefined();
    expect(s.E2.t).toBe('d');
  });

  it('refuses to put a workbook on a terminal only; --bom starts CSV with the byte-order mark', async () => {
    const repo = clubRepo();
    const piped = await runClub(['list', 'members', '--format', 'xlsx'], { cwd: repo, env: ENV }); // bytes through a real pipe
    expect(piped.code).toBe(0);
    expect(piped.stdout.slice(0, 2)).toBe('PK');
    // The same data and as-of date: the same bytes, so a committed workbook changes only with its data.
    const a = await club(['list', 'members', '--format', 'xlsx', '-o', 'a.xlsx'], repo);
    await new Promise((r) => setTimeout(r, 2100)); // zip times count in two-second steps
    const b = await club(['list', 'members', '--format', 'xlsx', '-o', 'b.xlsx'], repo);
    expect(a.code + b.code).toBe(0);
    expect(readFileSync(path.join(repo, 'a.xlsx')).equals(readFileSync(path.join(repo, 'b.xlsx')))).toBe(true);
    const bom = await club(['list', 'members', '--format', 'csv', '--bom'], repo);
    expect(bom.stdout.startsWith('\ufeffid,name,')).toBe(true);
    expect((await club(['list', 'members', '--bom'], repo)).code).toBe(2);
  });
});

describe('club import members --update: a sheet of some fields of existing members', () => {
  // An existing member from China, and one whose organization the sheet does not give.
  const WANG = '# Met at the spring meeting\nname: Wang Fang\nname_native: 王芳\ncountry: CN\ncategory: embassy\ndivision: moscow\njoined: 2019-03-01\n';
  const LI = 'name: Li Na\ncountry: CN\ncategory: embassy\norganization: Embassy of China\ndivision: moscow\njoined: 2018-05-01\n';

  it('a sheet that only changes their organization and title is not refused for the columns a new member would need', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-fang.yaml': WANG });
    writeFileSync(path.join(repo, 'upd.csv'), 'ФИО;Страна;Организация;Должность\n王芳;Китай;Посольство КНР в РФ;Атташе\n');
    const dry = await club(['import', 'members', 'upd.csv', '--update', '--dry-run'], repo);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+organization: Посольство КНР в РФ');
    expect(dry.stdout).not.toMatch(/^-(category|joined|division):/m);
    const r = await club(['import', 'members', 'upd.csv', '--update'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('imported 1 update from upd.csv');
    expect(readFileSync(path.join(repo, 'data/members/wang-fang.yaml'), 'utf8')).toBe('# Met at the spring meeting\nname: Wang Fang\nname_native: 王芳\n'
      + 'country: CN\ncategory: embassy\norganization: Посольство КНР в РФ\ntitle: Атташе\ndivision: moscow\njoined: 2019-03-01\n');
  });

  it('a new row in such a sheet still needs them: refused naming its row, nothing written', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-fang.yaml': WANG });
    writeFileSync(path.join(repo, 'upd.csv'), 'ФИО;Страна;Организация;Должность\n王芳;Китай;Посольство КНР в РФ;Атташе\nЧжан Вэй;Китай;Посольство КНР в РФ;Советник\n');
    const before = snapshot(repo);
    const r = await club(['import', 'members', 'upd.csv', '--update', '--default', 'division=moscow'], repo);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('upd.csv: row 3: no category, which a new member needs: the sheet has no column for it  [import-missing]');
    expect(r.stderr).toContain('upd.csv: row 3: no joined, which a new member needs: the sheet has no column for it  [import-missing]');
    expect(r.stderr).not.toMatch(/row 2:/);
    expect(r.stderr).toContain('1 of 2 rows of upd.csv has a problem; nothing was written');
    expect(snapshot(repo)).toEqual(before);
    const dataBefore = snapshot(path.join(repo, 'data'));
    // A sheet of new members only is refused at once, as before: one usage error for the sheet.
    writeFileSync(path.join(repo, 'new.csv'), 'ФИО;Страна\nЧжан Вэй;Китай\n');
    const all = await club(['import', 'members', 'new.csv', '--update'], repo);
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('club: new.csv: no column for category, division, joined, which every new member needs');
    expect(snapshot(path.join(repo, 'data'))).toEqual(dataBefore);
  });

  it('a --default fills only what an existing member lacks, never replaces a value it has; a new member gets it whole', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-fang.yaml': WANG, 'members/li-na.yaml': LI });
    // Li Na is written as her record writes it: Ли На alone would be only likely her (import-likely-copy).
    writeFileSync(path.join(repo, 'upd.csv'), 'ФИО;Страна;Должность\n王芳;Китай;Атташе\nLi Na / Ли На;Китай;Советник\nЧжан Вэй;Китай;Атташе\n');
    const args = ['import', 'members', 'upd.csv', '--update', '--default', 'category=customs', '--default', 'joined=2019-09',
      '--default', 'division=saint-petersburg', '--default', 'organization=Посольство КНР в РФ'];
    const dry = await club([...args, '--dry-run'], repo);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).not.toMatch(/^-(category|joined|division|organization):/m);
    const r = await club(args, repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('imported 1 new member and 2 updates from upd.csv');
    const read = (id: string) => parse(readFileSync(path.join(repo, `data/members/${id}.yaml`), 'utf8')) as Record<string, unknown>;
    expect(read('wang-fang')).toEqual({ name: 'Wang Fang', name_native: '王芳', country: 'CN', category: 'embassy', organization: 'Посольство КНР в РФ',
      title: 'Атташе', division: 'moscow', joined: '2019-03-01' });
    expect(read('li-na')).toEqual({ name: 'Li Na', name_native: 'Ли На', country: 'CN', category: 'embassy', organization: 'Embassy of China', title: 'Советник',
      division: 'moscow', joined: '2018-05-01' });
    expect(read('zhang-wei')).toEqual({ name: 'Zhang Wei', name_native: 'Чжан Вэй', country: 'CN', category: 'customs', organization: 'Посольство КНР в РФ',
      title: 'Атташе', division: 'saint-petersburg', joined: '2019-09' });
  });

  it('a row found by its name fills only a name the member lacks; a row that gives its id sets the names it gives', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-fang.yaml': WANG });
    writeFileSync(path.join(repo, 'byname.csv'), 'ФИО;Страна;Должность\nWang Fang;Китай;Атташе\n');
    expect((await club(['import', 'members', 'byname.csv', '--update'], repo)).code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/members/wang-fang.yaml'), 'utf8'))).toMatchObject({ name: 'Wang Fang', name_native: '王芳', title: 'Атташе' });
    writeFileSync(path.join(repo, 'byid.csv'), 'id;name;name_native;country\nwang-fang;Wang Fang;王方;CN\n');
    const r = await club(['import', 'members', 'byid.csv', '--update'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/members/wang-fang.yaml'), 'utf8'))).toMatchObject({ name: 'Wang Fang', name_native: '王方', title: 'Атташе' });
  });
});

describe('club import members: a row that is a member the folder has, and a copy of another row', () => {
  const SHEET = 'ФИО;Страна;Категория;Отделение;Дата вступления\nОрлов О.О.;Россия;таможня;Москва;2019\n'
    + 'Иванов И. П.;Россия;таможня;Москва;2015\nИванов И. П.;Россия;таможня;Москва;2015\n';
  const IVANOV = 'name: Ivanov I. P.\nname_native: Иванов И. П.\ncountry: RU\ncategory: customs\ndivision: moscow\njoined: 2015\n';

  it('is said to be already a member, as a single copy is, not refused as a copy of the earlier row', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/ivanov-i-p.yaml': IVANOV });
    writeFileSync(path.join(repo, 'm.csv'), SHEET);
    const r = await club(['import', 'members', 'm.csv'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('m.csv: row 3: Ivanov I. P. is already a member (ivanov-i-p); not imported again (--update updates it)');
    expect(r.stderr).toContain('m.csv: row 4: Ivanov I. P. is already a member (ivanov-i-p); not imported again (--update updates it)');
    expect(r.stderr).not.toContain('the same person');
    expect(r.stderr).toContain('imported 1 new member from m.csv');
    expect(readFileSync(path.join(repo, 'data/members/ivanov-i-p.yaml'), 'utf8')).toBe(IVANOV);
  });

  it('with --update two equal rows update it once; two rows that differ are refused, saying it is a member', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/ivanov-i-p.yaml': IVANOV });
    writeFileSync(path.join(repo, 'm.csv'), SHEET.replace(/2015\n/g, '2015;i@example.org\n').replace('Дата вступления\n', 'Дата вступления;E-mail\n').replace('2019\n', '2019;\n'));
    const same = await club(['import', 'members', 'm.csv', '--update', '--dry-run'], repo);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('dry run: would import 1 new member and 1 update from m.csv');
    expect(same.stdout.match(/^\+email: i@example\.org$/gm)).toHaveLength(1);
    writeFileSync(path.join(repo, 'm.csv'), `${SHEET.replace('Дата вступления\n', 'Дата вступления;E-mail\n').replace('2019\n', '2019;\n')
      .replace('2015\n', '2015;i@example.org\n').replace('2015\n', '2015;ivanov@example.org\n')}`);
    const before = snapshot(repo);
    const differ = await club(['import', 'members', 'm.csv', '--update'], repo);
    expect(differ.code).toBe(1);
    expect(differ.stderr).toContain('m.csv: row 4, column "ФИО": Ivanov I. P. is already a member (ivanov-i-p), and row 3 updates it too, with other values  [import-duplicate-row]');
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('club import members: a row whose native name is not the member\'s is another person', () => {
  const WANG_LI = 'name: Wang Li\nname_native: 王力\ncountry: CN\ncategory: customs\ndivision: moscow\njoined: 2016-01-15\n';
  const WANG_LI_2 = 'name: Wang Li\nname_native: 王立\ncountry: CN\ncategory: embassy\ndivision: moscow\njoined: 2018-03-01\n';
  const HEAD = 'Name,Country,Category,Division,Joined,E-mail\n';
  const read = (repo: string, id: string) => parse(readFileSync(path.join(repo, `data/members/${id}.yaml`), 'utf8')) as Record<string, unknown>;

  it('王立, "Wang Li" as 王力 is: --update refuses the row naming both names; without it, a new member wang-li-2', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-li.yaml': WANG_LI });
    writeFileSync(path.join(repo, 'wl.csv'), `${HEAD}王立,CN,embassy,moscow,2016-01-15,wl@example.org\n`);
    const before = snapshot(repo);
    for (const extra of [[], ['--dry-run']]) {
      const upd = await club(['import', 'members', 'wl.csv', '--update', ...extra], repo);
      expect(upd.code, upd.stderr).toBe(1);
      expect(upd.stderr).toContain('wl.csv: row 2, column "Name": Wang Li / 王立 is not wang-li (Wang Li / 王力): the native name differs, so it is another person  [import-other-person]');
      expect(upd.stdout).not.toContain('wl@example.org');
    }
    expect(snapshot(repo)).toEqual(before);
    const add = await club(['import', 'members', 'wl.csv'], repo);
    expect(add.code, add.stderr).toBe(0);
    expect(read(repo, 'wang-li-2')).toMatchObject({ name: 'Wang Li', name_native: '王立', email: 'wl@example.org' });
    expect(readFileSync(path.join(repo, 'data/members/wang-li.yaml'), 'utf8')).toBe(WANG_LI);
  });

  it('an id column says which member the row is: then --update updates it, names and all', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-li.yaml': WANG_LI });
    writeFileSync(path.join(repo, 'wl.csv'), `Id,${HEAD.replace('Category,Division,Joined,', '')}wang-li,王立,CN,wl@example.org\n`);
    const upd = await club(['import', 'members', 'wl.csv', '--update'], repo);
    expect(upd.code, upd.stderr).toBe(0);
    expect(read(repo, 'wang-li')).toMatchObject({ name: 'Wang Li', name_native: '王立', email: 'wl@example.org' });
  });

  it('with 王力 and 王立 both members, a row is the one whose native name it gives; a Latin name alone, or a third native name, is refused', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-li.yaml': WANG_LI, 'members/wang-li-2.yaml': WANG_LI_2 });
    writeFileSync(path.join(repo, 'one.csv'), 'Name,Country,E-mail\n王立,CN,wl2@example.org\n');
    const one = await club(['import', 'members', 'one.csv', '--update'], repo);
    expect(one.code, one.stderr).toBe(0);
    expect(read(repo, 'wang-li-2').email).toBe('wl2@example.org');
    expect(read(repo, 'wang-li').email).toBeUndefined();
    const before = snapshot(path.join(repo, 'data'));
    writeFileSync(path.join(repo, 'latin.csv'), 'Name,Country,E-mail\nWang Li,CN,x@example.org\n');
    for (const update of [['--update'], []]) {
      const latin = await club(['import', 'members', 'latin.csv', ...update], repo);
      expect(latin.code).toBe(1);
      expect(latin.stderr).toContain('latin.csv: row 2, column "Name": Wang Li (CN) is the name of 2 members: wang-li (Wang Li / 王力), wang-li-2 (Wang Li / 王立)  [import-ambiguous-name]');
    }
    writeFileSync(path.join(repo, 'third.csv'), 'Name,Country,E-mail\n王丽,CN,x@example.org\n');
    const third = await club(['import', 'members', 'third.csv', '--update'], repo);
    expect(third.code).toBe(1);
    expect(third.stderr).toContain('Wang Li / 王丽 is not wang-li (Wang Li / 王力) or wang-li-2 (Wang Li / 王立): the native name differs');
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
  });

});

describe('club import members: a row in another script that reads as a member\'s name is refused as likely them', () => {
  const WANG_FANG = 'name: Wang Fang\nname_native: 王芳\ncountry: CN\ncategory: embassy\ndivision: moscow\njoined: 2019-03-01\n';
  const LI_NA = 'name: Li Na\ncountry: CN\ncategory: embassy\ndivision: moscow\njoined: 2018-05-01\n';
  const HEAD = 'ФИО;Страна;Категория;Отделение;Дата вступления;Должность\n';
  const read = (repo: string, id: string) => parse(readFileSync(path.join(repo, `data/members/${id}.yaml`), 'utf8')) as Record<string, unknown>;

  it('Ван Фан for Wang Fang / 王芳: not a second member without --update, not an update with it; the message names her and how to say who it is', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-fang.yaml': WANG_FANG });
    writeFileSync(path.join(repo, 'm.csv'), `${HEAD}Ван Фан;Китай;посольство;Москва;2019;Атташе\n`);
    const before = snapshot(repo);
    for (const update of [[], ['--update'], ['--update', '--dry-run']]) {
      const r = await club(['import', 'members', 'm.csv', '--yes', ...update], repo);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('m.csv: row 2, column "ФИО": Ван Фан (CN) reads as the name of wang-fang (Wang Fang / 王芳), but is not written as theirs: '
        + 'likely the same person, so the row is not imported  [import-likely-copy]');
      expect(r.stderr).toContain('hint: if it is wang-fang, write the name as the record has it (Wang Fang or 王芳) or give `wang-fang` in an Id column '
        + '(a name in another script than theirs then only says who the row is: their names are kept); if another person, give them an id of their own in an Id column (`wang-fang-2`)');
      expect(r.stderr).toContain('1 of 1 rows of m.csv has a problem; nothing was written');
      expect(r.stdout).not.toContain('Атташе');
    }
    expect(snapshot(repo)).toEqual(before);
    expect(existsSync(path.join(repo, 'data/members/wang-fang-2.yaml'))).toBe(false);
    // Written as her record writes it, the row is her: --update sets the title, her names stay.
    writeFileSync(path.join(repo, 'm.csv'), `${HEAD}王芳;Китай;посольство;Москва;2019;Атташе\n`);
    expect((await club(['import', 'members', 'm.csv', '--update', '--yes'], repo)).code).toBe(0);
    expect(read(repo, 'wang-fang')).toMatchObject({ name: 'Wang Fang', name_native: '王芳', title: 'Атташе' });
    // An id of their own says it is another person: a new member of that id.
    writeFileSync(path.join(repo, 'm.csv'), `Id;${HEAD}wang-fang-2;Ван Фан;Китай;посольство;Москва;2019;Атташе\n`);
    const other = await club(['import', 'members', 'm.csv', '--yes'], repo);
    expect(other.code, other.stderr).toBe(0);
    expect(read(repo, 'wang-fang-2')).toMatchObject({ name: 'Wang Fang', name_native: 'Ван Фан', country: 'CN' });
  });

  it('Ли На alone for Li Na, who has no native name: said to be likely her, not updated by a guess; her Latin name as written is her', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/li-na.yaml': LI_NA });
    writeFileSync(path.join(repo, 'm.csv'), 'ФИО;Страна;Должность\nЛи На;Китай;Советник\n');
    const before = snapshot(repo);
    for (const update of [[], ['--update']]) {
      const r = await club(['import', 'members', 'm.csv', '--yes', ...update], repo);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('m.csv: row 2, column "ФИО": Ли На (CN) reads as the name of li-na (Li Na), but is not written as theirs: '
        + 'likely the same person, so the row is not imported  [import-likely-copy]');
      expect(r.stderr).toContain('hint: if it is li-na, write the name as the record has it (Li Na) or give `li-na` in an Id column');
      expect(r.stderr).not.toContain('already a member');
    }
    expect(snapshot(repo)).toEqual(before);
    writeFileSync(path.join(repo, 'm.csv'), 'ФИО;Страна;Должность\nLi Na / Ли На;Китай;Советник\n');
    const r = await club(['import', 'members', 'm.csv', '--update', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo, 'li-na')).toMatchObject({ name: 'Li Na', name_native: 'Ли На', title: 'Советник' });
  });

  it('a native name in the member\'s own script that is not theirs is still another person, not a likely copy (王立 for Wang Li / 王力)', async () => {
    const repo = clubRepo({ 'club.yaml': CLUB, 'members/wang-li.yaml': 'name: Wang Li\nname_native: 王力\ncountry: CN\ncategory: customs\ndivision: moscow\njoined: 2016-01-15\n' });
    writeFileSync(path.join(repo, 'm.csv'), `${HEAD}王立;Китай;посольство;Москва;2019;Атташе\n`);
    const r = await club(['import', 'members', 'm.csv', '--yes'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('import-likely-copy');
    expect(read(repo, 'wang-li-2')).toMatchObject({ name: 'Wang Li', name_native: '王立' });
  });
});
