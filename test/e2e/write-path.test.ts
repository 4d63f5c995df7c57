import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseTree, MEETING } from '../helpers/club-tree.js';
import { JUNE, JUNE_MOVED, juneTree } from '../helpers/reschedule-fixture.js';
import { clubRepo, git, snapshot } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * git, a reader we did not write, applies a --dry-run's patch (`git apply --index`: renames and new files as git
 * records them); the folder is then byte for byte what the command itself writes.
 */
async function expectAppliedAsWritten(repo: string, patchText: string, args: string[]): Promise<void> {
  const patch = path.join(repo, '.git', 'dry-run.patch');
  writeFileSync(patch, patchText);
  execFileSync('git', ['apply', '--index', patch], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  const applied = snapshot(repo);
  git(repo, 'reset', '-q', '--hard');
  git(repo, 'clean', '-qfd');
  const real = await club(repo, args);
  expect(real.code, real.stderr).toBe(0);
  expect(snapshot(repo)).toEqual(applied);
}

/** In this process; as a child process with --commit, since git takes the process's environment. */
const club = (repo: string, args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: repo, env: { CLUB_TODAY: '2020-01-15', ...env } });

describe('every write: --dry-run, the diff, the warnings it brings in', () => {
  it('--dry-run prints a unified diff git can apply, writes nothing, exits 0; applied, it is what the command writes', async () => {
    const repo = clubRepo({
      // A comment, a blank line and an unusual key order survive the edit.
      'officers/secretary-petrov-p-p.yaml': '# elected at the 2016 general meeting\nmember: petrov-p-p\nposition: secretary\n\nfrom: 2016-03-01\n',
    });
    const before = snapshot(repo);
    const dry = await club(repo, ['leave', 'petrov-p-p', '--on', '2019-09-01', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain('dry run: nothing was written');
    expect(snapshot(repo)).toEqual(before);
    expect(dry.stdout).toContain('--- a/data/members/petrov-p-p.yaml\n+++ b/data/members/petrov-p-p.yaml\n');
    expect(dry.stdout).toContain('+left: 2019-09-01\n');
    expect(dry.stdout).toContain('+to: 2019-08-31\n');
    expect(dry.stdout).not.toMatch(/\u001b\[/); // no colour without a terminal

    // git, a reader we did not write, applies the patch; the result is byte for byte what the command writes.
    const patch = path.join(repo, '.git', 'dry-run.patch');
    writeFileSync(patch, dry.stdout);
    execFileSync('git', ['apply', patch], { cwd: repo });
    const applied = snapshot(repo);
    git(repo, 'checkout', '--', '.');
    const real = await club(repo, ['leave', 'petrov-p-p', '--on', '2019-09-01']);
    expect(real.code, real.stderr).toBe(0);
    expect(snapshot(repo)).toEqual(applied);
    expect(readFileSync(path.join(repo, 'data/officers/secretary-petrov-p-p.yaml'), 'utf8'))
      .toBe('# elected at the 2016 general meeting\nmember: petrov-p-p\nposition: secretary\n\nfrom: 2016-03-01\nto: 2019-08-31\n');
  });

  it('--dry-run of a new record shows it whole, against /dev/null, as a new file git can apply', async () => {
    const repo = clubRepo();
    const args = ['add-member', '--name', 'Virtanen M.', '--country', 'FI', '--category', 'embassy', '--division', 'moscow', '--joined', '2019-09-01'];
    const dry = await club(repo, [...args, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^diff --git a\/data\/members\/virtanen-m\.yaml b\/data\/members\/virtanen-m\.yaml\nnew file mode 100644\n--- \/dev\/null\n\+\+\+ b\/data\/members\/virtanen-m\.yaml\n@@ -0,0 \+1,6 @@\n\+# yaml-language-server/);
    expect(dry.stdout).toContain('+name: Virtanen M.\n');
    await expectAppliedAsWritten(repo, dry.stdout, args);
  });

  it('--dry-run of an edit to a file with CRLF line ends keeps each line\'s CR: git applies it as the command writes it', async () => {
    const repo = clubRepo({ 'members/korhonen-j.yaml': 'name: Korhonen J.\r\ncountry: FI\r\ncategory: embassy\r\ndivision: moscow\r\njoined: 2019-09-01\r\n' });
    const args = ['set', 'korhonen-j', 'joined=2019-09-02'];
    const dry = await club(repo, [...args, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('-joined: 2019-09-01\r\n+joined: 2019-09-02\r\n');
    expect(dry.stdout).not.toContain('⏎');
    await expectAppliedAsWritten(repo, dry.stdout, args);
  });

  it('--dry-run of a move (a renamed meeting, the publication naming it edited) is a patch git applies: the folder is then what the command writes', async () => {
    const repo = clubRepo(juneTree());
    const args = ['reschedule', JUNE, '--date', '2020-06-25'];
    const dry = await club(repo, [...args, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`diff --git a/data/meetings/${JUNE}.yaml b/data/meetings/${JUNE_MOVED}.yaml\nrename from data/meetings/${JUNE}.yaml\nrename to data/meetings/${JUNE_MOVED}.yaml\n--- a/data/meetings/${JUNE}.yaml\n+++ b/data/meetings/${JUNE_MOVED}.yaml\n`);
    await expectAppliedAsWritten(repo, dry.stdout, args);
  });

  it('--dry-run of a change that would be refused exits 1 with the diagnostics and writes nothing', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const dry = await club(repo, ['add-member', '--name', 'Dupont J.', '--country', 'FR', '--category', 'embassy', '--division', 'moscow', '--joined', '2019-09-01', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('country-not-member');
    expect(dry.stdout).toBe('');
    expect(snapshot(repo)).toEqual(before);
  });

  it('prints the warnings the change brings in when it is written: a publication dated before its meeting', async () => {
    const repo = clubRepo({ 'meetings/2019-06-20-moscow.yaml': MEETING });
    const run = await club(repo, ['add-publication', '--outlet', 'customs', '--date', '2019-05', '--title', 'Before the fact', '--meeting', '2019-06-20-moscow']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('wrote data/publications/customs-2019-05.yaml');
    expect(run.stderr).toMatch(/data\/publications\/customs-2019-05\.yaml\n\s+\d+:\d+\s+warning\s+.*publication-before-meeting/);
    // An old warning of the folder is not repeated by an unrelated change.
    const again = await club(repo, ['add-member', '--name', 'Virtanen M.', '--country', 'FI', '--category', 'embassy', '--division', 'moscow', '--joined', '2019-09-01']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('publication-before-meeting');
  });

  it('--commit with --dry-run commits nothing', async () => {
    const repo = clubRepo();
    const run = await club(repo, ['leave', 'petrov-p-p', '--on', '2019-09-01', '--dry-run', '--commit']);
    expect(run.code).toBe(0);
    expect(git(repo, 'log', '--format=%s').trim()).toBe('Initial records');
    expect(git(repo, 'status', '--porcelain').trim()).toBe('');
    expect(parse(readFileSync(path.join(repo, 'data/members/petrov-p-p.yaml'), 'utf8')).left).toBeUndefined();
  });

  // Without a terminal nothing is asked and no diff is printed when writing: a line per file says what changed.
  // --dry-run prints the diff (stdout) and the same lines, with "would" (stderr), for every command that writes.
  const PLANNED = MEETING.replace('status: held', 'status: planned').replace(/attendees:.*\n|apologies:.*\n/g, '');
  const WRITES: [string[], string[]][] = [
    [['record', '2019-06-20-moscow', '--attendee', 'ivanov-i-i', '--started', '10:00'], ['would update data/meetings/2019-06-20-moscow.yaml']],
    [['cancel', '2019-12-10-moscow', '--reason', 'Repairs.'], ['would update data/meetings/2019-12-10-moscow.yaml']],
    [['reschedule', '2019-12-10-moscow', '--date', '2019-12-17'], ['would rename data/meetings/2019-12-10-moscow.yaml → data/meetings/2019-12-17-moscow.yaml']],
    [['set', 'petrov-p-p', 'title=Head of Section'], ['would update data/members/petrov-p-p.yaml']],
    [['unset', '2019-12-10-moscow', 'venue.name'], ['would update data/meetings/2019-12-10-moscow.yaml']],
    [['done', '2019-12-10-moscow', '1', '--on', '2020-01-10'], ['would update data/meetings/2019-12-10-moscow.yaml']],
    [['appoint', 'chairman', 'muller-k', '--from', '2020-01-01'], ['would write data/officers/chairman-muller-k.yaml', 'would update data/officers/chairman-ivanov-i-i.yaml']],
    [['leave', 'petrov-p-p', '--on', '2019-09-01'], ['would update data/members/petrov-p-p.yaml', 'would update data/officers/secretary-petrov-p-p.yaml']],
    [['end-term', 'secretary-petrov-p-p', '--to', '2019-12-31'], ['would update data/officers/secretary-petrov-p-p.yaml']],
    [['add-member', '--name', 'Korhonen J.', '--country', 'FI', '--category', 'embassy', '--division', 'moscow', '--joined', '2019-09-01'], ['would write data/members/korhonen-j.yaml']],
    [['add-meeting', '--date', '2020-03-10', '--kind', 'regular', '--division', 'moscow'], ['would write data/meetings/2020-03-10-moscow.yaml']],
    [['add-publication', '--outlet', 'customs', '--date', '2019-12', '--title', 'Year end'], ['would write data/publications/customs-2019-12.yaml']],
    [['import', 'members', 'new.csv', '--default', 'division=moscow'], ['would write data/members/korhonen-j.yaml']],
    [['edit', 'petrov-p-p'], ['would update data/members/petrov-p-p.yaml']],
  ];
  it.each(WRITES)('without a terminal, --dry-run of %j prints the diff and names the files; nothing written', async (args, lines) => {
    const repo = clubRepo({
      'meetings/2019-06-20-moscow.yaml': PLANNED,
      'meetings/2019-12-10-moscow.yaml': `${PLANNED.replace('2019-06-20', '2019-12-10')}decisions:\n  - Send the minutes.\n`,
    });
    writeFileSync(path.join(repo, 'new.csv'), 'name,country,category,joined\nKorhonen J.,FI,embassy,2019-09-01\n');
    const before = snapshot(repo);
    const dry = await runCli([...args, '--dry-run'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15', EDITOR: 'sed -i s/Petrov/Petroff/' } });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^diff --git a\/data\/\S+ b\/data\/\S+\n(new file mode 100644\n|rename from .*\nrename to .*\n)?--- (a\/data|\/dev\/null)/);
    expect(dry.stdout).toMatch(/^@@ /m);
    // A patch git takes as it is (README: "The diff is a patch `git apply` accepts"), for every command that writes.
    const patch = path.join(repo, '.git', 'dry-run.patch');
    writeFileSync(patch, dry.stdout);
    execFileSync('git', ['apply', '--check', patch], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(dry.stderr).toContain(`${lines.join('\n')}\ndry run: nothing was written\n`);
    expect(snapshot(repo)).toEqual(before);
    // Written without --dry-run, the same files are named, without the diff.
    const real = await runCli(args, { cwd: repo, env: { CLUB_TODAY: '2020-01-15', EDITOR: 'sed -i s/Petrov/Petroff/' } });
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toBe('');
    expect(real.stderr).toContain(`${lines.map((l) => l.replace(/^would (\w+)/, (_, verb: string) => ({ write: 'wrote', update: 'updated', rename: 'renamed' })[verb] ?? verb)).join('\n')}\n`);
  });
});

describe('an edit keeps the file\'s own form: CR LF line ends, no newline at the end, a byte-order mark', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  /** What git counts as changed since the last commit, `added removed file` a line; then the change is committed. */
  const changed = (repo: string): string[] => {
    const lines = git(repo, 'diff', '--numstat').trim().split('\n').map((l) => l.replace(/\t/g, ' '));
    git(repo, 'commit', '-qam', 'step');
    return lines;
  };
  const everyLineCrlf = (text: string) => expect(text.replace(/\r\n/g, ''), JSON.stringify(text)).not.toMatch(/[\r\n]/);

  it('set, edit, unset, leave and end-term on files saved with CR LF: the bytes stay CR LF throughout, and git shows only the lines changed', async () => {
    const base = baseTree();
    const repo = clubRepo({
      'members/petrov-p-p.yaml': crlf(`# Member since the Moscow meeting\n${String(base['members/petrov-p-p.yaml'])}`),
      'officers/secretary-petrov-p-p.yaml': crlf(String(base['officers/secretary-petrov-p-p.yaml'])),
      'officers/chairman-ivanov-i-i.yaml': crlf(String(base['officers/chairman-ivanov-i-i.yaml'])),
    });
    const text = (file: string) => readFileSync(path.join(repo, 'data', file), 'utf8');
    const run = async (args: string[]) => {
      const r = await club(repo, args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    };

    await run(['set', 'petrov-p-p', 'title=Inspector']);
    expect(text('members/petrov-p-p.yaml')).toBe(crlf('# Member since the Moscow meeting\nname: Petrov P.P.\ncountry: RU\ncategory: customs\ntitle: Inspector\ndivision: moscow\njoined: 2016-03-01\n'));
    expect(git(repo, 'diff', '--stat')).toContain('1 file changed, 1 insertion(+)');
    expect(changed(repo)).toEqual(['1 0 data/members/petrov-p-p.yaml']);

    await run(['set', 'petrov-p-p', 'title=Senior Inspector']);
    everyLineCrlf(text('members/petrov-p-p.yaml'));
    expect(changed(repo)).toEqual(['1 1 data/members/petrov-p-p.yaml']);

    // club edit writes the text the editor saved: an editor that keeps CR LF (sed here) gives CR LF.
    const edited = await club(repo, ['edit', 'petrov-p-p'], { EDITOR: 'sed -i s/Senior\\ Inspector/Chief\\ Inspector/' });
    expect(edited.code, edited.stderr).toBe(0);
    everyLineCrlf(text('members/petrov-p-p.yaml'));
    expect(changed(repo)).toEqual(['1 1 data/members/petrov-p-p.yaml']);

    await run(['unset', 'petrov-p-p', 'title']);
    everyLineCrlf(text('members/petrov-p-p.yaml'));
    expect(changed(repo)).toEqual(['0 1 data/members/petrov-p-p.yaml']);

    await run(['leave', 'petrov-p-p', '--on', '2019-09-01']);
    everyLineCrlf(text('members/petrov-p-p.yaml'));
    expect(text('officers/secretary-petrov-p-p.yaml')).toBe('position: secretary\r\nmember: petrov-p-p\r\nfrom: 2016-03-01\r\nto: 2019-08-31\r\n');
    expect(changed(repo)).toEqual(['1 0 data/members/petrov-p-p.yaml', '1 0 data/officers/secretary-petrov-p-p.yaml']);

    await run(['end-term', 'chairman-ivanov-i-i', '--to', '2019-12-31']);
    expect(text('officers/chairman-ivanov-i-i.yaml')).toBe('position: chairman\r\nmember: ivanov-i-i\r\nfrom: 2015-01-01\r\nto: 2019-12-31\r\n');
    expect(changed(repo)).toEqual(['1 0 data/officers/chairman-ivanov-i-i.yaml']);
  });

  it('a file without a newline at its end, or with a byte-order mark, is written back so', async () => {
    const repo = clubRepo({
      'members/petrov-p-p.yaml': 'name: Petrov P.P.\r\ncountry: RU\r\ncategory: customs\r\ndivision: moscow\r\njoined: 2016-03-01',
      'members/ivanov-i-i.yaml': '\ufeffname: Ivanov I.I.\ncountry: RU\ncategory: customs\ndivision: moscow\njoined: 2015-01-01\n',
    });
    const bytes = (file: string) => readFileSync(path.join(repo, 'data', file));
    for (const args of [['set', 'petrov-p-p', 'title=Inspector'], ['set', 'ivanov-i-i', 'title=Chief']]) {
      const r = await club(repo, args);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(bytes('members/petrov-p-p.yaml').toString('utf8')).toBe('name: Petrov P.P.\r\ncountry: RU\r\ncategory: customs\r\ntitle: Inspector\r\ndivision: moscow\r\njoined: 2016-03-01');
    expect([...bytes('members/ivanov-i-i.yaml').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes('members/ivanov-i-i.yaml').toString('utf8')).toBe('\ufeffname: Ivanov I.I.\ncountry: RU\ncategory: customs\ntitle: Chief\ndivision: moscow\njoined: 2015-01-01\n');
    expect(changed(repo)).toEqual(['1 0 data/members/ivanov-i-i.yaml', '1 0 data/members/petrov-p-p.yaml']);
  });
});
