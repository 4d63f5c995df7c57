import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { snapshot } from '../helpers/git-repo.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir, writeTree, type Tree } from '../helpers/testdir.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const TODAY = { CLUB_TODAY: '2020-06-30' };
/** A copy of the rich club, where wang-li is `Wang Li` / 王力, with `extra` written over it. */
function rich(extra: Tree = {}): string {
  const dir = testdir({});
  cpSync(RICH, path.join(dir, 'data'), { recursive: true });
  writeTree(path.join(dir, 'data'), extra);
  return dir;
}
const club = (dir: string, ...args: string[]) => runCli([...args, '--no-input'], { cwd: dir, env: TODAY });
const read = (dir: string, file: string) => parse(readFileSync(path.join(dir, 'data', file), 'utf8')) as Record<string, unknown>;
/** 王立, a second Wang Li: the same Latin name as 王力, another person. */
const WANG_LI_2 = readFileSync(path.join(RICH, 'members/wang-li.yaml'), 'utf8').replace('name_native: 王力', 'name_native: 王立').replace(/\nemail:.*/, '');
const MEANT = 'did you mean `wang-li` (Wang Li / 王力)?';

describe('a command that writes takes a name only as it is written, never one reached by transliteration', () => {
  it('leave 王丽 (another name, "Wang Li" once transliterated) is answered "did you mean" and writes nothing, not even in a dry run', async () => {
    const dir = rich();
    const before = snapshot(dir);
    const run = await club(dir, 'leave', '王丽', '--on', '2020-05-01', '--dry-run');
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain('left:');
    expect(run.stderr).toContain('club: no member has the id or name `王丽` as it is written\n');
    expect(run.stderr).toContain(`hint: ${MEANT}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('record and add-meeting refuse 王丽 as an attendee, an apology, a chair, a presenter or a responsible', async () => {
    const dir = rich();
    const before = snapshot(dir);
    for (const args of [
      ['record', '2019-06-20-pskov', '--apology', '王丽'],
      ['record', '2019-06-20-pskov', '--attendee', '王丽'],
      ['record', '2019-06-20-pskov', '--decision', 'text=Write to the post; responsible=王丽'],
      ['add-meeting', '--date', '2020-06-01', '--kind', 'regular', '--division', 'moscow', '--status', 'held', '--city', 'Moscow', '--chair', '王丽'],
      ['add-meeting', '--date', '2020-06-01', '--kind', 'regular', '--division', 'moscow', '--status', 'held', '--city', 'Moscow', '--apology', '王丽'],
      ['add-meeting', '--date', '2020-06-01', '--kind', 'regular', '--division', 'moscow', '--status', 'held', '--city', 'Moscow', '--item', 'title=Opening; presenter=王丽'],
    ]) {
      const run = await club(dir, ...args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(MEANT);
    }
    expect(snapshot(dir)).toEqual(before);
    // The name as it is written is taken.
    const apology = await club(dir, 'record', '2019-06-20-pskov', '--apology', '王力');
    expect(apology.code, apology.stderr).toBe(0);
    expect(read(dir, 'meetings/2019-06-20-pskov.yaml')).toMatchObject({ apologies: ['wang-li'] });
  });

  it('a Latin name typed in Cyrillic (Ли Мин for Li Min) is answered "did you mean"; the name as written is taken', async () => {
    const dir = rich();
    const add = await club(dir, 'add-member', '--name', 'Li Min', '--country', 'FI', '--category', 'participant', '--division', 'moscow', '--joined', '2020-01-10');
    expect(add.code, add.stderr).toBe(0);
    const before = snapshot(dir);
    const run = await club(dir, 'leave', 'Ли Мин', '--on', '2020-05-01');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hint: did you mean `li-min` (Li Min)?');
    expect(snapshot(dir)).toEqual(before);
    expect((await club(dir, 'leave', 'li min', '--on', '2020-05-01')).code).toBe(0);
    expect(read(dir, 'members/li-min.yaml').left).toBe('2020-05-01');
  });

  it('with 王力 and 王立 both Wang Li, each native name names its own member; set, unset and edit refuse 王丽 naming both', async () => {
    const dir = rich({ 'members/wang-li-2.yaml': WANG_LI_2 });
    const set = await club(dir, 'set', '王立', 'title=Counsellor');
    expect(set.code, set.stderr).toBe(0);
    expect(read(dir, 'members/wang-li-2.yaml').title).toBe('Counsellor');
    expect(read(dir, 'members/wang-li.yaml').title).toBe('Customs Attaché');
    expect((await club(dir, 'unset', '王力', 'title')).code).toBe(0);
    expect(read(dir, 'members/wang-li.yaml').title).toBeUndefined();
    expect(read(dir, 'members/wang-li-2.yaml').title).toBe('Counsellor');
    const before = snapshot(dir);
    for (const args of [['set', '王丽', 'title=X'], ['unset', '王丽', 'title'], ['edit', '王丽']]) {
      const run = await runCli([...args], { cwd: dir, env: { ...TODAY, EDITOR: 'true' } });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('hint: did you mean `wang-li` (Wang Li / 王力) or `wang-li-2` (Wang Li / 王立)?');
    }
    // The Latin name is the name of both: listed, as any name of several members is.
    const latin = await club(dir, 'set', 'Wang Li', 'title=X');
    expect(latin.code).toBe(2);
    expect(latin.stderr).toContain('`Wang Li` is the name of 2 members: wang-li-2 (Wang Li / 王立), wang-li (Wang Li / 王力)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('show, which writes nothing, still finds a member by a name in another script', async () => {
    const dir = rich();
    const run = await club(dir, 'show', '王丽');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('member wang-li  (data/members/wang-li.yaml)');
  });

  it('list --where takes a member reference as it is written, and answers a transliterated one with whom it may mean', async () => {
    const dir = rich({ 'members/wang-li-2.yaml': WANG_LI_2 });
    const ids = async (where: string) => {
      const run = await club(dir, 'list', 'meetings', '--where', where, '--format', 'json');
      return { ids: (JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id), stderr: run.stderr, code: run.code };
    };
    expect((await ids('attendees=王力')).ids).toContain('2019-06-20-pskov');
    expect(await ids('attendees=王立')).toEqual({ ids: [], stderr: '', code: 0 });
    expect(await ids('attendees=王丽')).toEqual({
      ids: [], code: 0,
      stderr: 'club: warning: --where attendees=王丽: no member has the id or name `王丽`; did you mean `wang-li` (Wang Li / 王力) or `wang-li-2` (Wang Li / 王立)? (`王丽` matches only when transliterated)\n',
    });
  });
});
