import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clubRepo } from '../helpers/git-repo.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const start = clubTerminals();

describe.skipIf(!hasTmux)('club import members at a terminal (tmux)', () => {
  it('asks what each column it cannot place is for, then says the --map flags for next time', async () => {
    const repo = clubRepo();
    writeFileSync(path.join(repo, 'm.csv'), 'ФИО;Страна;Категория;Дата вступления;Тел. моб.;Хобби\nИванов А.А.;Россия;таможня;01.02.2019;+7 900 000-00-00;chess\n');
    const t = start(repo, 'import members m.csv --default division=moscow');
    const first = await t.waitFor('Column "Тел. моб." (e.g. +7 900 000-00-00): which field?');
    expect(first).toContain('id: the file name');
    // Down through the fields to phone: id, name, name_native, country, category, organization, title, division, joined, left, email, phone.
    await t.press(...Array.from({ length: 11 }, () => 'Down'), 'Enter');
    await t.waitFor('Column "Хобби" (e.g. chess): which field?');
    await t.press('Up', 'Enter'); // the last choice: ignore
    // Like every write at a terminal, the import is shown as a diff and confirmed.
    const preview = await t.waitFor('Write it?');
    expect(preview).toContain('+++ b/data/members/ivanov-a-a.yaml');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('next time, without questions: --map "Тел. моб.=phone" --map "Хобби=ignore"');
    expect(done).toContain('EXIT:0');
    expect(parse(readFileSync(path.join(repo, 'data/members/ivanov-a-a.yaml'), 'utf8'))).toEqual({
      name: 'Ivanov A.A.', name_native: 'Иванов А.А.', country: 'RU', category: 'customs', division: 'moscow', joined: '2019-02-01', phone: '+7 900 000-00-00',
    });
  });

  it('a field another column fills already is said at once and asked again, not refused after the --map tip', async () => {
    const repo = clubRepo();
    writeFileSync(path.join(repo, 'm.csv'), 'ФИО;Страна;Категория;Дата вступления;Телефон моб.\nИванов А.А.;Россия;таможня;01.02.2019;+7 900 000-00-00\n');
    const t = start(repo, 'import members m.csv --default division=moscow');
    await t.waitFor('Column "Телефон моб." (e.g. +7 900 000-00-00): which field?');
    await t.press('Down', 'Down', 'Down', 'Enter'); // country: id, name, name_native, country
    // Asked again with the cursor on the refused answer, country: down eight to phone.
    const again = await t.waitFor(/is country already; choose another field for "Телефон моб\.", or ignore\n\? Column "Телефон моб\."[^\n]*which field\?\n(?: {2}[^\n]*\n)*❯ country/);
    expect(again).toContain('column "Страна" is country already; choose another field for "Телефон моб.", or ignore');
    expect(again).not.toContain('next time, without questions');
    await t.press(...Array.from({ length: 8 }, () => 'Down'), 'Enter');
    await t.waitFor('Write it?');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('next time, without questions: --map "Телефон моб.=phone"');
    expect(done).not.toContain('are both country');
    expect(done).toContain('EXIT:0');
    expect(parse(readFileSync(path.join(repo, 'data/members/ivanov-a-a.yaml'), 'utf8'))).toMatchObject({ country: 'RU', phone: '+7 900 000-00-00' });
  });

  it('Ctrl-C at the question: exit 130, nothing written', async () => {
    const repo = clubRepo();
    writeFileSync(path.join(repo, 'm.csv'), 'Name,Country,Category,Joined,Hobby\nIvanov A.A.,RU,customs,2019,chess\n');
    const t = start(repo, 'import members m.csv --default division=moscow');
    await t.waitFor('Column "Hobby"');
    await t.press('C-c');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('EXIT:130');
    expect(done).toContain('cancelled; nothing was written');
  });

  it('list --format xlsx refuses to put a workbook on a terminal, and says how to write it', async () => {
    const repo = clubRepo();
    const t = start(repo, 'list members --format xlsx');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('club: an Excel workbook is not for a terminal');
    expect(done).toContain('hint: write it to a file with -o members.xlsx, or redirect: > members.xlsx');
    expect(done).toContain('EXIT:2');
  });
});
