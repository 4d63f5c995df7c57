import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const club = (args: string[]) => runCli([...args, '--data', RICH, '--as-of', '2019-12-31']);

function events(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('club calendar (the built CLI)', () => {
  it('prints every meeting as an event; one id gives that meeting alone; filters by --from and --division', async () => {
    const all = await club(['calendar']);
    expect(all.code).toBe(0);
    expect(all.stderr).toBe('');
    expect(events(all.stdout).map((e) => e.uid.split('@')[0])).toEqual([
      '2019-03-14-moscow', '2019-06-20-pskov', '2019-09-12-moscow', '2019-11-28-saint-petersburg', '2020-02-20-moscow',
      '2020-05-14-moscow', // 2020-05-21-moscow, moved: the UID keeps its first id
    ]);
    const one = await club(['calendar', '2019-06-20-pskov']);
    expect(one.code).toBe(0);
    expect(events(one.stdout).map((e) => e.summary)).toEqual(['Off-site meeting at the Estonian border']);
    const later = await club(['calendar', '--from', '2019-09-01', '--division', 'moscow']);
    expect(events(later.stdout).map((e) => e.uid.split('@')[0])).toEqual(['2019-09-12-moscow', '2020-02-20-moscow', '2020-05-14-moscow']);
  });

  it('writes -o FILE, and --check says whether a committed calendar is up to date', async () => {
    const dir = testdir({});
    const file = path.join(dir, 'club.ics');
    const wrote = await club(['calendar', '-o', file]);
    expect(wrote.code).toBe(0);
    expect(wrote.stderr).toContain(`wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toBe((await club(['calendar'])).stdout);
    expect((await club(['calendar', '--check', file])).code).toBe(0);
    // Another day alone does not make it stale; a change to a meeting does.
    expect((await runCli(['calendar', '--check', file, '--data', RICH, '--as-of', '2020-06-01'])).code).toBe(0);
    const copy = path.join(dir, 'data');
    cpSync(RICH, copy, { recursive: true });
    const pskov = path.join(copy, 'meetings/2019-06-20-pskov.yaml');
    writeFileSync(pskov, readFileSync(pskov, 'utf8').replace('title: Off-site meeting at the Estonian border', 'title: Off-site meeting at the border'));
    const stale = await runCli(['calendar', '--check', file, '--data', copy, '--as-of', '2019-12-31']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('is stale');
  });

  it('refuses an unknown meeting with a suggestion, a bad --from and an unknown division as usage errors', async () => {
    const unknown = await club(['calendar', '2019-06-20-pskof']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no meeting `2019-06-20-pskof`');
    expect(unknown.stderr).toContain('2019-06-20-pskov');
    const badDate = await club(['calendar', '--from', '2019-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--from `2019-02-30` is not a day: there is no 30 February in 2019/);
    const badDivision = await club(['calendar', '--division', 'moskow']);
    expect(badDivision.code).toBe(2);
    expect(badDivision.stderr).toContain('moscow');
    for (const run of [unknown, badDate, badDivision]) expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});

describe('club list members --format vcard (the built CLI)', () => {
  it('prints one card per member the filters keep, read back by ical.js', async () => {
    const run = await club(['list', 'members', '--where', 'country=CN', '--format', 'vcard']);
    expect(run.code).toBe(0);
    const parsed = ICAL.parse(run.stdout) as unknown[];
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((j) => new ICAL.Component(j as never));
    expect(cards.map((c: ICAL.Component) => c.getFirstPropertyValue('fn'))).toEqual(['Wang Li']);
    const all = await club(['list', 'members', '--as-of', '2019-12-31', '--format', 'vcard']);
    expect(all.stdout.match(/^BEGIN:VCARD\r$/gm)?.length).toBe((await club(['list', 'members', '--as-of', '2019-12-31', '--format', 'json'])).stdout.match(/"id":/g)?.length);
  });

  it('is for members only', async () => {
    const run = await club(['list', 'meetings', '--format', 'vcard']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format vcard is for members');
  });
});
