import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../helpers/git-repo.js';
import { packedTarball } from '../helpers/packed.js';
import { ROOT, runClubBytesOnce } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

/**
 * Installed once, used anywhere: the package as `npm pack` makes it, installed into a
 * temporary prefix, run in a club's data repository that is not this one, with nothing
 * of this clone on PATH.
 */
describe('the packed package, installed into a prefix', () => {
  let work = '';
  let prefix = '';
  let club = '';
  let env: Record<string, string> = {};
  const run = (args: string[], cwd: string) => execFileSync(club, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(() => {
    // Not testdir(): that is emptied after each test, and this prefix serves them all.
    work = mkdtempSync(path.join(tmpdir(), 'club-packed-'));
    const tarball = packedTarball();
    prefix = path.join(work, 'prefix');
    // Dependencies come from the npm cache that `npm ci` filled, else from the registry.
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
      { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    club = path.join(prefix, 'bin', 'club');
    // Only Node and the system: no clone, no node_modules/.bin of this repository. npm's update notifier off: in a
    // HOME with no npm cache, the first npm run (the link install) fetched npm's own registry entry (~0.2 s of CPU,
    // TLS set-up and a network request), whose answer changes nothing here.
    env = { PATH: `${path.join(prefix, 'bin')}:${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: work, npm_config_update_notifier: 'false' };
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the built tool and the schemas, not the sources or the tests', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'club');
    expect(realpathSync(club)).toBe(path.join(installed, 'bin', 'club'));
    // The tool is the bundle bin/club runs (src/build/bundle.ts), validators included; tsc's one file per module stays in the clone.
    expect(readdirSync(path.join(installed, '.build'))).toEqual(['bundle']);
    // Its files, without the clone's code caches: each serves only the build's Node version; an install writes its own on first run.
    expect(readdirSync(path.join(installed, '.build', 'bundle')).sort()).toEqual([...readdirSync(path.join(ROOT, '.build', 'bundle')).filter((f) => f.endsWith('.cjs')), 'fonts'].sort());
    // The two fonts the charts are drawn with and their licence, copied from dejavu-fonts-ttf by the build (not its 22 fonts).
    const fonts = path.join(installed, '.build', 'bundle', 'fonts');
    expect(readdirSync(fonts).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf', 'LICENSE']);
    for (const [file, from] of [['DejaVuSans.ttf', 'ttf/DejaVuSans.ttf'], ['DejaVuSans-Bold.ttf', 'ttf/DejaVuSans-Bold.ttf'], ['LICENSE', 'LICENSE']]) {
      expect(readFileSync(path.join(fonts, file!)).equals(readFileSync(path.join(ROOT, 'node_modules', 'dejavu-fonts-ttf', from!))), file).toBe(true);
    }
    expect(readdirSync(path.join(installed, 'schemas')).sort()).toEqual(readdirSync(path.join(ROOT, 'schemas')).sort());
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
    expect(existsSync(path.join(installed, 'test'))).toBe(false);
  });

  it('club --version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version'], prefix).trim()).toBe(version);
  });

  it('validates a data repository elsewhere and writes its roster, as the clone does', () => {
    const repo = testdir({});
    cpSync(path.join(ROOT, 'data'), path.join(repo, 'data'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    const sub = path.join(repo, 'data', 'members'); // found from anywhere in the repository
    // In colour when asked: chalk comes with it (.build/bundle/chalk.cjs). (Its JSON report: the npx run below.)
    const checked = spawnSync(club, ['validate', '--as-of', '2019-06-16'], { cwd: sub, env: { ...env, FORCE_COLOR: '1' }, encoding: 'utf8' });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stderr).toMatch(/\x1b\[33m.*0 errors/);
    expect(Number(/\((\d+) files checked\)/.exec(checked.stderr)?.[1])).toBeGreaterThan(1);
    // That first run left this Node's code cache of validate.cjs beside it (the installed folder is the user's to write).
    expect(readdirSync(path.join(prefix, 'lib', 'node_modules', 'club', '.build', 'bundle')).filter((f) => f.startsWith('validate-') && f.endsWith(`-${process.version}-${process.arch}.cache`))).toHaveLength(1);
    expect(run(['roster', '--as-of', '2019-06-16'], repo)).toBe(readFileSync(path.join(ROOT, '.docs', 'roster.md'), 'utf8'));
    // The schemas it checks with are its own, under the prefix, not this clone's.
    expect(run(['schemas'], repo).split('\n')[0]).toBe(path.join(prefix, 'lib', 'node_modules', 'club', 'schemas', 'defs.schema.json'));
    // A workbook, written and read back by the installed club: its .xlsx writer and reader come with it (.build/bundle/exceljs.cjs).
    run(['list', 'members', '--format', 'xlsx', '-o', 'members.xlsx'], repo);
    expect(readFileSync(path.join(repo, 'members.xlsx')).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    // exceljs.cjs is compiled with a code cache of its own, which that run left beside it (bin/club loadOwn).
    expect(readdirSync(path.join(prefix, 'lib', 'node_modules', 'club', '.build', 'bundle')).filter((f) => f.startsWith('exceljs-') && f.endsWith(`-${process.version}-${process.arch}.cache`))).toHaveLength(1);
    const members = readdirSync(path.join(repo, 'data', 'members')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    const imported = spawnSync(club, ['import', 'members', 'members.xlsx', '--dry-run', '--no-input'], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(imported.status, imported.stderr).toBe(0);
    expect(members.length).toBeGreaterThan(1);
    for (const id of members) expect(imported.stderr).toContain(`is already a member (${id})`);
  });

  it('writes a report with charts in Word, the same bytes as the clone: the PNG drawer and its fonts are installed with it', async () => {
    const out = path.join(testdir({}), 'report.docx');
    const args = ['report', '--year', '2019', '--format', 'docx', '--data', path.join(ROOT, 'test/fixtures/rich/data'), '--as-of', '2019-12-31'];
    run([...args, '-o', out], prefix);
    // The clone's bin/club, run once in this worker for these arguments (test/render/docx-charts runs the same).
    const clone = await runClubBytesOnce(args);
    expect(clone.code).toBe(0);
    expect(readFileSync(out).equals(clone.stdout)).toBe(true);
  });

  it('brings docx inside its bundle, not as a package: no dependency that declares a newer Node than 20.19', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'club');
    // docx 9.15 needs nanoid 6 (Node ^22 || ^24); an npm override reaches only this clone's install, not a user's.
    expect(existsSync(path.join(installed, 'node_modules', 'docx'))).toBe(false);
    expect(existsSync(path.join(installed, 'node_modules', 'nanoid'))).toBe(false);
    const { dependencies } = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies)).not.toContain('docx');
  });

  it('installs only the packages it loads at run time: exceljs, the prompts, chalk, yaml, transliteration, ajv and what they pull in are in its bundle, the fonts beside it', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'club');
    const { dependencies } = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const joined of ['exceljs', '@inquirer/prompts', 'chalk', 'commander', 'js-yaml', 'pinyin-pro', 'string-width', 'yaml', 'transliteration', 'ajv', 'ajv-formats', 'dejavu-fonts-ttf']) expect(Object.keys(dependencies)).not.toContain(joined);
    for (const pulled of ['exceljs', 'archiver', 'unzipper', 'jszip', 'es-abstract', '@inquirer', 'chalk', 'iconv-lite', 'yaml', 'transliteration', 'ajv', 'ajv-formats', 'fast-uri', 'dejavu-fonts-ttf']) {
      expect(existsSync(path.join(installed, 'node_modules', pulled)), pulled).toBe(false);
    }
    for (const own of ['exceljs.cjs', 'prompts.cjs', 'chalk.cjs', 'ajv.cjs']) expect(existsSync(path.join(installed, '.build', 'bundle', own)), own).toBe(true);
    // The prompts load with what the install holds (the prompts themselves run in a terminal: test/e2e/interactive*).
    // Through bin/club's loader (the file is written inside CommonJS's function, for its code cache: bundle.ts OWN_FILES).
    const prompts = execFileSync(process.execPath, ['-p', `Object.keys(require(${JSON.stringify(path.join(installed, 'bin', 'club'))}).loadOwn('prompts').exports).sort().join(' ')`],
      { cwd: work, env, encoding: 'utf8' });
    expect(prompts.trim().split(' ')).toEqual(expect.arrayContaining(['checkbox', 'confirm', 'input', 'select']));
  });

  it('init without --install-from: the new repository installs this club by linking it, and the installed club still runs', () => {
    const parent = testdir({});
    run(['init', 'beijing', '--name', 'Club of Customs Diplomats', '--founded', '2009', '--country', 'CN', '--city', 'Beijing',
      '--timezone', 'Asia/Shanghai', '--no-input'], parent);
    const repo = path.join(parent, 'beijing');
    // The workflow's install step, as written: npm links the installed club's folder (file:…), and runs its prepare,
    // which used to delete the installed .build and fail on the missing tsc, breaking the installed club too.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(run(['--version'], prefix).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const checked = execFileSync('npx', ['--no', 'club', 'validate', '--format', 'json'], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect((JSON.parse(checked) as { summary: { errors: number } }).summary.errors).toBe(0);
    // Records and editor settings name the repository's own schemas/, not the prefix only this machine has.
    run(['add-member', '--name', 'Li Wei', '--country', 'CN', '--category', 'customs', '--division', 'beijing', '--joined', '2009', '--no-input'], repo);
    for (const [file, schema] of [['data/club.yaml', '../schemas/club.schema.json'], ['data/members/li-wei.yaml', '../../schemas/member.schema.json']] as const) {
      const named = readFileSync(path.join(repo, file), 'utf8').split('\n')[0];
      expect(named).toBe(`# yaml-language-server: $schema=${schema}`);
      expect(existsSync(path.resolve(repo, path.dirname(file), schema)), file).toBe(true);
    }
    expect(readFileSync(path.join(repo, '.vscode/settings.json'), 'utf8')).not.toContain(prefix);
  });

  it('its completion script calls the installed club, with no club on PATH', () => {
    const script = run(['completion', 'bash'], prefix);
    const out = execFileSync('/bin/bash', ['-c', `${script}\ncommand -v club && exit 9\nCOMP_WORDS=(club list me); COMP_CWORD=2; _club_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { cwd: prefix, encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(out.trim().split('\n')).toEqual(['meetings', 'members']);
  });
});
