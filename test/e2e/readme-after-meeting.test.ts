import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from '../helpers/git-repo.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

interface Example {
  args: string[];
  /** The lines the README says it prints. */
  printed: string[];
}

/** Splits a shell command line as sh would for the quoting the README uses: '…', "…", and a trailing # comment. */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** The `$ npx club …` commands of the README's console blocks in one section, with what each is shown printing. */
function examplesOf(readme: string, heading: string): Example[] {
  const start = readme.indexOf(heading);
  const section = readme.slice(start, readme.indexOf('\n### ', start + heading.length));
  const out: Example[] = [];
  for (const block of section.matchAll(/```console\n([\s\S]*?)```/g)) {
    const lines = block[1]!.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('$ npx club ')) {
        out.at(-1)?.printed.push(lines[i]!);
        continue;
      }
      let command = lines[i]!.slice('$ npx club '.length);
      while (command.endsWith('\\')) command = `${command.slice(0, -1)} ${lines[++i]!.trim()}`;
      out.push({ args: words(command), printed: [] });
    }
  }
  return out;
}

describe('README: the after-the-meeting worked example is true', () => {
  it('every command of it, run on a git clone of the shipped data/, exits 0 and prints the lines the README shows', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const examples = examplesOf(readme, '### After the meeting');
    // The interactive one (no flags: a terminal asks) is shown, not run.
    const run = examples.filter((e) => e.args.length > 2);
    expect(run.map((e) => e.args.slice(0, 2).join(' '))).toEqual([
      'add-meeting --date', 'add-meeting --date', 'add-meeting --date', 'add-publication --outlet',
      'record 2019-09-10-pskov', 'minutes 2019-09-10-pskov', 'cancel 2019-11-12-moscow', 'reschedule 2019-06-18-moscow',
    ]);
    const repo = testdir({});
    cpSync(path.join(ROOT, 'data'), path.join(repo, 'data'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'The shipped data');

    for (const e of run) {
      const r = await runCli(e.args, { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
      expect(r.code, `${e.args.join(' ')}\n${r.stderr}`).toBe(0);
      // What the README shows it printing, but for commit hashes.
      const printed = e.printed.filter((l) => l.trim() !== '').map((l) => l.replace(/^committed [0-9a-f]+:/, 'committed HASH:'));
      const stderr = r.stderr.replace(/^committed [0-9a-f]+:/gm, 'committed HASH:');
      for (const line of printed) expect(stderr, e.args.join(' ')).toContain(`${line}\n`);
    }

    const read = (file: string) => parse(readFileSync(path.join(repo, 'data', file), 'utf8'));
    expect(read('meetings/2019-09-10-pskov.yaml')).toMatchObject({
      status: 'held', started: '11:05', ended: '13:20', attendees: ['vasiltsov-d-v'], apologies: ['konovalenko-s-a'],
    });
    expect(read('meetings/2019-11-12-moscow.yaml')).toMatchObject({ status: 'cancelled', cancel_reason: 'The FCS hall is closed for repairs.' });
    expect(existsSync(path.join(repo, 'data/meetings/2019-06-18-moscow.yaml'))).toBe(false);
    expect(read('meetings/2019-06-25-moscow.yaml').moved_from).toEqual([{ date: '2019-06-18', id: '2019-06-18-moscow' }]);
    expect(read('publications/customs-2019-06.yaml').meetings).toEqual(['2019-06-25-moscow']);
    expect(readFileSync(path.join(repo, '2019-09-10-pskov.md'), 'utf8')).toContain('Send the minutes to the Estonian Board');
    // One commit per --commit, and the folder valid at the end.
    expect(git(repo, 'log', '--format=%s').trim().split('\n')).toHaveLength(1 + run.filter((e) => e.args.includes('--commit')).length);
    const v = await runCli(['validate', '--format', 'json'], { cwd: repo, env: { CLUB_TODAY: '2020-01-15' } });
    expect(JSON.parse(v.stdout).summary.errors, v.stdout).toBe(0);
  });
});
