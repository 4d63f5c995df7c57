import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { member } from '../helpers/club-tree.js';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const start = clubTerminals();

describe.skipIf(!hasTmux)('add-member --name at a terminal (tmux)', () => {
  it('says a taken id before the other questions, and stops with nothing written for the same person', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const t = start(repo, "add-member --name 'Ivanov I.I.'");
    const clash = await t.waitFor('Is this another person?');
    expect(clash).toContain('A member with the id ivanov-i-i already exists (Ivanov I.I., RU)');
    expect(clash).not.toContain('Category');
    await t.press('Down', 'Down', 'Enter'); // no, the same person
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('nothing was written');
    expect(done).toContain('club set ivanov-i-i');
    expect(done).toContain('EXIT:1');
    expect(snapshot(repo)).toEqual(before);
  });

  it('gives another person with the same name the next free id, then asks what the flags left out', async () => {
    const repo = clubRepo();
    const t = start(repo, "add-member --name 'Ivanov I.I.' --country RU --division moscow --joined 2019-09-01");
    await t.waitFor('Is this another person?');
    await t.press('Enter'); // yes, another person
    await t.waitFor('Category');
    expect(t.screen()).not.toContain('Name (surname');
    await t.press('Enter'); // customs
    for (const field of ['Organization', 'Job title', 'E-mail']) {
      await t.waitFor(field);
      await t.press('Enter');
    }
    const summary = await t.waitFor('Write it?');
    expect(summary).toContain('data/members/ivanov-i-i-2.yaml');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('EXIT:0');
    expect(existsSync(path.join(repo, 'data/members/ivanov-i-i-2.yaml'))).toBe(true);
  });

  it('checks the id of a name in Palladius after the country is asked: li-wei for China, taken here by 李伟', async () => {
    const repo = clubRepo({ 'members/li-wei.yaml': member({ name: 'Li Wei', name_native: '李伟', country: 'CN', category: 'participant' }) });
    const t = start(repo, "add-member --name 'Ли Вэй' --category participant --division moscow --joined 2019-09-01");
    await t.waitFor('Country');
    expect(t.screen()).not.toContain('Is this another person?');
    await t.search('chin', 'China (CN)');
    await t.press('Enter');
    const clash = await t.waitFor('Is this another person?');
    expect(clash).toContain('A member with the id li-wei already exists (Li Wei, CN)');
    await t.press('Enter'); // yes, another person
    for (const field of ['Organization', 'Job title', 'E-mail']) {
      await t.waitFor(field);
      await t.press('Enter');
    }
    const summary = await t.waitFor('Write it?');
    expect(summary).toContain('+++ b/data/members/li-wei-2.yaml');
    expect(summary).toContain('+name: Li Wei');
    expect(summary).toContain('+name_native: Ли Вэй');
    await t.press('Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('EXIT:0');
    expect(existsSync(path.join(repo, 'data/members/li-wei-2.yaml'))).toBe(true);
  });
});
