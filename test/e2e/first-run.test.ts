// Faults a new user met on a fresh clone, each pinned by the run that showed it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';
import { baseTree } from '../helpers/club-tree.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');

describe('commander\'s own errors read like club\'s usage errors', () => {
  it.each([
    [['show'], "club: missing required argument 'id'\n  hint: usage: club show [options] <id> (`club show --help` shows examples)\n"],
    [['lst', 'members'], "club: unknown command 'lst'\n  hint: did you mean `club list`? (`club --help` lists them all)\n"],
    [['list', 'members', '--frmat', 'csv'], "club: unknown option '--frmat'\n  hint: did you mean --format? (`club list --help` lists them all)\n"],
    [['add-member', '--bogus'], "club: unknown option '--bogus'\n  hint: see `club add-member --help`\n"],
    [['--bogus'], "club: unknown option '--bogus'\n  hint: see `club --help`\n"],
    [['show', 'a', 'b'], "club: too many arguments for 'show'. Expected 1 argument but got 2.\n  hint: usage: club show [options] <id> (`club show --help` shows examples)\n"],
    [['help', 'validte'], "club: unknown command 'validte'\n  hint: did you mean `club validate`? (`club --help` lists them all)\n"],
    [['help', 'nosuch'], "club: unknown command 'nosuch'\n  hint: see `club --help`\n"],
    [['completion', 'tcsh'], "club: `tcsh` is not a shell club knows: choose bash, zsh or fish\n  hint: see `club completion --help`\n"],
    [['validate', '-f', 'xml'], "club: --format takes text, json, github, sarif or junit, not `xml`\n  hint: see `club validate --help`\n"],
    [['list', 'memebrs'], "club: `memebrs` is not a collection club knows: choose members, officers, meetings, publications or decisions\n  hint: did you mean `members`? (`club list --help` lists them all)\n"],
    [['list', 'members', '--format', 'jsn'], "club: --format takes table, json, yaml, csv, md, xlsx or vcard, not `jsn`\n  hint: did you mean `json`? (`club list --help` lists them all)\n"],
    [['roster', '--format', 'pdf'], "club: --format takes md or docx, not `pdf`\n  hint: see `club roster --help`\n"],
    [['list', 'members', '--where'], "club: --where needs a value (condition)\n  hint: see `club list --help`\n"],
    [['import', 'officers', 'x.csv'], "club: club import takes only members, not `officers`\n  hint: see `club import --help`\n"],
  ])('club %j', async (args, stderr) => {
    const run = await runCli([...args, '--data', RICH]);
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});

it('a file outside the data folder names the folder quoted: from data/members the folder is `..`, not a trailing ".." that reads like an ellipsis', async () => {
  const run = await runCli(['validate', '../../../../../README.md', '--data', '..'], { cwd: path.join(RICH, 'members') });
  expect(run.stderr.split('\n')[0]).toBe('club: ../../../../../README.md is not a record file of the data folder `..`');
  expect(run.code).toBe(2);
});

describe('a file name\'s extension and the format written agree, for every command that writes a file', () => {
  it.each([
    [['calendar', '-o', 'club.docx'], 'club.docx names a Word file, but club writes a calendar only as iCalendar\n  hint: name the file .ics'],
    [['calendar', '--check', 'club.md'], 'club.md names a Markdown file, but club writes a calendar only as iCalendar\n  hint: name the file .ics'],
    [['roster', '-o', 'roster.pdf'], 'roster.pdf names a PDF file, but club writes a document as Markdown or Word\n  hint: name the file .md or .docx'],
    [['minutes', '2019-06-20-pskov', '-o', 'minutes.ics'], 'minutes.ics names an iCalendar file, but club writes a document as Markdown or Word'],
    [['agenda', '2020-05-21-moscow', '--format', 'md', '-o', 'agenda.ics'], 'agenda.ics names an iCalendar file, but --format md was asked\n  hint: name the file .md'],
    [['list', 'members', '-o', 'members.pdf'], 'members.pdf names a PDF file, but club writes a list as a text table, JSON, YAML, CSV, Markdown, Excel or vCard'],
    [['list', 'members', '--format', 'csv', '-o', 'members.xlsx'], 'members.xlsx names an Excel workbook, but --format csv was asked\n  hint: leave --format out, or name the file .csv'],
  ])('club %j is refused, naming both, and writes nothing', async (args, message) => {
    const dir = testdir({});
    const run = await runCli([...args, '--data', RICH, '--as-of', '2019-07-01'], { cwd: dir });
    expect(run.stderr).toContain(`club: ${message}`);
    expect(run.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('list -o FILE.xlsx without --format writes a workbook, as roster -o FILE.docx writes Word (not a text table in a .xlsx)', async () => {
    const dir = testdir({});
    const run = await runCli(['list', 'members', '-o', 'members.xlsx', '--data', RICH], { cwd: dir });
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(dir, 'members.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(1).getCell(1).value).toBe('id');
    expect((await runCli(['list', 'members', '-o', 'members.csv', '--data', RICH], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'members.csv'), 'utf8')).toMatch(/^id,/);
  });
});

describe('-o into a folder that does not exist', () => {
  it.each([
    [['roster', '-o', 'dosc/roster.md']],
    [['calendar', '-o', 'dosc/club.ics']],
    [['list', 'members', '--format', 'csv', '-o', 'dosc/members.csv']],
  ])('club %j names the missing folder (exit 3) and creates nothing', async (args) => {
    const dir = testdir({ 'docs/.keep': '' });
    const run = await runCli([...args, '--data', RICH], { cwd: dir });
    expect(run.stderr).toBe(`club: cannot write ${args.at(-1)}: there is no folder dosc\n  hint: check its name, or create it first: mkdir -p dosc\n`);
    expect(run.code).toBe(3);
    expect(readdirSync(dir)).toEqual(['docs']);
  });

  it('a folder that exists is written into, and a file where the folder should be is named', async () => {
    const dir = testdir({ 'docs/.keep': '', 'plain.md': 'x' });
    expect((await runCli(['roster', '-o', 'docs/roster.md', '--data', RICH], { cwd: dir })).code).toBe(0);
    expect(readdirSync(path.join(dir, 'docs')).sort()).toEqual(['.keep', 'roster.md']);
    const run = await runCli(['roster', '-o', 'plain.md/roster.md', '--data', RICH], { cwd: dir });
    expect(run.stderr).toBe('club: cannot write plain.md/roster.md: plain.md is not a folder\n');
    expect(run.code).toBe(3);
  });
});

describe('-o or --check naming a folder that exists', () => {
  it.each([
    [['roster', '-o', '.docs'], "club: .docs is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/roster.md\n"],
    [['roster', '-o', '.docs/', '--format', 'docx'], "club: .docs/ is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/roster.docx\n"],
    [['agenda', '2019-06-20-pskov', '-o', '.docs'], "club: .docs is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/agenda.md\n"],
    [['minutes', '2019-06-20-pskov', '-o', '.docs'], "club: .docs is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/minutes.md\n"],
    [['plan', '--year', '2019', '-o', '.docs'], "club: .docs is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/plan.md\n"],
    [['report', '--year', '2019', '-o', '.docs'], "club: .docs is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/report.md\n"],
    [['calendar', '-o', '.docs'], "club: .docs is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/calendar.ics\n"],
    [['list', 'members', '--format', 'csv', '-o', '.docs'], "club: .docs is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/members.csv\n"],
    [['list', 'meetings', '-o', '.docs'], "club: .docs is a folder; -o takes a file\n  hint: name a file in it, e.g. -o .docs/meetings.txt\n"],
    [['roster', '--check', '.docs'], "club: .docs is a folder; --check takes a file\n  hint: name a file in it, e.g. --check .docs/roster.md\n"],
    [['roster', '--check', '.docs', '--as-of', '2019-07-01'], "club: .docs is a folder; --check takes a file\n  hint: name a file in it, e.g. --check .docs/roster.md\n"],
    [['agenda', '2019-06-20-pskov', '--check', '.docs'], "club: .docs is a folder; --check takes a file\n  hint: name a file in it, e.g. --check .docs/agenda.md\n"],
    [['calendar', '--check', '.docs'], "club: .docs is a folder; --check takes a file\n  hint: name a file in it, e.g. --check .docs/calendar.ics\n"],
  ])('club %j names the folder and a file to write in it (exit 3), and writes nothing', async (args, message) => {
    const dir = testdir({ '.docs/.keep': '' });
    const run = await runCli([...args, '--data', RICH], { cwd: dir });
    expect(run.stderr).toBe(message);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(3);
    expect(readdirSync(dir)).toEqual(['.docs']);
    expect(readdirSync(path.join(dir, '.docs'))).toEqual(['.keep']);
  });
});

describe('--where country takes the other names import takes (one table)', () => {
  const ids = async (where: string) => {
    const run = await runCli(['list', 'members', '--data', RICH, '--where', where, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return (JSON.parse(run.stdout) as { id: string }[]).map((m) => m.id);
  };
  it('РФ, Российская Федерация and Russian Federation find who RU finds; КНР and PRC who CN finds', async () => {
    const russia = await ids('country=RU');
    expect(russia.length).toBeGreaterThan(0);
    expect(await ids('country=РФ')).toEqual(russia);
    expect(await ids('country=Российская Федерация')).toEqual(russia);
    expect(await ids('country=russian federation')).toEqual(russia);
    expect(await ids('country=КНР')).toEqual(await ids('country=CN'));
    expect(await ids('country=prc')).toEqual(await ids('country=CN'));
    expect(await ids('country!=рф')).toEqual(await ids('country!=RU'));
  });
});

describe('a stale or missing document\'s hint is the exact command that regenerates it', () => {
  it('roster --lang ru --check: the hint keeps --lang ru (and every other option given)', async () => {
    const dir = testdir({});
    const asOf = ['--data', RICH, '--lang', 'ru', '--division', 'moscow'];
    expect((await runCli(['roster', ...asOf, '--as-of', '2019-06-16', '-o', 'roster.md'], { cwd: dir })).code).toBe(0);
    const stale = await runCli(['roster', ...asOf, '--as-of', '2020-01-15', '--check', 'roster.md'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(new RegExp(`\\n  hint: regenerate it with \`club roster --data ${RICH.replace(/[/.]/g, '\\$&')} --lang ru --division moscow --as-of 2020-01-15 -o roster\\.md\` and commit it\\n$`));
    const missing = await runCli(['calendar', '--data', RICH, '--lang', 'ru', '--check=my club.ics'], { cwd: dir });
    expect(missing.stderr).toBe(`club: my club.ics does not exist; write it with \`club calendar --data ${RICH} --lang ru -o 'my club.ics'\`\n`);
    expect(missing.code).toBe(1);
  });
});

describe('times are written quoted, as the shipped records have them (a plain 18:30 is a number in YAML 1.1)', () => {
  const inData = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).map(([k, v]) => [`data/${k}`, v]));
  it('add-meeting --start/--end and set start=/end= write "HH:MM"; a line not changed keeps its layout', async () => {
    const dir = testdir(inData({ ...baseTree(), 'meetings/2019-06-20-moscow.yaml': 'date: 2019-06-20\nstart: 10:00\nkind: regular\ndivision: moscow\nstatus: held\nvenue:\n  city: Moscow\n' }));
    const run = (...args: string[]) => runCli([...args, '--data', 'data', '--as-of', '2019-01-10', '--yes', '--no-input'], { cwd: dir, env: { CLUB_TODAY: '2019-01-10' } });
    const added = await run('add-meeting', '--date', '2019-03-14', '--kind', 'regular', '--division', 'moscow', '--city', 'Moscow', '--start', '18:30', '--end', '20:00', '--status', 'planned');
    expect(added.code, added.stderr).toBe(0);
    const file = path.join(dir, 'data/meetings/2019-03-14-moscow.yaml');
    expect(readFileSync(file, 'utf8')).toContain('start: "18:30"\nend: "20:00"\n');
    expect((await run('set', '2019-03-14-moscow', 'start=18:45')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('start: "18:45"\nend: "20:00"\n');
    const old = path.join(dir, 'data/meetings/2019-06-20-moscow.yaml');
    expect((await run('set', '2019-06-20-moscow', 'end=12:00')).code).toBe(0);
    expect(readFileSync(old, 'utf8')).toMatch(/^date: 2019-06-20\nstart: 10:00\nend: "12:00"\n/);
    expect((await run('set', '2019-06-20-moscow', 'start=10:30')).code).toBe(0);
    expect(readFileSync(old, 'utf8')).toMatch(/^date: 2019-06-20\nstart: "10:30"\nend: "12:00"\n/);
  });
});

describe('add-member --no-input in a club with one division', () => {
  it('takes that division without --division; with two, --division is still asked for', async () => {
    const tree = baseTree();
    const one = String(tree['club.yaml']).replace(/  - id: saint-petersburg\n    city: Saint Petersburg\n    since: 2008\n/, '');
    expect(one).not.toContain('saint-petersburg');
    const args = ['add-member', '--name', 'Korhonen J.', '--country', 'FI', '--category', 'embassy', '--joined', '2019-01-10', '--data', 'data', '--no-input', '--yes'];
    const single = testdir(Object.fromEntries(Object.entries({ ...tree, 'club.yaml': one }).map(([k, v]) => [`data/${k}`, v])));
    const run = await runCli(args, { cwd: single, env: { CLUB_TODAY: '2019-01-10' } });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(single, 'data/members/korhonen-j.yaml'), 'utf8')).toContain('division: moscow\n');
    const two = testdir(Object.fromEntries(Object.entries(tree).map(([k, v]) => [`data/${k}`, v])));
    const refused = await runCli(args, { cwd: two, env: { CLUB_TODAY: '2019-01-10' } });
    expect(refused.stderr).toContain('club: missing --division');
    expect(refused.code).toBe(2);
  });
});

describe('list with nothing to list', () => {
  it('says so on stderr instead of a table with only its header (exit 0); -o keeps the header; csv and json stay empty and quiet', async () => {
    const none = await runCli(['list', 'meetings', '--data', RICH, '--where', 'kind=off-site', '--where', 'date>=2099-01-01']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('no meetings match --where kind=off-site --where date>=2099-01-01\n');
    const all = await runCli(['list', 'publications', '--data', RICH, '--where', 'date>=2099-01-01', '--fields', 'id,title', '-o', path.join(testdir({}), 'none.txt')]);
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(/^wrote .*none\.txt\nno publications match --where date>=2099-01-01\n$/);
    expect(readFileSync(all.stderr.split('\n')[0]!.slice('wrote '.length), 'utf8')).toMatch(/^ID +TITLE\n$/);
    const json = await runCli(['list', 'meetings', '--data', RICH, '--where', 'date>=2099-01-01', '--format', 'json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toEqual([]);
    const some = await runCli(['list', 'meetings', '--data', RICH]);
    expect(some.stderr).toBe('');
  });
});

describe('add-meeting --no-input in a club with one division', () => {
  it('takes that division without --division; with two, --division is still asked for', async () => {
    const tree = baseTree();
    const one = String(tree['club.yaml']).replace(/  - id: saint-petersburg\n    city: Saint Petersburg\n    since: 2008\n/, '');
    expect(one).not.toContain('saint-petersburg');
    const args = ['add-meeting', '--date', '2026-12-10', '--kind', 'regular', '--data', 'data', '--no-input', '--yes'];
    const single = testdir(Object.fromEntries(Object.entries({ ...tree, 'club.yaml': one }).map(([k, v]) => [`data/${k}`, v])));
    const run = await runCli(args, { cwd: single, env: { CLUB_TODAY: '2026-11-29' } });
    expect(run.code, run.stderr).toBe(0);
    const written = readFileSync(path.join(single, 'data/meetings/2026-12-10-moscow.yaml'), 'utf8');
    expect(written).toContain('division: moscow\n');
    expect(written).toContain('status: planned\n');
    const two = testdir(Object.fromEntries(Object.entries(tree).map(([k, v]) => [`data/${k}`, v])));
    const refused = await runCli(args, { cwd: two, env: { CLUB_TODAY: '2026-11-29' } });
    expect(refused.stderr).toContain('club: missing --division');
    expect(refused.code).toBe(2);
    expect(existsSync(path.join(two, 'data/meetings/2026-12-10-moscow.yaml'))).toBe(false);
  });
});

describe('add-publication --no-input in a club with one outlet', () => {
  it('takes that outlet without --outlet; with two, --outlet is still asked for', async () => {
    const tree = baseTree();
    const args = ['add-publication', '--title', 'The club meets', '--date', '2026-11', '--data', 'data', '--no-input', '--yes'];
    const single = testdir(Object.fromEntries(Object.entries(tree).map(([k, v]) => [`data/${k}`, v])));
    const run = await runCli(args, { cwd: single, env: { CLUB_TODAY: '2026-11-29' } });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(single, 'data/publications/customs-2026-11.yaml'), 'utf8')).toContain('outlet: customs\n');
    const twoOutlets = `${String(tree['club.yaml'])}  - id: customs-news\n    name: Customs news\n    kind: magazine\n`;
    expect(twoOutlets).toMatch(/outlets:\n  - id: customs\n[^]*  - id: customs-news\n/);
    const two = testdir(Object.fromEntries(Object.entries({ ...tree, 'club.yaml': twoOutlets }).map(([k, v]) => [`data/${k}`, v])));
    const refused = await runCli(args, { cwd: two, env: { CLUB_TODAY: '2026-11-29' } });
    expect(refused.stderr).toContain('club: missing --outlet');
    expect(refused.code).toBe(2);
    expect(existsSync(path.join(two, 'data/publications'))).toBe(false);
  });
});

describe('the examples name files the shipped data has', () => {
  const commandLines = (text: string) => text.split('\n').filter((line) => /^\s*\$ (npx )?club /.test(line));
  const dataFiles = (lines: string[]) => lines.flatMap((line) => [...line.matchAll(/\bdata\/\S+\.yaml\b/g)].map((m) => m[0]));

  it('every data/….yaml in an example of --help (the top level and every command) exists, and the examples name some', async () => {
    const top = await runCli(['--help']);
    const names = top.stdout.split('\nCommands:\n')[1]!.split('\n\n')[0]!.split('\n').map((line) => line.trim().split(' ')[0]!).filter((name) => name !== 'help');
    expect(names).toContain('validate');
    const helps = [top.stdout];
    for (const name of names) helps.push((await runCli([name, '--help'])).stdout);
    const files = dataFiles(helps.flatMap(commandLines));
    expect(files).toContain('data/members/konovalenko-s-a.yaml');
    for (const file of files) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  it('every data/….yaml a README command line names exists', () => {
    const files = dataFiles(commandLines(readFileSync(path.join(ROOT, 'README.md'), 'utf8')));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  it('roster --help, the README and the CI workflow name the same committed roster, .docs/roster.md', async () => {
    const roster = (text: string) => new Set([...text.matchAll(/[\w.]*docs\/roster\.md/g)].map((m) => m[0]));
    expect(roster((await runCli(['roster', '--help'])).stdout)).toEqual(new Set(['.docs/roster.md']));
    expect(roster(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))).toEqual(new Set(['.docs/roster.md']));
    expect(roster(readFileSync(path.join(ROOT, '.github/workflows/validate-data.yml'), 'utf8'))).toEqual(new Set(['.docs/roster.md']));
  });
});

it('the README shows what `club list members --where country=Rusia` prints: nothing on stdout, the warning and "no members match" on stderr', async () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n');
  const at = readme.findIndex((line) => line.startsWith('$ npx club list members --where country=Rusia '));
  expect(at).toBeGreaterThan(0);
  const shown = readme.slice(at + 1, readme.indexOf('```', at));
  const run = await runCli(['list', 'members', '--where', 'country=Rusia']);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  expect(shown).toEqual(run.stderr.trimEnd().split('\n'));
});
