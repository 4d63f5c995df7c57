import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, snapshot } from '../helpers/git-repo.js';
import { ROOT, runCli, runClub } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';
import { baseTree } from '../helpers/club-tree.js';

const BEIJING = ['init', 'beijing', '--name', 'Club of Customs Diplomats', '--founded', '2009', '--country', 'CN', '--city', 'Beijing', '--timezone', 'Asia/Shanghai', '--no-input'];

describe('club init', () => {
  it('makes a data folder that validates, with the workflow and the editor settings', async () => {
    const dir = testdir({});
    const run = await runClub(BEIJING, { cwd: dir });
    expect(run.code).toBe(0);
    const repo = path.join(dir, 'beijing');
    for (const f of ['data/club.yaml', 'data/members/.gitkeep', 'data/officers/.gitkeep', 'data/meetings/.gitkeep', 'data/publications/.gitkeep',
      'package.json', '.gitignore', '.github/workflows/validate-data.yml', '.vscode/settings.json']) {
      expect(existsSync(path.join(repo, f)), f).toBe(true);
    }
    const club = parse(readFileSync(path.join(repo, 'data/club.yaml'), 'utf8'));
    expect(club).toMatchObject({ name: 'Club of Customs Diplomats', founded: '2009', timezone: 'Asia/Shanghai', member_countries: [{ country: 'CN', since: '2009' }] });
    const check = await runCli(['validate', '--format', 'json'], { cwd: repo });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).summary.errors).toBe(0);
    const settings = JSON.parse(readFileSync(path.join(repo, '.vscode/settings.json'), 'utf8'));
    expect(Object.values(settings['yaml.schemas'])).toEqual(['data/club.yaml', 'data/members/*.yaml', 'data/officers/*.yaml', 'data/meetings/*.yaml', 'data/publications/*.yaml']);
    const workflow = parse(readFileSync(path.join(repo, '.github/workflows/validate-data.yml'), 'utf8'));
    expect(workflow.jobs.validate.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(['npm install --no-audit --no-fund', 'npx --no club validate --format github']);
    // A hung step (a hostile file, a stuck install) fails within minutes, not after GitHub's six hours.
    expect(workflow.jobs.validate['timeout-minutes']).toBe(15);
    // A pull request that touches only what validate reads (a record, a schema copy made by `club schemas --write`,
    // the club it installs, the workflow) is checked, on pull requests and pushes alike, as in club's own workflow.
    const covered = (paths: string[], file: string) => paths.some((glob) => (glob.endsWith('/**') ? file.startsWith(glob.slice(0, -2)) : file === glob));
    for (const trigger of ['pull_request', 'push']) {
      for (const file of ['data/club.yaml', 'data/members/x.yaml', 'schemas/member.schema.json', 'package.json', 'package-lock.json', '.github/workflows/validate-data.yml']) {
        expect(covered(workflow.on[trigger].paths as string[], file), `${trigger}: ${file}`).toBe(true);
      }
    }
    // The workflow installs club from package.json: by default this very club, by its folder.
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ club: `file:${ROOT}` });
    // npm 11 approves club's prepare by this key (what `npm install-scripts approve club` writes, absolute), so
    // `npm install` prints no 'install scripts not yet covered by allowScripts' warning.
    expect(pkg.allowScripts).toEqual({ [`file:${ROOT}`]: true });
    expect(run.stderr).toContain(`installs club from file:${ROOT}, which only this machine has`);
    expect(readFileSync(path.join(repo, '.gitignore'), 'utf8')).toBe('node_modules/\n.club.lock\n.club.lock.*\n');
    // A lock a killed writer left (and its claim file) stays out of git status; a left journal does not (a change was cut short).
    git(repo, 'init', '-q');
    writeFileSync(path.join(repo, 'data/.club.lock'), '123 456');
    writeFileSync(path.join(repo, 'data/.club.lock.123.abcdef01'), '');
    writeFileSync(path.join(repo, 'data/.club-journal'), '');
    const untracked = git(repo, 'status', '--porcelain', '--untracked-files=all', 'data').split('\n').filter((l) => l.startsWith('?? data/.club'));
    expect(untracked).toEqual(['?? data/.club-journal']);
    // club finds data/ at the top of a git repository: the new folder is not one yet, so the next step says to make it one.
    expect(run.stderr).toContain('next: cd beijing && git init, then add the chairman');
  });

  it('the repository carries its own schemas: records and editor settings name them by relative path, on any machine', async () => {
    const dir = testdir({});
    expect((await runCli(BEIJING, { cwd: dir })).code).toBe(0);
    const repo = path.join(dir, 'beijing');
    for (const name of readdirSync(path.join(ROOT, 'schemas'))) {
      expect(readFileSync(path.join(repo, 'schemas', name), 'utf8'), name).toBe(readFileSync(path.join(ROOT, 'schemas', name), 'utf8'));
    }
    const added = await runCli(['add-member', '--name', 'Li Wei', '--country', 'CN', '--category', 'customs', '--division', 'beijing', '--joined', '2009', '--no-input'], { cwd: repo });
    expect(added.code).toBe(0);
    const first = (file: string) => readFileSync(path.join(repo, file), 'utf8').split('\n')[0];
    expect(first('data/club.yaml')).toBe('# yaml-language-server: $schema=../schemas/club.schema.json');
    expect(first('data/members/li-wei.yaml')).toBe('# yaml-language-server: $schema=../../schemas/member.schema.json');
    const settings = JSON.parse(readFileSync(path.join(repo, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    expect(Object.keys(settings['yaml.schemas'])).toEqual(['./schemas/club.schema.json', './schemas/member.schema.json', './schemas/officer.schema.json',
      './schemas/meeting.schema.json', './schemas/publication.schema.json']);
    expect(JSON.stringify(settings)).not.toContain(ROOT);
  });

  it('package.json\'s allowScripts names club the way npm matches each kind of spec; a relative path is made relative to the new repository', async () => {
    const made = async (from: string) => {
      const dir = testdir({});
      const run = await runCli([...BEIJING, '--install-from', from], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      return { pkg: JSON.parse(readFileSync(path.join(dir, 'beijing/package.json'), 'utf8')) as { dependencies: object; allowScripts?: object }, stderr: run.stderr };
    };
    // git: without the committish (a key with one matches only a commit hash that starts with it, not a tag).
    expect((await made('github:OWNER/club#v1.0.0')).pkg).toMatchObject({ dependencies: { club: 'github:OWNER/club#v1.0.0' }, allowScripts: { 'github:OWNER/club': true } });
    expect((await made('git+https://git.example.org/club.git#main')).pkg.allowScripts).toEqual({ 'git+https://git.example.org/club.git': true });
    // A tarball URL by itself; a registry spec needs none (npm runs no prepare of a registry package).
    expect((await made('https://example.org/club-1.0.0.tgz')).pkg.allowScripts).toEqual({ 'https://example.org/club-1.0.0.tgz': true });
    const registry = await made('club@^1.0.0');
    expect(registry.pkg.dependencies).toEqual({ club: 'club@^1.0.0' });
    expect(registry.pkg.allowScripts).toBeUndefined();
    // A tarball named from where club init runs (beside the new folder): from the repository it is one folder up,
    // which no clone has, and club init says so.
    const beside = await made('./club-1.0.0.tgz');
    expect(beside.pkg).toMatchObject({ dependencies: { club: 'file:../club-1.0.0.tgz' }, allowScripts: { 'file:../club-1.0.0.tgz': true } });
    expect(beside.stderr).toContain('note: package.json installs club from file:../club-1.0.0.tgz, which only this machine has');
    const inside = await made('file:beijing/vendor/club-1.0.0.tgz');
    expect(inside.pkg).toMatchObject({ dependencies: { club: 'file:vendor/club-1.0.0.tgz' }, allowScripts: { 'file:vendor/club-1.0.0.tgz': true } });
    expect(inside.stderr).not.toContain('note: package.json');
    expect((await made('/opt/club-1.0.0.tgz')).pkg.allowScripts).toEqual({ '/opt/club-1.0.0.tgz': true });
  });

  it('an older repository without a copy keeps working, and club schemas --write gives it one that new records name', async () => {
    const repo = testdir(Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])));
    const add = (name: string) => runCli(['add-member', '--name', name, '--country', 'FI', '--category', 'embassy', '--division', 'moscow', '--joined', '2019', '--no-input'], { cwd: repo });
    const old = await add('Old O.');
    expect(old.code).toBe(0);
    // The record names the installed club's schemas (only this machine has them): one line says so and what to do.
    expect(readFileSync(path.join(repo, 'data/members/old-o.yaml'), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${path.relative(path.join(repo, 'data/members'), path.join(ROOT, 'schemas/member.schema.json'))}`);
    expect(old.stderr.split('\n').filter((l) => l.startsWith('note: '))).toEqual([
      "note: this data folder has no schemas/ copy beside it, so new records name the installed club's schemas, which only this machine has; run `club schemas --write` so records name schemas every clone has"]);
    expect((await runCli(['validate'], { cwd: repo })).code).toBe(0);
    // club schemas lists the files records name: here the installed club's, and it says so.
    const listed = await runCli(['schemas'], { cwd: repo });
    expect(listed.stdout.split('\n')).toContain(path.join(ROOT, 'schemas', 'member.schema.json'));
    expect(listed.stderr).toContain('note: this data folder has no schemas/ copy beside it');
    const write = await runCli(['schemas', '--write'], { cwd: repo });
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('wrote schemas/member.schema.json');
    expect(readdirSync(path.join(repo, 'schemas')).sort()).toEqual(readdirSync(path.join(ROOT, 'schemas')).sort());
    // Now it lists the repository's copy, with no note.
    const copied = await runCli(['schemas'], { cwd: repo });
    expect(copied.stdout.split('\n')).toContain(path.join(repo, 'schemas', 'member.schema.json'));
    expect(copied.stderr).toBe('');
    // A locally edited schema is not replaced silently; the others are said to be unchanged.
    writeFileSync(path.join(repo, 'schemas/member.schema.json'), '{}\n');
    const again = await runCli(['schemas', '--write'], { cwd: repo });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("replaced schemas/member.schema.json (it differed from club's)\n");
    expect(again.stderr).toContain('unchanged schemas/club.schema.json\n');
    expect(again.stderr).not.toContain('wrote ');
    expect(readFileSync(path.join(repo, 'schemas/member.schema.json'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'schemas/member.schema.json'), 'utf8'));
    expect((await runCli(['schemas', '--help'])).stdout.replace(/\s+/g, ' ')).toContain("the repository's copy (schemas/ beside the data folder) when it has one");
    const added = await add('New N.');
    expect(added.code).toBe(0);
    expect(added.stderr).not.toContain('note: ');
    expect(readFileSync(path.join(repo, 'data/members/new-n.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/member.schema.json');
    expect(Object.keys((JSON.parse((await runCli(['schemas', '--editor'], { cwd: repo })).stdout) as { 'yaml.schemas': object })['yaml.schemas'])[1]).toBe('./schemas/member.schema.json');
    expect((await runCli(['validate'], { cwd: repo })).code).toBe(0);
    // In club's own clone the schemas beside data/ are the package's: nothing is copied over them.
    const own = await runCli(['schemas', '--write']);
    expect(own.stderr).toBe("schemas are club's own schemas; nothing to copy\n");
    expect(own.code).toBe(0);
  });

  it('in a folder that is already a git repository, the next step is the records themselves', async () => {
    const repo = testdir({});
    git(repo, 'init', '-q', '-b', 'main');
    const run = await runCli(BEIJING.filter((a) => a !== 'beijing'), { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('next: add the chairman and the secretary with club add-member and club appoint, then git add and commit\n');
    expect((await runCli(['validate'], { cwd: path.join(repo, 'data', 'members') })).code).toBe(0);
  });

  it('a club made inside another repository that has data/ is the one club finds from its own folder', async () => {
    const outer = testdir(Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])));
    git(outer, 'init', '-q', '-b', 'main');
    expect((await runCli(BEIJING, { cwd: outer })).code).toBe(0);
    const inner = path.join(outer, 'beijing');
    for (const cwd of [inner, path.join(inner, 'data', 'members')]) {
      const check = await runCli(['validate', '--format', 'json'], { cwd });
      expect(check.code).toBe(0);
      expect(JSON.parse(check.stdout).summary.files, cwd).toBe(1); // beijing's club.yaml, not the outer club's records
    }
    const added = await runCli(['add-member', '--name', 'Li Wei', '--country', 'CN', '--category', 'customs', '--division', 'beijing', '--joined', '2009', '--no-input'], { cwd: inner });
    expect(added.code).toBe(0);
    expect(existsSync(path.join(inner, 'data/members/li-wei.yaml'))).toBe(true);
    expect(existsSync(path.join(outer, 'data/members/li-wei.yaml'))).toBe(false);
    // The outer repository's own folders still find its data/.
    const outside = await runCli(['validate', '--format', 'json'], { cwd: path.join(outer, 'data', 'members') });
    expect(JSON.parse(outside.stdout).summary.files).toBe(Object.keys(baseTree()).filter((k) => k.endsWith('.yaml')).length);
  });

  it('refuses to overwrite an existing club, writing nothing', async () => {
    const dir = testdir({});
    expect((await runCli(BEIJING, { cwd: dir })).code).toBe(0);
    const before = snapshot(dir);
    const again = await runCli(BEIJING, { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(snapshot(dir)).toEqual(before);
  });

  it('names every missing flag with --no-input, and refuses bad values, writing nothing', async () => {
    const dir = testdir({});
    const missing = await runCli(['init', 'x', '--name', 'X', '--no-input'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --founded, --country, --city');
    expect((await runCli(['init', 'x', '--name', 'X', '--founded', '2009', '--country', 'ZZ', '--city', 'Y', '--no-input'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['init', 'x', '--name', 'X', '--founded', '2009', '--country', 'CN', '--city', 'Y', '--timezone', 'Mars/Olympus', '--no-input'], { cwd: dir })).code).toBe(2);
    expect(snapshot(dir)).toEqual({});
  });
});

describe('club init: the time zone', () => {
  // The README's example, without --timezone, on a machine whose zone is UTC.
  const README = ['init', 'beijing', '--name', 'Club of Customs Diplomats', '--founded', '2009', '--country', 'CN', '--city', 'Beijing', '--no-input'];

  it('without --timezone: the country\'s zone (CN: Asia/Shanghai), never the machine\'s, and says which and how to change it', async () => {
    const dir = testdir({});
    const run = await runCli(README, { cwd: dir, env: { TZ: 'UTC' } });
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(path.join(dir, 'beijing/data/club.yaml'), 'utf8');
    expect(parse(text).timezone).toBe('Asia/Shanghai');
    expect(text).not.toContain('UTC');
    expect(run.stderr).toContain('timezone: Asia/Shanghai (the time zone of CN) in beijing/data/club.yaml: meeting times and calendar invitations use it; '
      + 'to change it, run in beijing: club set club timezone=ZONE\n');
    // And the way it names works.
    const set = await runCli(['set', 'club', 'timezone=Europe/Moscow', '--no-input'], { cwd: path.join(dir, 'beijing') });
    expect(set.code, set.stderr).toBe(0);
    expect(parse(readFileSync(path.join(dir, 'beijing/data/club.yaml'), 'utf8')).timezone).toBe('Europe/Moscow');
  });

  it('with --timezone: that zone, and says so', async () => {
    const dir = testdir({});
    const run = await runCli(BEIJING, { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('timezone: Asia/Shanghai (as given) in beijing/data/club.yaml');
  });

  for (const country of ['RU', 'US']) {
    it(`a country of several time zones (${country}) without --timezone: not guessed, exit 2 naming its zones, nothing written`, async () => {
      const dir = testdir({});
      const run = await runCli(['init', 'x', '--name', 'X', '--founded', '2009', '--country', country, '--city', 'Y', '--no-input'], { cwd: dir, env: { TZ: 'UTC' } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`club: missing --timezone: ${country} has several time zones (`);
      expect(run.stderr).toContain(country === 'RU' ? 'hint: e.g. --timezone Europe/Moscow' : 'hint: e.g. --timezone America/');
      expect(snapshot(dir)).toEqual({});
    });
  }
});

describe('club schemas --editor', () => {
  it('prints the yaml-language-server mapping for the data folder', async () => {
    const run = await runCli(['schemas', '--editor']);
    expect(JSON.parse(run.stdout)['yaml.schemas']).toEqual({
      './schemas/club.schema.json': 'data/club.yaml',
      './schemas/member.schema.json': 'data/members/*.yaml',
      './schemas/officer.schema.json': 'data/officers/*.yaml',
      './schemas/meeting.schema.json': 'data/meetings/*.yaml',
      './schemas/publication.schema.json': 'data/publications/*.yaml',
    });
    expect(readFileSync(path.join(import.meta.dirname, '../../.vscode/settings.json'), 'utf8')).toBe(run.stdout);
  });
});
