import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

// What a run of bin/club loads, seen in the run itself, started as a user starts it (node bin/club: Node's CommonJS
// loader, no ES-module loader unless something asks for one). A preloaded script lists, at exit, every CommonJS module
// loaded (ajv, yaml, transliteration… are CommonJS; bin/club too); NODE_DEBUG=esm has Node say each ES module it loads
// (our .build/, js-yaml…), with no loader hooks of our own (those start a second thread and the ES-module loader in
// every probe). Node's debug lines are not an API: esmSeen() checks, once per file, that they still name the ES modules
// a run loads. The bundle joins many modules into one file: .build/bundle-inputs.json names them.
const PRELOAD = 'process.on(\'exit\', () => process.stderr.write(\'\\nLOADED \' + JSON.stringify(Object.keys(require.cache)) + \'\\n\'));\n';
/** A probed run of `node <args>` (in ROOT, on 2020-01-01, no colour): what it printed, the CommonJS files and ES modules it loaded. */
function probeRun(args: string[]): { stdout: string; stderr: string; status: number | null; cjs: string[]; esm: string[] } {
  const preload = path.join(testdir({ 'list-loaded.cjs': PRELOAD }), 'list-loaded.cjs');
  const run = spawnSync(process.execPath, ['--require', preload, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CLUB_TODAY: '2020-01-01', NO_COLOR: '1', NODE_DEBUG: 'esm' } });
  const { stdout, stderr, status } = run;
  const cjs = (JSON.parse(/^LOADED (.*)$/m.exec(stderr)?.[1] ?? '[]') as string[]).filter((f) => f !== preload).map((f) => f.split(path.sep).join('/'));
  const esm = [...new Set([...stderr.matchAll(/^ESM \d+: .*?\b(file:\/\/\S+)/gm)].map((m) => m[1]!))];
  return { stdout, stderr, status, cjs, esm };
}
let esmSeenChecked = false;
/** Whether the probe sees ES modules: a CommonJS script importing a module that imports another (the probe fails loudly if Node's debug lines change). */
function esmSeen(): void {
  if (esmSeenChecked) return;
  const dir = testdir({ 'a.mjs': 'import \'./b.mjs\';\n', 'b.mjs': 'export default 1;\n' });
  const run = probeRun(['-e', `import(${JSON.stringify(pathToFileURL(path.join(dir, 'a.mjs')).href)})`]);
  expect(run.esm, `NODE_DEBUG=esm no longer names the ES modules loaded:\n${run.stderr}`).toEqual(['a.mjs', 'b.mjs'].map((f) => pathToFileURL(path.join(dir, f)).href));
  esmSeenChecked = true;
}

const ROOT_URL = pathToFileURL(ROOT).href;

/**
 * What a run of bin/club loads: the package files (node_modules/<name>/…) it loads as CommonJS and the packages
 * they belong to; the files of ours it loads as CommonJS (bin/club; not the bundle's files, which bin/club compiles
 * itself) and as ES modules (paths from the package root).
 */
type Loaded = { stdout: string; stderr: string; status: number | null; packages: Set<string>; files: string[]; ours: string[]; esm: string[] };
const loadedRuns = new Map<string, Loaded>();
/** `probe(args)`, once per file for the same arguments (two tests look at the same run of validate). */
function loaded(args: string[]): Loaded {
  const key = JSON.stringify(args);
  const known = loadedRuns.get(key);
  if (known !== undefined) return known;
  const run = probe(args);
  loadedRuns.set(key, run);
  return run;
}
function probe(args: string[]): Loaded {
  esmSeen();
  const { stdout, stderr, status, cjs, esm: urls } = probeRun([path.join(ROOT, 'bin/club'), ...args]);
  const inPackages = cjs.filter((f) => f.includes('/node_modules/')).map((f) => f.slice(f.lastIndexOf('/node_modules/') + '/node_modules/'.length));
  const root = ROOT.split(path.sep).join('/');
  const ours = cjs.filter((f) => f.startsWith(`${root}/`) && !f.includes('/node_modules/')).map((f) => f.slice(root.length + 1));
  const esm = urls.filter((url) => url.startsWith(`${ROOT_URL}/`) && !url.includes('/node_modules/')).map((url) => url.slice(ROOT_URL.length + 1));
  return { stdout, stderr, status, files: inPackages, packages: new Set(inPackages.map((f) => /^((?:@[^/]+\/)?[^/]+)/.exec(f)![1]!)), ours, esm };
}

// Start-up time is what a secretary waits for on every command: a command loads what it uses.
describe('start-up loads only what the command needs', () => {
  it('--version loads no package at all (no commander, no ajv) and nothing of ours but bin/club', () => {
    const run = loaded(['--version']);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect([...run.packages]).toEqual([]);
    expect(run.ours).toEqual(['bin/club']);
    expect(run.esm).toEqual([]);
  });
  it('validate on the shipped data loads no package: no ajv compiler (validators are compiled at build time), no yaml (every file takes the fast path), no transliteration', () => {
    const run = loaded(['validate', '--format', 'json']);
    expect(JSON.parse(run.stdout).summary.files).toBeGreaterThan(1);
    // The probe sees every CommonJS package file loaded: none. The precompiled validators' run-time helpers (ajv's
    // equal and ucs2length, ajv-formats' format checks) are inside .build/bundle/validate.cjs, never ajv's compiler.
    expect(run.files).toEqual([]);
    const inputs = JSON.parse(readFileSync(path.join(ROOT, '.build/bundle-inputs.json'), 'utf8')) as Record<string, string[]>;
    const packaged = inputs['.build/bundle/validate.cjs']!.filter((m) => m.startsWith('node_modules/') && !/^node_modules\/(commander|js-yaml)\//.test(m));
    expect(packaged.sort()).toEqual(['node_modules/ajv-formats/dist/formats.js', 'node_modules/ajv/dist/runtime/equal.js',
      'node_modules/ajv/dist/runtime/ucs2length.js', 'node_modules/fast-deep-equal/index.js']);
  });
  it('validate runs from ONE file, .build/bundle/validate.cjs, holding validate\'s modules and no other command\'s work', () => {
    const run = loaded(['validate', '--format', 'json']);
    // No ES module of ours: bin/club compiles validate.cjs itself (with V8's code cache), commander inside it.
    expect(run.esm).toEqual([]);
    expect(run.ours).toEqual(['bin/club']);
    expect(run.packages.has('commander')).toBe(false);
    const inputs = JSON.parse(readFileSync(path.join(ROOT, '.build/bundle-inputs.json'), 'utf8')) as Record<string, string[]>;
    const held = inputs['.build/bundle/validate.cjs']!;
    for (const used of ['.build/validate/check.js', '.build/cli/validate-command.js', '.build/report/json.js', '.build/validators.cjs']) expect(held, used).toContain(used);
    // Not the documents, the writers, the prompts or the other commands' work: those run from .build/bundle/commands.cjs.
    const unused = held.filter((m) => /^\.build\/(render|authoring)\//.test(m)
      || /^\.build\/cli\/(prompter|write-change|choices|list-command|show-command|document-commands)\.js$/.test(m)
      || /^node_modules\/(yaml|diff)\//.test(m));
    expect(unused).toEqual([]);
  });
  it('every other command runs from ONE file, .build/bundle/commands.cjs: no ES module of ours, and only the packages kept out of it', () => {
    const member = readdirSync(path.join(ROOT, 'data/members'))[0]!.replace(/\.yaml$/, '');
    for (const args of [['list', 'members', '--format', 'json'], ['show', member], ['roster'], ['set', member, 'title=Counsellor', '--dry-run'],
      ['add-member', '--name', 'Li Wei', '--name-native', '李伟', '--country', 'CN', '--category', 'customs', '--joined', '2020-01-01', '--division', 'moscow', '--dry-run']]) {
      const run = loaded(args);
      expect(run.stdout, args[0]).not.toBe('');
      expect(run.esm, args[0]).toEqual([]);
      expect(run.ours, args[0]).toEqual(['bin/club']);
      // commander, yaml, diff, string-width, pinyin-pro, transliteration, csv-*, the validators' helpers: inside commands.cjs.
      expect([...run.packages], args[0]).toEqual([]);
    }
    const inputs = JSON.parse(readFileSync(path.join(ROOT, '.build/bundle-inputs.json'), 'utf8')) as Record<string, string[]>;
    const held = inputs['.build/bundle/commands.cjs']!;
    for (const used of ['.build/cli/write-change.js', '.build/render/docx.js', '.build/cli/filter-checkbox.js', '.build/validators.cjs']) expect(held, used).toContain(used);
    // Kept out: loaded by bin/club's import() (chalk, the prompts) or CommonJS with native code or data files beside it.
    const packages = new Set(held.filter((m) => m.startsWith('node_modules/')).map((m) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)![1]));
    for (const outside of ['chalk', '@inquirer/prompts', 'exceljs', '@resvg/resvg-js', 'dejavu-fonts-ttf']) expect(packages.has(outside), outside).toBe(false);
    expect(held.filter((m) => m.startsWith('node_modules/ajv/')).sort()).toEqual(['node_modules/ajv/dist/runtime/equal.js', 'node_modules/ajv/dist/runtime/ucs2length.js']);
    for (const inside of ['commander', 'yaml', 'diff', 'string-width', 'pinyin-pro', 'transliteration', '@inquirer/core']) expect(packages.has(inside), inside).toBe(true);
  });
  it('the build leaves a code cache of commands.cjs for each group of commands, that this Node takes', () => {
    expect(buildCaches().commands).toEqual([true, true, true, true]);
  });
  it('the build leaves a code cache of validate.cjs that this Node takes', () => {
    expect(buildCaches().validate).toBe(true);
  });
});

/** Whether this Node takes the build's code caches: one process (bin/club's own loader, without extra flags) asks V8 for both tests above. */
let buildCachesTaken: { commands: boolean[]; validate: boolean } | undefined;
function buildCaches(): { commands: boolean[]; validate: boolean } {
  if (buildCachesTaken !== undefined) return buildCachesTaken;
  const probe = spawnSync(process.execPath, ['-e', `const { loadBundle, loadValidate } = require(${JSON.stringify(path.join(ROOT, 'bin/club'))});
    process.stdout.write(JSON.stringify({ commands: ['write', 'add', 'documents', 'query'].map((group) => loadBundle('commands', group).cached), validate: loadValidate().cached }))`],
  { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(probe.stderr).toBe('');
  return (buildCachesTaken = JSON.parse(probe.stdout) as { commands: boolean[]; validate: boolean });
}

/**
 * What the build itself answers to `args` (bin/club in ROOT, with the build's code caches, on 2020-01-01): a copy of it,
 * with or without code caches, must answer the same, byte for byte, with the same exit code. The probe's own run of the
 * same command (above: a process of the build, as a user starts it) is that answer: its stdout and exit code as they are,
 * its stderr without the probe's LOADED line (with an ES module loaded, NODE_DEBUG's lines are there too: the answers
 * then differ, and the probe tests say why). All copies run in ROOT, as the probes do, so the folder is ROOT/data.
 */
function reference(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const { stdout, stderr, status } = loaded(args);
  const loadedLine = /\nLOADED .*\n$/.exec(stderr);
  expect(loadedLine, 'the probe\'s LOADED line ends its stderr').not.toBeNull();
  return { stdout, stderr: stderr.slice(0, loadedLine!.index), status };
}

// The code cache only saves time: without one, or with one V8 refuses, validate answers the same.
describe('validate without a usable code cache', () => {
  /** A copy of the built package as npm installs it (package.json "files": bin/, .build/bundle/, schemas/; its dependencies linked), so its .build/bundle/ can be changed. */
  function packageCopy(): string {
    const copy = testdir({});
    // Not a cache being written beside it (bin/club's <cache>.<pid>.tmp, renamed away at any moment): a test running
    // the clone's club may be writing one (exceljs's, the prompts'; bin/club compileCached).
    for (const part of ['bin', '.build/bundle', 'schemas', 'package.json']) cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true, filter: (file) => !file.endsWith('.tmp') });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    return copy;
  }
  const caches = (root: string) => readdirSync(path.join(root, '.build/bundle')).filter((f) => f.endsWith('.cache'));
  const validateArgs = ['validate', '--format', 'json'];
  const validate = (root: string) => spawnSync(process.execPath, [path.join(root, 'bin/club'), ...validateArgs],
    { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CLUB_TODAY: '2020-01-01' } });
  const expected = () => reference(validateArgs);

  /**
   * The life of a new install with no cache for this Node, as the two tests below look at it: a first run that fails (no
   * data folder), one that only prints help, then a good run, whether V8 takes the cache it left, and the run after it.
   * Run once for both (one copy, one process per step); the folder's caches are listed after each step.
   */
  type Step = { stdout: string; stderr: string; status: number | null; caches: string[] };
  let newInstall: { failed: Step; help: Step; good: Step; taken: string; second: Step } | undefined;
  function install(): NonNullable<typeof newInstall> {
    if (newInstall !== undefined) return newInstall;
    const copy = packageCopy();
    for (const file of caches(copy)) rmSync(path.join(copy, '.build/bundle', file));
    const env = { PATH: process.env.PATH ?? '', CLUB_TODAY: '2020-01-01' };
    const step = (run: ReturnType<typeof validate>): Step => ({ stdout: run.stdout, stderr: run.stderr, status: run.status, caches: caches(copy) });
    const failed = step(spawnSync(process.execPath, [path.join(copy, 'bin/club'), 'validate'], { cwd: testdir({}), encoding: 'utf8', env }));
    const help = step(spawnSync(process.execPath, [path.join(copy, 'bin/club'), 'validate', '--help'], { cwd: ROOT, encoding: 'utf8', env }));
    const good = step(validate(copy));
    const taken = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(path.join(copy, 'bin/club'))}).loadValidate().cached))`], { encoding: 'utf8', env }).stdout;
    const second = step(validate(copy));
    return (newInstall = { failed, help, good, taken, second });
  }

  it('with none for this Node: the same answer, and the run leaves one for the next', () => {
    const { good, second } = install();
    const { stdout, stderr, status } = expected();
    expect([good.stdout, good.stderr, good.status]).toEqual([stdout, stderr, status]);
    expect(good.caches).toHaveLength(1);
    expect([second.stdout, second.stderr, second.status]).toEqual([stdout, stderr, status]);
    expect(second.caches).toEqual(good.caches);
  });
  // A cache holds what its run compiled, and is used from then on: one from a run that failed early or only printed
  // help holds about half of what a good run compiles (validate outside a data folder: 248 KB, not 548).
  it('a first run that fails (no data folder) or only prints help leaves none; the next good run leaves one V8 takes', () => {
    const { failed, help, good, taken } = install();
    expect(failed.stderr).toContain('data folder');
    expect(failed.status).not.toBe(0);
    expect(failed.caches).toEqual([]);
    expect([help.stdout.startsWith('Usage: club validate'), help.status]).toEqual([true, 0]);
    expect(help.caches).toEqual([]);
    const { stdout, stderr, status } = expected();
    expect([good.stdout, good.stderr, good.status]).toEqual([stdout, stderr, status]);
    expect(good.caches).toHaveLength(1);
    expect(taken).toBe('true');
  });
  it('the other commands too: with no cache for this Node the same answer, and each group\'s first run leaves its cache', () => {
    const copy = packageCopy();
    for (const file of caches(copy)) rmSync(path.join(copy, '.build/bundle', file));
    const member = readdirSync(path.join(ROOT, 'data/members'))[0]!.replace(/\.yaml$/, '');
    const club = (root: string, args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/club'), ...args],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CLUB_TODAY: '2020-01-01' } });
    for (const [args, cache] of [[['list', 'members', '--format', 'json'], 'query'], [['set', member, 'title=Counsellor', '--dry-run'], 'write']] as const) {
      for (const round of [1, 2]) {
        const run = club(copy, [...args]);
        const { stdout, stderr, status } = reference([...args]);
        expect([run.stdout, run.stderr, run.status], `${args[0]} ${round}`).toEqual([stdout, stderr, status]);
        expect(caches(copy).some((file) => file.startsWith('commands-') && file.includes(`-${cache}-`)), `${args[0]} ${round}`).toBe(true);
      }
    }
    expect(caches(copy)).toHaveLength(2);
  });
  it('with one V8 refuses (damaged, or made by another V8): the same answer, and the file is replaced (code-cache.test.ts: a cut one, and one of other flags kept)', () => {
    const copy = packageCopy();
    const cache = caches(copy).find((file) => file.startsWith('validate-') && file.includes(`-${process.version}-`));
    writeFileSync(path.join(copy, '.build/bundle', cache!), 'not a code cache');
    const run = validate(copy);
    const { stdout, stderr, status } = expected();
    expect([run.stdout, run.stderr, run.status]).toEqual([stdout, stderr, status]);
    expect(readFileSync(path.join(copy, '.build/bundle', cache!)).length).toBeGreaterThan('not a code cache'.length);
  });
  // An install this user cannot write (sudo npm i -g, run as a user; or chmod -R a-w, even for root) run by a Node
  // other than the build's: the cache goes to the user's own cache folder, never into the install.
  describe('in a read-only install', () => {
    const query = ['list', 'members', '--format', 'json'];
    /** The copy, without this Node's caches, made read-only (undone at the end of the test, so it can be removed). */
    function readOnlyCopy(): { copy: string; bundle: string; listing(): string[]; done(): void } {
      const copy = packageCopy();
      const bundle = path.join(copy, '.build/bundle');
      for (const file of caches(copy)) rmSync(path.join(bundle, file));
      chmodSync(bundle, 0o555);
      const listing = () => readdirSync(bundle).map((file) => `${file} ${statSync(path.join(bundle, file)).mtimeMs}`).sort();
      return { copy, bundle, listing, done: () => chmodSync(bundle, 0o755) };
    }
    const club = (root: string, args: string[], env: Record<string, string>) => spawnSync(process.execPath, [path.join(root, 'bin/club'), ...args],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CLUB_TODAY: '2020-01-01', ...env } });
    /** Whether bin/club of `root` compiles `group`'s part of commands.cjs with a cache V8 takes, under `env`. */
    const takesCache = (root: string, group: string, env: Record<string, string>) => spawnSync(process.execPath,
      ['-e', `process.stdout.write(String(require(${JSON.stringify(path.join(root, 'bin/club'))}).loadBundle('commands', ${JSON.stringify(group)}).cached))`],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } }).stdout;
    /**
     * takesCache for each of several $XDG_CACHE_HOME, in ONE process: bin/club reads the variable at each load, and V8
     * judges each cache it is handed on its own (checked: in one process, a cut cache, then the good one, then the good
     * one again give false, true, true).
     */
    const takesCaches = (root: string, group: string, xdgs: string[]) => JSON.parse(spawnSync(process.execPath,
      ['-e', `const { loadBundle } = require(${JSON.stringify(path.join(root, 'bin/club'))});
        process.stdout.write(JSON.stringify(${JSON.stringify(xdgs)}.map((xdg) => (process.env.XDG_CACHE_HOME = xdg, loadBundle('commands', ${JSON.stringify(group)}).cached))))`],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }).stdout) as boolean[];

    it.skipIf(process.platform === 'win32')('leaves the install unchanged, keeps the cache in $XDG_CACHE_HOME/club, and the next run takes it', () => {
      const { copy, listing, done } = readOnlyCopy();
      try {
        const before = listing();
        const xdg = testdir({});
        const env = { XDG_CACHE_HOME: xdg, HOME: testdir({}) };
        const expected = reference(query);
        const first = club(copy, query, env);
        expect([first.stdout, first.stderr, first.status]).toEqual([expected.stdout, expected.stderr, expected.status]);
        expect(listing()).toEqual(before);
        const folder = path.join(xdg, 'club');
        expect(statSync(folder).mode & 0o777).toBe(0o700);
        const kept = readdirSync(folder);
        expect(kept).toHaveLength(1);
        expect(kept[0]).toMatch(new RegExp(`^commands-[0-9a-f]+-query-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.cache$`));
        const written = statSync(path.join(folder, kept[0]!));
        expect(written.mode & 0o777).toBe(0o600);
        expect(takesCache(copy, 'query', env)).toBe('true');
        const second = club(copy, query, env);
        expect([second.stdout, second.stderr, second.status]).toEqual([first.stdout, first.stderr, first.status]);
        expect(readdirSync(folder)).toEqual(kept);
        expect(statSync(path.join(folder, kept[0]!)).mtimeMs).toBe(written.mtimeMs);
        expect(listing()).toEqual(before);
        // Without $XDG_CACHE_HOME: $HOME/.cache/club.
        const home = testdir({});
        const third = club(copy, query, { HOME: home });
        expect([third.stdout, third.stderr, third.status]).toEqual([first.stdout, first.stderr, first.status]);
        expect(readdirSync(path.join(home, '.cache/club'))).toEqual(kept);
      } finally {
        done();
      }
    });
    it.skipIf(process.platform === 'win32')('a user cache folder others can write is neither read nor written (a cache there is code others planted)', () => {
      const { copy, listing, done } = readOnlyCopy();
      try {
        const before = listing();
        const build = readdirSync(path.join(ROOT, '.build/bundle')).find((file) => file.startsWith('commands-') && file.includes(`-query-${process.version}-`))!;
        const modes = [0o770, 0o707];
        const folders = modes.map((mode) => {
          const xdg = testdir({});
          const folder = path.join(xdg, 'club');
          mkdirSync(folder);
          chmodSync(folder, mode);
          return { xdg, folder };
        });
        // The build's own cache, planted there: taken once the folder is only the user's, not before.
        for (const { folder } of folders) cpSync(path.join(ROOT, '.build/bundle', build), path.join(folder, build));
        expect(takesCaches(copy, 'query', folders.map(({ xdg }) => xdg))).toEqual([false, false]);
        const expected = reference(query);
        for (const [i, { xdg, folder }] of folders.entries()) {
          rmSync(path.join(folder, build));
          const run = club(copy, query, { XDG_CACHE_HOME: xdg });
          expect([run.stdout, run.stderr, run.status]).toEqual([expected.stdout, expected.stderr, expected.status]);
          expect(readdirSync(folder), modes[i]!.toString(8)).toEqual([]);
          expect(listing()).toEqual(before);
        }
        for (const { folder } of folders) {
          chmodSync(folder, 0o700);
          cpSync(path.join(ROOT, '.build/bundle', build), path.join(folder, build));
        }
        expect(takesCaches(copy, 'query', folders.map(({ xdg }) => xdg))).toEqual([true, true]);
      } finally {
        done();
      }
    });
  });
});

// A plain run builds only the command it names (main.ts namedCommand); `club help X` builds them all.
describe('a run that builds one command answers as the full program does', () => {
  it('every command\'s --help, and its usage errors, are the same built alone as among all the others', async () => {
    const listed = (await runCli(['__complete', ''])).stdout.trim().split('\n').filter((word) => !word.startsWith('-'));
    expect(listed).toEqual(expect.arrayContaining(['validate', 'list', 'add-member', 'completion']));
    for (const name of listed) {
      const alone = await runCli([name, '--help']);
      const amongAll = await runCli(['help', name]);
      expect(alone.code, name).toBe(0);
      expect(alone.stdout, name).toContain(`Usage: club ${name} `);
      expect(alone.stdout, name).toBe(amongAll.stdout);
      // A usage error of the command alone names it and its help, as it does among all the others.
      const bad = await runCli(['--no-input', name, '--no-such-flag']);
      expect(bad.code, name).toBe(2);
      expect(bad.stderr, name).toContain(`club ${name}`);
    }
  });
  it('global options before the command, with their values, still find it; a value is never taken for a command', async () => {
    const run = await runCli(['--data', 'data', '--as-of=2020-01-01', '--no-color', 'validate', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).asOf).toBe('2020-01-01');
    // `--data validate`: "validate" is the folder; with no command club shows its help (exit 2: a usage error).
    const valueOnly = await runCli(['--data', 'validate']);
    expect(valueOnly.stderr).toContain('Usage: club [options] [command]');
    const typo = await runCli(['--no-color', 'valdate']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean `club validate`?');
  });
});
