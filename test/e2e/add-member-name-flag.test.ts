import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
