import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../helpers/git-repo.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

// Every example of every --help is run, as a new user would type it, against a copy of the SHIPPED data/
// (a git repository of its own, so --commit works and nothing of this clone is touched). The shipped data
// has no meetings (the club's page names none), so the meeting examples all name the one meeting
// `club add-meeting --help`'s example adds, 2019-09-10-pskov: the copy gets it (and the publication
// `add-publication --help` adds about it) first; the examples about what happened at a meeting (minutes,
// decisions) run after `club record --help`'s example too. "Today" is the page's date, 2019-06-16, so the
// meeting is the next one; after the meeting it is the day after.

interface Example { command: string; line: string; args: string[][] }

/** The shell's words of a command line: spaces split, quotes (also inside a word: title="A B") group and go. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const ch of text) {
    if (quote !== undefined) { if (ch === quote) quote = undefined; else word += ch; continue; }
    if (ch === '"' || ch === "'") { quote = ch; word ??= ''; continue; }
    if (ch === ' ') { if (word !== undefined) words.push(word); word = undefined; continue; }
    word = (word ?? '') + ch;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The example lines of one help text: `$ club …` (continued by a final `\`), description cut off. */
function examplesOf(command: string, help: string): Example[] {
  const lines = help.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\$ (npx )?club /.test(lines[i]!)) continue;
    let text = lines[i]!.replace(/^\s*\$ (npx )?club /, '');
    // The description starts after two or more spaces; a line ending in `\` goes on below.
    while (/ \\$/.test(text.split(/ {2,}/)[0]!) && i + 1 < lines.length) text = `${text.split(/ {2,}/)[0]!.replace(/ \\$/, '')} ${lines[++i]!.trim()}`;
    const [cmd = '', description = ''] = text.split(/ {2,}/);
    if (/^(asks|at a terminal)/.test(description.trim())) continue; // the interactive ones: tmux tests cover them
    // `a && b` runs both; `| jq …` and `> file` are the shell's, not club's.
    const args = cmd.split(' && ').map((part) => shellWords(part.replace(/^club /, '').split(' | ')[0]!.replace(/ > \S+$/, '')));
    out.push({ command, line: lines[i]!.trim(), args });
  }
  return out;
}

let helps: { command: string; text: string }[] = [];
let template = '';

const dirs: string[] = [];
const runIn = (dir: string, args: string[], today: string) =>
  runCli(args, { cwd: dir, env: { CLUB_TODAY: today, EDITOR: 'true', VISUAL: 'true', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' } });

const example = (command: string, start: string): Example => {
  const found = helps.filter((h) => h.command === command).flatMap((h) => examplesOf(h.command, h.text)).find((e) => e.args[0]!.join(' ').startsWith(start));
  if (found === undefined) throw new Error(`no example of ${command} starts with ${start}`);
  return found;
};

async function mustRun(dir: string, ex: Example, today: string): Promise<void> {
  for (const args of ex.args) {
    const run = await runIn(dir, args, today);
    expect(run.code, `${ex.line}\n${run.stderr}`).toBe(0);
  }
}

beforeAll(async () => {
  const top = await runCli(['--help']);
  const names = top.stdout.split('\nCommands:\n')[1]!.split('\n\n')[0]!.split('\n').map((line) => line.trim().split(' ')[0]!).filter((name) => name !== 'help');
  helps = [{ command: '', text: top.stdout }];
  for (const name of names) helps.push({ command: name, text: (await runCli([name, '--help'])).stdout });
  template = mkdtempSync(path.join(tmpdir(), 'club-help-examples-'));
  cpSync(path.join(ROOT, 'data'), path.join(template, 'data'), { recursive: true });
  cpSync(path.join(ROOT, 'schemas'), path.join(template, 'schemas'), { recursive: true });
  cpSync(path.join(ROOT, '.docs'), path.join(template, '.docs'), { recursive: true });
  // The spreadsheets `club import --help` imports: one new member (written by a spreadsheet program, exceljs)
  // and one the club has, and an old CSV with a column --map names and one it ignores.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Members');
  sheet.addRow(['Name', 'Country', 'Category', 'Organization', 'Division', 'Joined']);
  sheet.addRow(['Virtanen M.', 'FI', 'embassy', 'Embassy of Finland', 'moscow', '2019-09-01']);
  sheet.addRow(['Konovalenko S.A.', 'RU', 'customs', 'Federal Customs Service of Russia', 'moscow', '2019-06-16']);
  await workbook.xlsx.writeFile(path.join(template, 'members.xlsx'));
  writeFileSync(path.join(template, 'old.csv'), 'Name,Country,Division,Joined,Тел. моб.,Хобби\nNovak P.,CZ,moscow,2019-09-01,+7 900 000-00-00,chess\n');
  git(template, 'init', '-q', '-b', 'main', '--template=');
  git(template, 'add', '-A');
  git(template, 'commit', '-q', '-m', 'The shipped data');
  packed(template);
});

/**
 * The repository's objects in one pack, not a file each: every example runs in a copy, and here a copy costs
 * about half a millisecond of system CPU per file (~100 files before, ~45 after). Same commits, refs and index.
 */
function packed(dir: string): void {
  git(dir, 'repack', '-a', '-d', '-q');
}
afterAll(() => { for (const dir of [template, ...dirs]) rmSync(dir, { recursive: true, force: true }); });

const PLANNED_TODAY = '2019-06-16';
const HELD_TODAY = '2019-10-15';
/** Commands whose examples are about a meeting that took place. */
const afterTheMeeting = (args: string[]) => ['minutes', 'done', 'report', 'record'].includes(args[0]!) || (args[0] === 'list' && args[1] === 'decisions')
  || (args[0] === 'show' && /^\d{4}-/.test(args[1] ?? ''));

/** A copy of the shipped data, with what the examples before this one add: nothing (add-meeting's own), the meeting (add-publication's), or also its publication and, after the meeting, its record. */
async function copyFor(args: string[]): Promise<string> {
  const stage = args[0] === 'add-meeting' ? 'bare' : args[0] === 'add-publication' ? 'meeting' : afterTheMeeting(args) ? 'held' : 'planned';
  let made = stages.get(stage);
  if (made === undefined) {
    made = mkdtempSync(path.join(tmpdir(), `club-help-examples-${stage}-`));
    dirs.push(made);
    cpSync(template, made, { recursive: true });
    await addUpTo(made, stage);
    packed(made);
    stages.set(stage, made);
  }
  const dir = testdir({});
  cpSync(made, dir, { recursive: true });
  return dir;
}

const stages = new Map<string, string>();

/**
 * Commands that only read, when no argument names a file to write or asks for a write: their examples share one copy
 * of their stage, and that copy is checked unchanged after each of them (a reader that wrote would fail the test and
 * leave the next reader a fresh copy); every other example gets a fresh copy of its own.
 */
const READERS = new Set(['list', 'show', 'validate', 'roster', 'agenda', 'minutes', 'report', 'calendar', 'sheet', 'plan', 'schemas', 'completion']);
const WRITES = new Set(['-o', '--output', '--write', '--commit', '--yes', '--fix']);
const onlyReads = (ex: Example) => ex.args.every((args) => READERS.has(args[0]!) && !args.some((arg) => WRITES.has(arg)));
const shared = new Map<string, string>();

/**
 * Every path under `dir` with what a write would change: kind, size, inode, modification time. Not the stat of
 * .git/index and of .git itself: git rewrites its index to refresh the file times it caches (`validate --changed`
 * asks git what changed, in a copy whose files are all newer than its index); a stage or a commit still shows, in
 * the objects and refs.
 */
function snapshot(dir: string, out = new Map<string, string>(), under = ''): Map<string, string> {
  for (const entry of readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const rel = path.join(under, entry.name);
    if (rel === '.git' || rel === path.join('.git', 'index')) {
      out.set(rel, entry.isDirectory() ? 'd' : 'f');
      if (entry.isDirectory()) snapshot(dir, out, rel);
      continue;
    }
    const st = statSync(path.join(dir, rel), { bigint: true });
    out.set(rel, `${entry.isDirectory() ? 'd' : 'f'} ${st.size} ${st.ino} ${st.mtimeNs} ${st.ctimeNs}`);
    if (entry.isDirectory()) snapshot(dir, out, rel);
  }
  return out;
}

/** What differs between two snapshots, for the failure message. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

/** The shared copy of a stage for readers, and its snapshot: made on first use, and again after a reader changed it. */
async function sharedFor(args: string[]): Promise<{ dir: string; before: Map<string, string> }> {
  const key = args[0] === 'add-meeting' ? 'bare' : args[0] === 'add-publication' ? 'meeting' : afterTheMeeting(args) ? 'held' : 'planned';
  let dir = shared.get(key);
  if (dir === undefined) {
    dir = await copyFor(args);
    shared.set(key, dir);
  }
  return { dir, before: snapshot(dir) };
}

async function addUpTo(dir: string, stage: string): Promise<void> {
  if (stage === 'bare') return;
  await mustRun(dir, { ...example('add-meeting', 'add-meeting --date'), args: [[...example('add-meeting', 'add-meeting --date').args[0]!, '--yes']] }, PLANNED_TODAY);
  if (stage === 'meeting') return;
  await mustRun(dir, { ...example('add-publication', 'add-publication'), args: [[...example('add-publication', 'add-publication').args[0]!, '--yes']] }, PLANNED_TODAY);
  if (stage === 'held') await mustRun(dir, example('record', 'record 2019-09-10-pskov --attendee'), HELD_TODAY);
}

describe('every example of every --help runs on the shipped data', () => {
  it('finds the examples (the top level and every command)', () => {
    const all = helps.flatMap((h) => examplesOf(h.command, h.text));
    expect(all.length).toBeGreaterThan(60);
    expect(all.map((e) => e.args[0]!.join(' '))).toContain('show konovalenko-s-a');
  });

  it('each exits 0 with output, and no query answers "no … match" or "no record has the id"', async () => {
    const failures: string[] = [];
    for (const ex of helps.flatMap((h) => examplesOf(h.command, h.text))) {
      if (ex.args.some((args) => args.includes('...'))) continue; // an elided line (`club add-member ... --commit`) is not a command
      const held = ex.args.some(afterTheMeeting);
      const reader = onlyReads(ex);
      const { dir, before } = reader ? await sharedFor(ex.args[0]!) : { dir: await copyFor(ex.args[0]!), before: undefined };
      for (const args of ex.args) {
        const run = await runIn(dir, args, held ? HELD_TODAY : PLANNED_TODAY);
        const said = run.stdout + run.stderr;
        // `--strict` is there to fail on warnings, and the shipped data has some (countries the page names without a representative).
        const expected = args.includes('--strict') && !args.some((arg) => arg.endsWith('.yaml')) ? 1 : 0;
        if (run.code !== expected || said.trim() === '' || /\bno \w+ match|no record has the id/.test(said)) {
          failures.push(`${ex.line}\n  → club ${args.join(' ')}: exit ${run.code}\n${said.trim().split('\n').slice(0, 4).map((l) => `    ${l}`).join('\n')}`);
        }
      }
      if (before !== undefined) {
        const writes = changed(before, snapshot(dir));
        if (writes.length > 0) {
          failures.push(`${ex.line}\n  → only reads (READERS), but changed ${writes.slice(0, 5).join(', ')}`);
          shared.clear(); // the next reader gets a fresh copy
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);
});
