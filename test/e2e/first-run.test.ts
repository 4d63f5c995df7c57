// Faults a new user met on a fresh clone, each pinned by the run that showed it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');

describe('commander\'s own errors read like club\'s usage errors', () => {
  it.each([
    [['show'], "club: missing required argument 'id'\n  hint: usage: club show [options] <id> (`club show --help` shows examples)\n"],
    [['lst', 'members'], "club: unknown command 'lst'\n  hint: did you mean `club list`? (`club --help` lists them all)\n"],
    [['list', 'members', '--frmat', 'csv'], "club: unknown option '--frmat'\n  hint: did you mean --format? (`club list --help` lists them all)\n"],
    [['add-member', '--bogus'], "club: unknown option '--bogus'\n  hint: see `club add-member --help`\n"],
    [['--bogus'], "club: unknown option '--bogus'\n  hint: see `club --help`\n"],
    [['show', 'a', 'b'], "club: too many arguments for 'show'. Expected 1 argument but got 2.\n  hint: usage: club show [options] <id> (`club show --help` shows examples)\n"],
    [['roster', '--format', 'pdf'], "club: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are md, docx.\n  hint: see `club roster --help`\n"],
  ])('club %j', async (args, stderr) => {
    const run = await runCli([...args, '--data', RICH]);
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});
