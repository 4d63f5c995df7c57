import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clubRepo, git, snapshot } from '../helpers/git-repo.js';
import { runCli, runClub } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const ADD_VIRTANEN = ['add-member', '--name', 'Virtanen M.', '--country', 'FI', '--category', 'embassy', '--division', 'moscow',
  '--joined', '2019-09-01', '--organization', 'Embassy of Finland', '--no-input'];

const ENV = { CLUB_TODAY: '2020-01-15', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };
/** In this process: what the command writes and says does not depend on being a process. */
const club = (repo: string, args: string[], env: Record<string, string> = {}) => runCli([...args], { cwd: repo, env: { ...ENV, ...env } });
/** As a process: for writers racing each other for the lock. (--commit runs in this process: git takes the command's env.) */
const clubProcess = (repo: string, args: string[], env: Record<string, string> = {}) => runClub([...args], { cwd: repo, env: { ...ENV, ...env } });

describe('club add-member from flags', () => {
  it('writes a valid file that starts with the schema line, and says what to run next', async () => {
    const repo = clubRepo();
    const run = await club(repo, ADD_VIRTANEN);
    expect(run.stderr).toContain('wrote data/members/virtanen-m.yaml');
    expect(run.stderr).toContain('next: git add data/members/virtanen-m.yaml && git commit -m "Add member virtanen-m"');
    expect(run.code).toBe(0);
    const text = readFileSync(path.join(repo, 'data/members/virtanen-m.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/member\.schema\.json$/);
    expect(parse(text)).toEqual({ name: 'Virtanen M.', country: 'FI', category: 'embassy', organization: 'Embassy of Finland', division: 'moscow', joined: '2019-09-01' });
    expect((await club(repo, ['validate'])).code).toBe(0);
  });

  it('run from outside the data\'s repository (--data): the next step names the repository, and run where the user is, it commits the change', async () => {
    const repo = clubRepo();
    const elsewhere = testdir({});
    const shownRepo = path.relative(elsewhere, repo);
    const run = await club(elsewhere, ['--data', path.join(shownRepo, 'data'), ...ADD_VIRTANEN]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`wrote ${shownRepo}/data/members/virtanen-m.yaml\n`);
    const next = /^next: (.*)$/m.exec(run.stderr)?.[1];
    expect(next).toBe(`git -C ${shownRepo} add data/members/virtanen-m.yaml && git -C ${shownRepo} commit -m "Add member virtanen-m"`);
    // What the user would type, in the folder they are in: before, `git add ../…/data/…` was refused there (outside repository).
    const typed = spawnSync('sh', ['-c', next!], { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, ...ENV } });
    expect(typed.status, typed.stderr).toBe(0);
    expect(git(repo, 'log', '--format=%s').trim().split('\n')).toEqual(['Add member virtanen-m', 'Initial records']);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('outside a git repository: writes the file and says nothing of git (there is nothing to add)', async () => {
    const folder = clubRepo();
    rmSync(path.join(folder, '.git'), { recursive: true });
    // The folder is in no repository at all (git finds none from it), as a club kept in a plain folder is.
    expect(spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: folder, stdio: 'ignore' }).status).not.toBe(0);
    const run = await club(folder, ADD_VIRTANEN);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('wrote data/members/virtanen-m.yaml');
    expect(run.stderr).not.toContain('git');
    expect(existsSync(path.join(folder, 'data/members/virtanen-m.yaml'))).toBe(true);
  });

  it('transliterates a name typed in Cyrillic for the id and the Latin name', async () => {
    const repo = clubRepo();
    const run = await club(repo, ['add-member', '--name', 'Сидоров С.С.', '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '2019', '--no-input']);
    expect(run.code).toBe(0);
    const record = parse(readFileSync(path.join(repo, 'data/members/sidorov-s-s.yaml'), 'utf8'));
    expect(record.name).toBe('Sidorov S.S.');
    expect(record.name_native).toBe('Сидоров С.С.');
  });

  it('reads a name typed in Cyrillic (Palladius) as Pinyin for a member from China: the Latin name and id 李伟 gets', async () => {
    const repo = clubRepo();
    const add = (name: string, country: string) => club(repo, ['add-member', '--name', name, '--country', country, '--category', 'participant', '--division', 'moscow', '--joined', '2019', '--no-input']);
    const run = await add('Ли Вэй', 'CN');
    expect(run.stderr).toContain('wrote data/members/li-wei.yaml');
    expect(run.code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/members/li-wei.yaml'), 'utf8'))).toMatchObject({ name: 'Li Wei', name_native: 'Ли Вэй', country: 'CN' });
    // Any other country, or a name that is not all Palladius, keeps the transliteration.
    expect((await add('Ли Вэй', 'FR')).stderr).toContain('wrote data/members/li-vey.yaml');
    expect((await add('Сидоров С.С.', 'Китай')).stderr).toContain('wrote data/members/sidorov-s-s.yaml');
    expect(parse(readFileSync(path.join(repo, 'data/members/li-vey.yaml'), 'utf8'))).toMatchObject({ name: 'Li Vey', name_native: 'Ли Вэй', country: 'FR' });
    expect(parse(readFileSync(path.join(repo, 'data/members/sidorov-s-s.yaml'), 'utf8'))).toMatchObject({ name: 'Sidorov S.S.', country: 'CN' });
  });

  it('refuses Ли Вэй from China when 李伟 from China already has li-wei, as any taken id, with the next free one suggested', async () => {
    const repo = clubRepo();
    const add = (name: string) => club(repo, ['add-member', '--name', name, '--country', 'CN', '--category', 'participant', '--division', 'moscow', '--joined', '2019', '--no-input']);
    expect((await add('李伟')).stderr).toContain('wrote data/members/li-wei.yaml');
    const before = snapshot(repo);
    const run = await add('Ли Вэй');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('a member with the id `li-wei` already exists (Li Wei, CN); nothing was written');
    expect(run.stderr).toContain('--id li-wei-2');
    expect(snapshot(repo)).toEqual(before);
  });

  describe('refusals leave the folder byte-identical', () => {
    const cases: [string, string[], number, RegExp][] = [
      ['an invalid country', ['add-member', '--name', 'Li Wei', '--country', 'Chin', '--category', 'customs', '--division', 'moscow', '--joined', '2019-01-01', '--no-input'], 1, /did you mean `CN`/],
      ['a country that is not a member, for an embassy member', ['add-member', '--name', 'Dupont J.', '--country', 'FR', '--category', 'embassy', '--division', 'moscow', '--joined', '2019-01-01', '--no-input'], 1, /country-not-member/],
      ['an unknown division', ['add-member', '--name', 'Li Wei', '--country', 'RU', '--category', 'customs', '--division', 'kazan', '--joined', '2019-01-01', '--no-input'], 1, /unknown-reference/],
      ['missing flags without a terminal', ['add-member', '--name', 'Li Wei', '--no-input'], 2, /missing --country, --category, --division, --joined/],
      ['an impossible date', ['add-member', '--name', 'Li Wei', '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '2019-02-30', '--no-input'], 2, /--joined `2019-02-30` is not a day: there is no 30 February in 2019/],
      ['an existing member', ['add-member', '--name', 'Ivanov I.I.', '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '2019-01-01', '--no-input'], 1, /already exists.*\n.*--id ivanov-i-i-2/],
      ['an id that is not a slug', ['add-member', '--name', 'X', '--id', '../escape', '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '2019-01-01', '--no-input'], 2, /not a valid id/],
    ];
    for (const [what, args, code, message] of cases) {
      it(what, async () => {
        const repo = clubRepo();
        const before = snapshot(repo);
        const run = await club(repo, args);
        expect(run.stderr).toMatch(message);
        expect(run.code).toBe(code);
        expect(snapshot(repo)).toEqual(before);
        expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      });
    }
  });

  it('eight concurrent identical adds give exactly one file and "already exists" for the others', async () => {
    const repo = clubRepo();
    const runs = await Promise.all(Array.from({ length: 8 }, () => clubProcess(repo, ADD_VIRTANEN)));
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    const refused = runs.filter((r) => r.code !== 0);
    expect(refused).toHaveLength(7);
    for (const r of refused) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('already exists');
    }
    expect(readdirSync(path.join(repo, 'data/members')).sort()).toEqual(['ivanov-i-i.yaml', 'muller-k.yaml', 'petrov-p-p.yaml', 'virtanen-a.yaml', 'virtanen-m.yaml']);
    expect((await club(repo, ['validate'])).code).toBe(0);
  });

  it('concurrent adds of different members all land', async () => {
    const repo = clubRepo();
    const names = ['Alpha A.', 'Bravo B.', 'Charlie C.', 'Delta D.', 'Echo E.'];
    const runs = await Promise.all(names.map((n) => clubProcess(repo, ['add-member', '--name', n, '--country', 'RU', '--category', 'customs', '--division', 'moscow', '--joined', '2019-01-01', '--no-input'])));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    for (const id of ['alpha-a', 'bravo-b', 'charlie-c', 'delta-d', 'echo-e']) expect(existsSync(path.join(repo, `data/members/${id}.yaml`))).toBe(true);
    expect(readdirSync(path.join(repo, 'data')).filter((f) => f.startsWith('.'))).toEqual([]); // no lock or temp file left
  });

  it('--commit stages and commits exactly the new file in one commit', async () => {
    const repo = clubRepo();
    const run = await club(repo, [...ADD_VIRTANEN, '--commit']);
    expect(run.code).toBe(0);
    expect(git(repo, 'log', '--format=%s').trim().split('\n')).toEqual(['Add member virtanen-m', 'Initial records']);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('data/members/virtanen-m.yaml');
    expect(git(repo, 'status', '--porcelain').trim()).toBe('');
    // The hash said is the commit's (read from git commit's own summary line).
    expect(run.stderr).toContain(`committed ${git(repo, 'rev-parse', '--short', 'HEAD').trim()}: Add member virtanen-m\n`);
  });

  it('--commit of a change to files git tracks commits them (one git commit, no add); a record git does not know yet is added and committed', async () => {
    const repo = clubRepo();
    const set = await club(repo, ['set', 'petrov-p-p', 'title=Counsellor', '--commit']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain(`committed ${git(repo, 'rev-parse', '--short', 'HEAD').trim()}: Set title of petrov-p-p\n`);
    expect(git(repo, 'show', '--name-only', '--format=%s', 'HEAD').trim().split('\n')).toEqual(['Set title of petrov-p-p', '', 'data/members/petrov-p-p.yaml']);
    expect(git(repo, 'status', '--porcelain').trim()).toBe('');
    // Written without club and never committed: git commit -- <file> refuses a path it does not know; it is added, then committed.
    await import('node:fs').then((fs) => fs.writeFileSync(path.join(repo, 'data/members/dupont-j.yaml'),
      'name: Dupont J.\ncountry: FR\ncategory: embassy\ndivision: moscow\njoined: 2019-09-01\n'));
    const untracked = await club(repo, ['set', 'dupont-j', 'title=Attaché', '--commit']);
    expect(untracked.code, untracked.stderr).toBe(0);
    expect(untracked.stderr).toContain(`committed ${git(repo, 'rev-parse', '--short', 'HEAD').trim()}: Set title of dupont-j\n`);
    expect(git(repo, 'show', '--name-only', '--format=%s', 'HEAD').trim().split('\n')).toEqual(['Set title of dupont-j', '', 'data/members/dupont-j.yaml']);
    expect(git(repo, 'status', '--porcelain').trim()).toBe('');
  });

  it('--commit refuses, writing nothing, when other changes are staged', async () => {
    const repo = clubRepo({ 'notes.txt': 'x' });
    await import('node:fs').then((fs) => fs.writeFileSync(path.join(repo, 'data/notes.txt'), 'changed'));
    git(repo, 'add', 'data/notes.txt');
    const before = snapshot(repo);
    const run = await club(repo, [...ADD_VIRTANEN, '--commit']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('other changes are staged');
    expect(snapshot(repo)).toEqual(before);
    expect(git(repo, 'log', '--format=%s').trim()).toBe('Initial records');
  });
});

describe('--commit when git cannot commit', () => {
  // No identity anywhere: an empty HOME, no system config, and git told not to guess one from the host name.
  const noIdentity = (home: string) => ({
    CLUB_TODAY: '2020-01-15', HOME: home, GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.useConfigOnly', GIT_CONFIG_VALUE_0: 'true',
  });

  it('keeps the written record, leaves the index as it was, exits 3 saying so; the next --commit works', async () => {
    const repo = clubRepo();
    const home = testdir({});
    const run = await runCli([...ADD_VIRTANEN, '--commit'], { cwd: repo, env: noIdentity(home) });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('wrote data/members/virtanen-m.yaml\n');
    expect(run.stderr).toContain('club: the change is written but NOT committed: git commit failed: ');
    expect(run.stderr).toContain('; nothing was staged\n');
    expect(run.stderr).toContain('  hint: once git can commit (e.g. git config user.name and user.email), run: git add data/members/virtanen-m.yaml && git commit -m "Add member virtanen-m"\n');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // The file is there and valid; nothing is staged; no commit was made.
    expect(existsSync(path.join(repo, 'data/members/virtanen-m.yaml'))).toBe(true);
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('');
    expect(git(repo, 'status', '--porcelain').trim()).toBe('?? data/members/virtanen-m.yaml');
    expect(git(repo, 'log', '--format=%s').trim()).toBe('Initial records');

    // A change to files git already tracks (appoint edits one term, writes another) is unstaged the same way.
    const appoint = await runCli(['appoint', 'chairman', 'muller-k', '--from', '2020-01-01', '--commit'], { cwd: repo, env: noIdentity(home) });
    expect(appoint.code).toBe(3);
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('');
    expect(git(repo, 'status', '--porcelain').trimEnd().split('\n').sort()).toEqual([
      ' M data/officers/chairman-ivanov-i-i.yaml', '?? data/members/virtanen-m.yaml', '?? data/officers/chairman-muller-k.yaml',
    ]);

    // A change to tracked files only (set: no new file) is left unstaged the same way.
    const set = await runCli(['set', 'petrov-p-p', 'title=Counsellor', '--commit'], { cwd: repo, env: noIdentity(home) });
    expect(set.code).toBe(3);
    expect(set.stderr).toContain('club: the change is written but NOT committed: git commit failed: ');
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('');
    expect(git(repo, 'status', '--porcelain').trimEnd().split('\n').sort()).toEqual([
      ' M data/members/petrov-p-p.yaml', ' M data/officers/chairman-ivanov-i-i.yaml', '?? data/members/virtanen-m.yaml', '?? data/officers/chairman-muller-k.yaml',
    ]);

    // Once git has an identity, the next --commit is not refused, and commits only its own file.
    const next = await club(repo, ['add-member', '--name', 'Dupont J.', '--country', 'DE', '--category', 'embassy', '--division', 'moscow',
      '--joined', '2019-09-01', '--no-input', '--commit']);
    expect(next.stderr).not.toContain('other changes are staged');
    expect(next.code).toBe(0);
    expect(git(repo, 'show', '--name-only', '--format=%s', 'HEAD').trim().split('\n')).toEqual(['Add member dupont-j', '', 'data/members/dupont-j.yaml']);
  });

  it('a hook that refuses without a word: says git printed nothing, and gives no identity example', async () => {
    const repo = clubRepo();
    mkdirSync(path.join(repo, '.git/hooks'), { recursive: true });
    const runs = path.join(testdir({}), 'runs');
    writeFileSync(path.join(repo, '.git/hooks/pre-commit'), `#!/bin/sh\necho run >> '${runs}'\nexit 1\n`, { mode: 0o755 });
    const before = git(repo, 'log', '--format=%H');
    const run = await club(repo, ['set', 'petrov-p-p', 'title=Counsellor', '--commit']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('club: the change is written but NOT committed: git commit failed: it exited with status 1 and printed nothing; nothing was staged\n');
    expect(run.stderr).toMatch(/\n {2}hint: once git can commit, run: git add data\/members\/petrov-p-p\.yaml && git commit -m "[^"]+"\n/);
    expect(run.stderr).not.toContain('user.name');
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('');
    expect(git(repo, 'status', '--porcelain').trim()).toBe('M data/members/petrov-p-p.yaml');
    expect(git(repo, 'log', '--format=%H')).toBe(before);
    // The refusal is the answer: the commit is not tried a second way, so the hook ran once.
    expect(readFileSync(runs, 'utf8')).toBe('run\n');
  });

  it('a commit whose git prints more than a mebibyte is said as committed, with its hash', async () => {
    const repo = clubRepo();
    mkdirSync(path.join(repo, '.git/hooks'), { recursive: true });
    // A hook's output goes to git's stderr: 1.1 MiB of it, then the hook lets the commit go on.
    writeFileSync(path.join(repo, '.git/hooks/pre-commit'), "#!/bin/sh\nhead -c 1200000 /dev/zero | tr '\\0' x >&2\nexit 0\n", { mode: 0o755 });
    const run = await club(repo, ['set', 'petrov-p-p', 'title=Counsellor', '--commit']);
    expect(run.stderr).not.toContain('NOT committed');
    expect(run.code).toBe(0);
    const head = git(repo, 'rev-parse', '--short', 'HEAD').trim();
    expect(run.stderr).toContain(`committed ${head}: `);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('in a repository with no commit yet, the new file is unstaged too', async () => {
    const repo = clubRepo();
    rmSync(path.join(repo, '.git'), { recursive: true, force: true });
    git(repo, 'init', '-q', '-b', 'main');
    const run = await runCli([...ADD_VIRTANEN, '--commit'], { cwd: repo, env: noIdentity(testdir({})) });
    expect(run.code).toBe(3);
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('');
    expect(existsSync(path.join(repo, 'data/members/virtanen-m.yaml'))).toBe(true);
  });
});

describe('club appoint, leave and end-term', () => {
  const TERM = '# Elected at the meeting of 2014-12-10.\nposition: chairman\nmember: ivanov-i-i\n\n# the day after the election\nfrom: 2015-01-01\nnotes: First chairman of the division.\n';

  it('appoint ends the holder\'s term the day before, keeping comments, blank lines and key order, and writes the new term', async () => {
    const repo = clubRepo({ 'officers/chairman-ivanov-i-i.yaml': TERM });
    const run = await club(repo, ['appoint', 'chairman', 'muller-k', '--from', '2020-01-01']);
    expect(run.stderr).toContain('wrote data/officers/chairman-muller-k.yaml');
    expect(run.stderr).toContain('updated data/officers/chairman-ivanov-i-i.yaml');
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(repo, 'data/officers/chairman-ivanov-i-i.yaml'), 'utf8')).toBe(TERM.replace('from: 2015-01-01\n', 'from: 2015-01-01\nto: 2019-12-31\n'));
    expect(parse(readFileSync(path.join(repo, 'data/officers/chairman-muller-k.yaml'), 'utf8'))).toEqual({ position: 'chairman', member: 'muller-k', from: '2020-01-01' });
    expect((await club(repo, ['validate'])).code).toBe(0);
  });

  it('appoint --commit makes one commit with both files', async () => {
    const repo = clubRepo();
    const run = await club(repo, ['appoint', 'chairman', 'muller-k', '--from', '2020-01-01', '--commit']);
    expect(run.code).toBe(0);
    expect(git(repo, 'show', '--name-only', '--format=%s', 'HEAD').trim().split('\n')).toEqual([
      'Appoint muller-k chairman from 2020-01-01', '', 'data/officers/chairman-ivanov-i-i.yaml', 'data/officers/chairman-muller-k.yaml',
    ]);
  });

  it('appoint refuses a start before the current term began, an unknown position or member', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const early = await club(repo, ['appoint', 'chairman', 'muller-k', '--from', '2014-01-01']);
    expect(early.code).toBe(1);
    const position = await club(repo, ['appoint', 'chairmen', 'muller-k', '--from', '2020-01-01']);
    expect(position.code).toBe(2);
    expect(position.stderr).toContain('did you mean `chairman`?');
    const member = await club(repo, ['appoint', 'chairman', 'muller', '--from', '2020-01-01']);
    expect(member.code).toBe(2);
    expect(member.stderr).toContain('did you mean `muller-k`?');
    expect((await club(repo, ['appoint', 'chairman', 'muller-k', '--no-input'])).code).toBe(2);
    expect(snapshot(repo)).toEqual(before);
  });

  it('leave sets `left` and ends the member\'s open terms the day before', async () => {
    const repo = clubRepo();
    const run = await club(repo, ['leave', 'petrov-p-p', '--on', '2020-01-10']);
    expect(run.code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/members/petrov-p-p.yaml'), 'utf8')).left).toBe('2020-01-10');
    expect(parse(readFileSync(path.join(repo, 'data/officers/secretary-petrov-p-p.yaml'), 'utf8')).to).toBe('2020-01-09');
    const after = await club(repo, ['validate', '--format', 'json']);
    expect(JSON.parse(after.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['vacant-position']);
  });

  it('end-term closes a term', async () => {
    const repo = clubRepo();
    expect((await club(repo, ['end-term', 'secretary-petrov-p-p', '--to', '2019-12-31'])).code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/officers/secretary-petrov-p-p.yaml'), 'utf8')).to).toBe('2019-12-31');
  });
});

describe('club add-meeting and add-publication from flags', () => {
  it('writes a meeting named <date>-<city> with its agenda, and a publication about it', async () => {
    const repo = clubRepo();
    const meeting = await club(repo, ['add-meeting', '--date', '2020-03-10', '--kind', 'off-site', '--division', 'moscow', '--city', 'Pskov',
      '--region', 'Pskov Oblast', '--start', '11:00', '--end', '13:00', '--title', 'At the border',
      '--item', 'title=Border crossings; presenter=ivanov-i-i; minutes=30', '--item', 'title=Lunch; kind=break; minutes=60',
      '--guest', 'id=head-ee; name=Tamm K.; title=Head of the Board; country=EE', '--no-input']);
    expect(meeting.stderr).toContain('wrote data/meetings/2020-03-10-pskov.yaml');
    expect(meeting.code).toBe(0);
    const m = parse(readFileSync(path.join(repo, 'data/meetings/2020-03-10-pskov.yaml'), 'utf8'));
    expect(m.status).toBe('planned');
    expect(m.agenda).toEqual([{ title: 'Border crossings', presenter: 'ivanov-i-i', minutes: 30 }, { title: 'Lunch', kind: 'break', minutes: 60 }]);
    expect(m.guests).toEqual([{ id: 'head-ee', name: 'Tamm K.', title: 'Head of the Board', country: 'EE' }]);
    const publication = await club(repo, ['add-publication', '--outlet', 'customs', '--date', '2020-04', '--title', 'At the border', '--meeting', '2020-03-10-pskov', '--issue', '4', '--no-input']);
    expect(publication.code).toBe(0);
    expect(parse(readFileSync(path.join(repo, 'data/publications/customs-2020-04.yaml'), 'utf8'))).toEqual({
      title: 'At the border', outlet: 'customs', date: '2020-04', issue: 4, meetings: ['2020-03-10-pskov'],
    });
    expect((await club(repo, ['validate'])).code).toBe(0);
  });

  it('refuses a presenter who does not exist, and a malformed --item', async () => {
    const repo = clubRepo();
    const before = snapshot(repo);
    const unknown = await club(repo, ['add-meeting', '--date', '2020-03-10', '--kind', 'regular', '--division', 'moscow', '--item', 'title=X; presenter=nobody', '--no-input']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown-reference');
    const malformed = await club(repo, ['add-meeting', '--date', '2020-03-10', '--kind', 'regular', '--division', 'moscow', '--item', 'title=X; speaker=nobody', '--no-input']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('keys: title, presenter, minutes, kind, notes');
    expect(snapshot(repo)).toEqual(before);
  });
});
