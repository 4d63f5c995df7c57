import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable, terminalSafe } from '../../src/report/printable.js';
import { baseTree, member } from '../helpers/club-tree.js';
import { clubRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';
import { clubTerminals, hasTmux } from '../helpers/tmux.js';

const ESC = '\u001b';
const env = { CLUB_TODAY: '2020-01-15' };
/** Nothing that acts on a terminal: no C0 control but line feed, no DEL, no C1, no bidi or invisible character. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;
/** A line GitHub's runner would obey. */
const WORKFLOW = /^\s*::|##\[/m;

describe('the neutraliser', () => {
  it('shows controls, C1, bidi and invisible characters visibly, and forges no line', () => {
    expect(printable(`a${ESC}]0;x\u0007b`)).toBe('a␛]0;x␇b');
    expect(printable('a\u009b2Jb')).toBe('a<U+009B>2Jb');
    expect(printable('abc\u202efed')).toBe('abc<U+202E>fed');
    expect(printable('x\u2066y\u2069')).toBe('x<U+2066>y<U+2069>');
    expect(printable('a\u200bb')).toBe('a<U+200B>b');
    expect(printable('a\u2028b\r\nc\nd')).toBe('a⏎b⏎c⏎d');
    expect(printable('Müller К. 王力')).toBe('Müller К. 王力');
  });

  it('starts no workflow command, in any position GitHub reads one', () => {
    expect(printable('::error::x')).not.toMatch(WORKFLOW);
    expect(printable('  ::add-mask::x')).not.toMatch(WORKFLOW);
    expect(printable('\r::error file=a::b')).not.toMatch(WORKFLOW);
    expect(printable('text ##[error]x')).not.toMatch(WORKFLOW);
    expect(printable('a ::b')).toBe('a ::b');
    expect(terminalSafe(`ok\n ::error::x\n\u001b[31mred\u001b[0m ${ESC}[2J`, true)).toBe(`ok\n \ua789:error::x\n\u001b[31mred\u001b[0m ␛[2J`);
    expect(terminalSafe('\u001b[31mred', false)).toBe('␛[31mred');
  });
});

describe('what reaches a terminal from the data and from file names', () => {
  it('show, did-you-mean, validate and list: no escape, no bidi, no invisible character', async () => {
    const evil = `Evil${ESC}]0;owned${ESC}\\ \u202eredli\u2066 x\u200by\u2028z \u009b2J`;
    const dir = testdir({
      ...baseTree(),
      'members/ivanov-i-i.yaml': member({ name: JSON.stringify(evil) }),
      [`members/ivanov${ESC}[2J.yaml`]: member({ name: 'Escape Name' }),
    });
    const runs = [
      await runCli(['show', 'ivanov-i-i', '--data', dir], { env }),
      await runCli(['show', `ivanov${ESC}[2J`, '--data', dir], { env }),
      await runCli(['show', 'ivanov[2J', '--data', dir], { env }),
      await runCli(['validate', '--data', dir], { env }),
      await runCli(['list', 'members', '--data', dir], { env }),
    ];
    // Markdown is a document, not a terminal: no control and no bidi override, the rest is the name.
    const md = await runCli(['list', 'members', '--data', dir, '--format', 'md'], { env });
    expect(md.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    for (const run of runs) {
      expect(run.stdout, run.stdout).not.toMatch(RAW);
      expect(run.stderr, run.stderr).not.toMatch(RAW);
    }
    expect(runs[0]!.stdout).toContain('Evil␛]0;owned␛\\ <U+202E>redli<U+2066> x<U+200B>y⏎z <U+009B>2J');
    expect(runs[1]!.stdout).toContain('ivanov␛[2J.yaml');
    expect(runs[2]!.stderr).toContain('ivanov␛[2J');
    expect(runs[3]!.stderr).toContain('␛[2J');
  });

  it('agenda --next: a warning naming a meeting shows its escape sequences as text', async () => {
    const dir = testdir({
      ...baseTree(),
      'meetings/2020-02-01-moscow.yaml': `date: 2020-02-01\nkind: regular\ndivision: moscow\nstatus: planned\nstart: "10:00"\nend: "10:30"\n`
        + `title: "T\\e]0;owned\\a \\u202e"\nvenue: {name: "H\\e[2J", city: Moscow}\nagenda:\n  - {title: "Long \\e[31m", minutes: 120}\n`,
    });
    const run = await runCli(['agenda', '--next', '--data', dir], { env });
    expect(run.stderr).toContain('warning');
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stdout).not.toMatch(RAW);
  });

  it('documents carry no C1 control and no bidi override', async () => {
    const dir = testdir({ ...baseTree(), 'members/ivanov-i-i.yaml': member({ name: '"Iv\\u009b2Jan \\u202eov \\u2066I.I."' }) });
    const run = await runCli(['roster', '--data', dir], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Iv');
    expect(run.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/u);
  });
});

describe('nothing club prints from a file starts a CI workflow command', () => {
  it('roster --check: the committed file\'s lines in the diff are shown, never obeyed', async () => {
    const repo = clubRepo();
    const doc = path.join(repo, 'roster.md');
    writeFileSync(doc, `# Roster\n\r::error file=x::pwned\n::add-mask::secret\n ::warning::w\ntext ##[error]old\n${ESC}]0;title${ESC}\\\n`);
    const run = await runCli(['roster', '--check', doc], { cwd: repo, env: { ...env, CI: 'true', GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pwned');
    expect(run.stderr).toContain('secret');
    expect(run.stderr).not.toMatch(WORKFLOW);
    expect(run.stderr).not.toMatch(RAW);
  });

  it('every output format: a value with a line break and ::error stays data', async () => {
    const dir = testdir({ ...baseTree(), 'members/ivanov-i-i.yaml': `${member({})}notes: "first\\n::error::pwned\\n##[add-mask]x"\n` });
    for (const format of ['table', 'json', 'yaml', 'csv', 'md']) {
      const run = await runCli(['list', 'members', '--data', dir, '--fields', 'id,notes', '--format', format], { env: { ...env, GITHUB_ACTIONS: 'true' } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout, format).toContain('pwned');
      expect(run.stdout, format).not.toMatch(WORKFLOW);
    }
    const shown = await runCli(['show', 'ivanov-i-i', '--data', dir, '--format', 'yaml'], { env: { ...env, GITHUB_ACTIONS: 'true' } });
    expect(shown.stdout).toContain('pwned');
    expect(shown.stdout).not.toMatch(WORKFLOW);
  });

  it('--format github still writes its own workflow commands, with the data in them escaped', async () => {
    const dir = testdir({ ...baseTree(), 'members/ivanov-i-i.yaml': member({ division: '"x\\n::error::pwned"' }) });
    const run = await runCli(['validate', '--data', dir, '--format', 'github'], { env: { ...env, GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(1);
    const commands = run.stdout.split('\n').filter((l) => /^\s*::/.test(l));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c).toMatch(/^::(error|warning) file=/);
  });
});

const start = clubTerminals();

describe.skipIf(!hasTmux)('prompts are neutralised too (tmux)', () => {
  it('the appoint picker shows an OSC title sequence in a name as text and the title stays', async () => {
    const repo = clubRepo({ 'members/evil-e.yaml': member({ name: '"Evil\\e]2;PWNED\\a E."' }) });
    git(repo, 'add', '-A');
    const t = start(repo, 'appoint --from 2020-01-01');
    await t.waitFor('Position');
    await t.press('Enter');
    await t.waitFor('Member');
    await t.type('evil');
    const screen = await t.waitFor('Evil␛]2;PWNED␇ E.');
    expect(screen).toContain('Evil␛]2;PWNED␇ E.');
    const title = t.display('#{pane_title}');
    expect(title).not.toContain('PWNED');
    await t.press('C-c');
  });
});
