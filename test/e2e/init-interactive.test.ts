import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { testdir } from '../helpers/testdir.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const start = clubTerminals({ TZ: 'UTC' });

describe.skipIf(!hasTmux)('club init at a terminal (tmux): the time zone', () => {
  it('asks for it, offering the country\'s zones with its one zone first (CN: Asia/Shanghai), never the machine\'s UTC; another can be chosen', async () => {
    const dir = testdir({});
    const t = start(dir, 'init beijing --name "Club of Customs Diplomats" --founded 2009 --country CN --city Beijing');
    // A search, whose list is drawn just after its question: the first zone under the cursor.
    const asked = await t.waitFor(/The time zone of its meetings \(CN\)[^\n]*\n❯ Asia\/Shanghai/);
    expect(asked).not.toContain('UTC');
    await t.press('Down', 'Enter'); // the other zone of the list, Asia/Urumqi
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toContain('EXIT:0');
    expect(done).toContain('timezone: Asia/Urumqi (as chosen) in beijing/data/club.yaml');
    expect(parse(readFileSync(path.join(dir, 'beijing/data/club.yaml'), 'utf8')).timezone).toBe('Asia/Urumqi');
  });
});
