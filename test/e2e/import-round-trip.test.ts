import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const club = (args: string[], cwd: string) => runCli(args, { cwd, env: { CLUB_TODAY: '2020-01-15' } });

/** A member whose notes are a folded block over two lines, as a person writes them: the same value as one long line. */
const IVANOV = `name: Ivanov I.I.
country: RU
category: customs
title: Inspector
division: moscow
joined: 2015-01-01
# said at the 2019 meeting
notes: >-
  Chairman of the club according to the club's page of 2019-06-16; the date
  he joined is not known.
languages: [ru, en]
`;

describe('club list members --format xlsx, then club import members --update of the same folder', () => {
  it('a row whose values equal the record\'s is "already as in the sheet": nothing written, a folded notes: >- is no change', async () => {
    const repo = clubRepo({ 'members/ivanov-i-i.yaml': IVANOV });
    expect((await club(['list', 'members', '--format', 'xlsx', '-o', 'm.xlsx'], repo)).code).toBe(0);
    const before = snapshot(path.join(repo, 'data'));
    const dry = await club(['import', 'members', 'm.xlsx', '--update', '--dry-run'], repo);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).not.toContain('would update');
    expect(dry.stderr).toContain('4 existing members are already as in the sheet\n');
    const run = await club(['import', 'members', 'm.xlsx', '--update', '--no-input'], repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('4 existing members are already as in the sheet\nnothing to import from m.xlsx\n');
    expect(snapshot(path.join(repo, 'data'))).toEqual(before);
  });

  it('a row that changes one field rewrites that field only: the untouched folded notes, the comment and the flow list keep their layout', async () => {
    const repo = clubRepo({ 'members/ivanov-i-i.yaml': IVANOV });
    expect((await club(['list', 'members', '--format', 'xlsx', '-o', 'm.xlsx'], repo)).code).toBe(0);
    // A spreadsheet program in between (exceljs, not ours): Ivanov's title changed.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(repo, 'm.xlsx'));
    const sheet = wb.worksheets[0]!;
    const headers = sheet.getRow(1).values as unknown[];
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(headers.indexOf('id')).value === 'ivanov-i-i')!;
    row.getCell(headers.indexOf('title')).value = 'Chief Inspector';
    await wb.xlsx.writeFile(path.join(repo, 'm.xlsx'));
    const run = await club(['import', 'members', 'm.xlsx', '--update', '--no-input'], repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('updated data/members/ivanov-i-i.yaml\n');
    expect(run.stderr).toContain('3 existing members are already as in the sheet\n');
    expect(readFileSync(path.join(repo, 'data/members/ivanov-i-i.yaml'), 'utf8')).toBe(IVANOV.replace('title: Inspector', 'title: Chief Inspector'));
  });
});
