import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MEETING, member } from '../helpers/club-tree.js';
import { clubRepo } from '../helpers/git-repo.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const start = clubTerminals({ LANG: 'C.UTF-8' });

describe.skipIf(!hasTmux)('pickers find people and countries in any script (tmux)', () => {
  it('the member picker finds a member by part of the native name, typed in Cyrillic', async () => {
    const repo = clubRepo({ 'members/petrov-p-p.yaml': `${member({ name: 'Petrov P.P.', joined: '2016-03-01' })}name_native: Петров П.П.\n` });
    const t = start(repo, 'appoint --from 2020-01-01 --yes');
    await t.waitFor('Position');
    await t.press('Enter'); // Chairman, the first
    await t.waitFor('Member');
    await t.type('петр');
    // The unfiltered list shows Petrov too: wait for the list the typed letters leave (a busy machine is slow to redraw).
    const screen = await t.waitFor(/^(?![\s\S]*Ivanov I\.I\.)(?![\s\S]*Müller K\.)[\s\S]*Petrov P\.P\. \/ Петров П\.П\. \(RU\)/);
    // Only Petrov matches; Ivanov, Virtanen and Müller are filtered out.
    expect(screen).not.toContain('Ivanov I.I.');
    expect(screen).not.toContain('Müller K.');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('wrote data/officers/chairman-petrov-p-p.yaml');
    expect(done).toContain('EXIT:0');
    expect(parse(readFileSync(path.join(repo, 'data/officers/chairman-petrov-p-p.yaml'), 'utf8')).member).toBe('petrov-p-p');
  });

  it('the country picker finds a country by its Russian name', async () => {
    const repo = clubRepo();
    const t = start(repo, 'add-member');
    await t.waitFor('Name');
    await t.type('Korhonen J.');
    await t.press('Enter');
    await t.waitFor('Category');
    await t.press('Enter'); // customs: member countries only (RU, FI, DE)
    await t.waitFor('Country');
    await t.type('финл');
    // Finland is in the unfiltered list too: wait for the list the typed letters leave.
    const screen = await t.waitFor(/^(?![\s\S]*Russia \(RU\))(?![\s\S]*Germany \(DE\))[\s\S]*Finland \(FI\)/);
    expect(screen).not.toContain('Russia (RU)');
    expect(screen).not.toContain('Germany (DE)');
    await t.press('C-c');
    expect(await t.waitFor(/EXIT:\d+/)).toContain('EXIT:130');
  });

  it("record's Who came? finds a member stored in Latin and Cyrillic by Chinese characters (张) and by Cyrillic (Чжан), as list --where name~ does", async () => {
    const repo = clubRepo({
      'members/zhang-wei.yaml': `${member({ name: 'Zhang Wei', country: 'CN', category: 'participant' })}name_native: Чжан Вэй\n`,
      'members/wang-fang.yaml': `${member({ name: 'Wang Fang', country: 'CN', category: 'participant' })}name_native: Ван Фан\n`,
      'meetings/2019-06-20-moscow.yaml': MEETING.replace('status: held', 'status: planned').replace(/attendees:.*\n|apologies:.*\n/g, ''),
    });
    const t = start(repo, 'record 2019-06-20-moscow', { CLUB_TODAY: '2020-01-15' });
    await t.waitFor('Who came?');
    await t.type('张');
    // Both members are in the unfiltered list: wait for the list the typed character leaves.
    const byHan = await t.waitFor(/filter: 张[\s\S]*Zhang Wei · Чжан Вэй/);
    expect(byHan).not.toContain('nothing matches');
    expect(byHan).not.toContain('Wang Fang');
    expect(byHan).not.toContain('Ivanov I.I.');
    await t.press('Space');
    await t.waitFor('1 ticked');
    await t.press('BSpace');
    await t.type('Чжан');
    const byCyrillic = await t.waitFor(/filter: Чжан[\s\S]*Zhang Wei · Чжан Вэй/);
    expect(byCyrillic).not.toContain('Wang Fang');
    await t.press('BSpace', 'BSpace', 'BSpace', 'BSpace');
    await t.type('王');
    const wang = await t.waitFor(/filter: 王[\s\S]*Wang Fang · Ван Фан/);
    expect(wang).not.toContain('Zhang Wei');
    await t.press('Space');
    await t.waitFor('2 ticked');
    await t.press('C-c');
    expect(await t.waitFor(/EXIT:\d+/)).toContain('EXIT:130');
  });
});
