import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MEETING, member } from '../helpers/club-tree.js';
import { clubRepo, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const TODAY = { CLUB_TODAY: '2020-01-15' };
const PLANNED = MEETING.replace('status: held', 'status: planned').replace(/attendees:.*\n|apologies:.*\n/g, '');
const chinese = (name: string, native: string) => `${member({ name, country: 'CN', category: 'participant' })}name_native: ${native}\n`;
/** The base club and the secretary's members: names in Latin with native names in Cyrillic or Chinese, and a second Ivanov. */
const repo = () => clubRepo({
  'members/zhang-wei.yaml': chinese('Zhang Wei', 'Чжан Вэй'),
  'members/wang-fang.yaml': chinese('Wang Fang', 'Ван Фан'),
  'members/li-ming.yaml': chinese('Li Ming', '李明'),
  'members/ivanov-i-p.yaml': `${member({ name: 'Ivanov I.P.' })}name_native: Иванов И.П.\n`,
  'meetings/2019-06-20-moscow.yaml': PLANNED,
});
const read = (dir: string, file: string) => parse(readFileSync(path.join(dir, 'data', file), 'utf8')) as Record<string, unknown>;
const club = (dir: string, ...args: string[]) => runCli(args, { cwd: dir, env: TODAY });

describe('every command takes a member by id or name as it is written; show also in another script, as list --where name~ finds them', () => {
  it('show takes one member found by a whole name or a part in any script (it writes nothing), and lists several', async () => {
    const dir = repo();
    for (const query of ['张伟', '张', 'Чжан', 'zhang wei']) {
      const run = await club(dir, 'show', query);
      expect(run.code, `${query}: ${run.stderr}`).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe('member zhang-wei  (data/members/zhang-wei.yaml)');
    }
    expect((await club(dir, 'show', '王')).stdout.split('\n')[0]).toBe('member wang-fang  (data/members/wang-fang.yaml)');
    const two = await club(dir, 'show', 'иванов');
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('club: `иванов` is in the names of 2 members: ivanov-i-i (Ivanov I.I.), ivanov-i-p (Ivanov I.P. / Иванов И.П.)\n'
      + '  hint: give the one you mean by its id\n');
  });

  it('set, unset and edit take an id or a whole name; a part of one is answered "did you mean", several are listed', async () => {
    const dir = repo();
    const set = await club(dir, 'set', '李明', 'title=Counsellor');
    expect(set.code, set.stderr).toBe(0);
    expect(read(dir, 'members/li-ming.yaml').title).toBe('Counsellor');
    expect((await club(dir, 'set', 'Иванов И.П.', 'title=Inspector')).code).toBe(0);
    expect(read(dir, 'members/ivanov-i-p.yaml').title).toBe('Inspector');
    expect((await club(dir, 'unset', 'Li Ming', 'title')).code).toBe(0);
    expect(read(dir, 'members/li-ming.yaml').title).toBeUndefined();
    const before = snapshot(dir);
    const part = await club(dir, 'set', 'Чжан', 'title=X');
    expect(part.code).toBe(2);
    expect(part.stderr).toContain('club: no member has the id or name `Чжан`\n  hint: did you mean `zhang-wei`? (`Чжан` is part of the name Zhang Wei / Чжан Вэй;');
    const several = await club(dir, 'set', 'иванов', 'title=X');
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('`иванов` is in the names of 2 members: ivanov-i-i (Ivanov I.I.), ivanov-i-p (Ivanov I.P. / Иванов И.П.)');
    const none = await club(dir, 'set', 'Петрв', 'title=X');
    expect(none.stderr).toContain('club: no record has the id or name `Петрв`');
    expect(snapshot(dir)).toEqual(before);
    // A whole name in another script, Zhang Wei's only once transliterated: "did you mean", for every command that writes.
    for (const args of [['set', '张伟', 'title=X'], ['unset', '张伟', 'title'], ['edit', '张伟']]) {
      const other = await runCli(args, { cwd: dir, env: { ...TODAY, EDITOR: 'true' } });
      expect(other.code, args.join(' ')).toBe(2);
      expect(other.stderr).toContain('club: no member has the id or name `张伟` as it is written\n  hint: did you mean `zhang-wei` (Zhang Wei / Чжан Вэй)?');
    }
    expect(snapshot(dir)).toEqual(before);
    // The editor that changes nothing: the record named by its native name was found and opened.
    const edit = await runCli(['edit', 'Чжан Вэй'], { cwd: dir, env: { ...TODAY, EDITOR: 'true' } });
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stderr).toBe('no change; nothing was written\n');
  });

  it('record takes --attendee, --apology and a responsible by a whole name, Latin or native, as it is written', async () => {
    const dir = repo();
    const run = await club(dir, 'record', '2019-06-20-moscow', '--attendee', 'Иванов И.П.', '--attendee', 'чжан вэй', '--apology', 'Li Ming',
      '--decision', 'text=Send the minutes; responsible=Ван Фан');
    expect(run.code, run.stderr).toBe(0);
    expect(read(dir, 'meetings/2019-06-20-moscow.yaml')).toMatchObject({
      status: 'held', attendees: ['ivanov-i-p', 'zhang-wei'], apologies: ['li-ming'],
      decisions: [{ text: 'Send the minutes', responsible: 'wang-fang' }],
    });
  });

  it('record answers a part of a name with "did you mean", lists several, and writes nothing', async () => {
    const dir = repo();
    const before = snapshot(dir);
    const part = await club(dir, 'record', '2019-06-20-moscow', '--attendee', 'Чжан');
    expect(part.code).toBe(2);
    expect(part.stderr).toContain('club: --attendee: no member has the id or name `Чжан`\n  hint: did you mean `zhang-wei`?');
    const several = await club(dir, 'record', '2019-06-20-moscow', '--apology', 'Иванов');
    expect(several.stderr).toContain('club: --apology: `Иванов` is in the names of 2 members: ivanov-i-i (Ivanov I.I.), ivanov-i-p (Ivanov I.P. / Иванов И.П.)');
    const misspelt = await club(dir, 'record', '2019-06-20-moscow', '--decision', 'text=X; responsible=Ivanv I.P.');
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain('club: --decision responsible: no member has the id or name `Ivanv I.P.`\n  hint: did you mean `ivanov-i-p`');
    const transliterated = await club(dir, 'record', '2019-06-20-moscow', '--attendee', '张伟');
    expect(transliterated.code).toBe(2);
    expect(transliterated.stderr).toContain('club: --attendee: no member has the id or name `张伟` as it is written\n  hint: did you mean `zhang-wei` (Zhang Wei / Чжан Вэй)?');
    expect(snapshot(dir)).toEqual(before);
  });

  it('add-meeting takes the chair, attendees and presenters by a whole name; a guest presenter stays a guest', async () => {
    const dir = repo();
    const run = await club(dir, 'add-meeting', '--date', '2019-12-01', '--kind', 'regular', '--division', 'moscow', '--status', 'held', '--city', 'Moscow',
      '--chair', 'Ван Фан', '--attendee', 'Иванов И.П.', '--apology', '李明', '--guest', 'id=consul-x; name=Consul X.',
      '--item', 'title=Opening; presenter=Zhang Wei', '--item', 'title=Address; presenter=consul-x');
    expect(run.code, run.stderr).toBe(0);
    expect(read(dir, 'meetings/2019-12-01-moscow.yaml')).toMatchObject({
      chair: 'wang-fang', attendees: ['ivanov-i-p'], apologies: ['li-ming'],
      agenda: [{ title: 'Opening', presenter: 'zhang-wei' }, { title: 'Address', presenter: 'consul-x' }],
    });
  });

  it('appoint and leave take a whole name as it is written; a part, or a name only transliterated, is answered "did you mean"', async () => {
    const dir = repo();
    const appoint = await club(dir, 'appoint', 'secretary', 'Ван Фан', '--from', '2020-01-01');
    expect(appoint.code, appoint.stderr).toBe(0);
    expect(read(dir, 'officers/secretary-wang-fang.yaml')).toMatchObject({ position: 'secretary', member: 'wang-fang' });
    const transliterated = await club(dir, 'leave', '张伟', '--on', '2020-01-10');
    expect(transliterated.code).toBe(2);
    expect(transliterated.stderr).toContain('did you mean `zhang-wei` (Zhang Wei / Чжан Вэй)?');
    expect(read(dir, 'members/zhang-wei.yaml').left).toBeUndefined();
    const leave = await club(dir, 'leave', 'Чжан Вэй', '--on', '2020-01-10');
    expect(leave.code, leave.stderr).toBe(0);
    expect(read(dir, 'members/zhang-wei.yaml').left).toBe('2020-01-10');
    const part = await club(dir, 'leave', 'Ли', '--on', '2020-01-10');
    expect(part.code).toBe(2);
    expect(part.stderr).toContain('did you mean `li-ming`?');
  });
});
