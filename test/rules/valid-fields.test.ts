import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { baseTree, MEETING, member } from '../helpers/club-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const FILE = 'meetings/2019-06-20-moscow.yaml';
const held = (text: string) => text;

// Errors do not come in rounds: the rules run on every field that passed its schema check.
describe('rules on the valid fields of a record that fails its schema', () => {
  it('a valid meeting with its attendees: clean', async () => {
    expectClean(await check({ [FILE]: held(MEETING) }));
  });
  it('`status: Held` and an unknown attendee: both, in one pass', async () => {
    const text = held(MEETING).replace('status: held', 'status: Held').replace('[ivanov-i-i,', '[nobody-x,');
    const found = await check({ [FILE]: text });
    expectOne(found, 'invalid-value', FILE, at(text, 'Held'));
    const d = expectOne(found, 'unknown-reference', FILE, at(text, 'nobody-x'));
    expect(d.message).toContain('nobody-x');
  });
  it('the failing field itself is not checked again by the rules', async () => {
    // A presenter that is not an id fails the schema; the rules must not also call it an unknown member.
    const text = held(MEETING).replace('presenter: ivanov-i-i', 'presenter: Ivanov I.I.').replace('[ivanov-i-i,', '[nobody-x,');
    const found = await check({ [FILE]: text });
    expect(found.filter((d) => d.file === FILE).map((d) => d.code).sort()).toEqual(['invalid-format', 'unknown-reference']);
    expectOne(found, 'unknown-reference', FILE, at(text, 'nobody-x'));
  });
  it('a member with an unknown field and a division that does not exist: both', async () => {
    const text = `${member({ name: 'Ivanov I.I.', division: 'atlantis' })}nickname: Vanya\n`;
    const found = await check({ 'members/ivanov-i-i.yaml': text });
    expectOne(found, 'unknown-field', 'members/ivanov-i-i.yaml', at(text, 'nickname'));
    expectOne(found, 'unknown-reference', 'members/ivanov-i-i.yaml', at(text, 'atlantis'));
  });
  it('a record missing a required field the rules need still gets the others checked, without a crash', async () => {
    const text = held(MEETING).replace('date: 2019-06-20\n', '').replace('[ivanov-i-i,', '[nobody-x,');
    const found = await check({ [FILE]: text });
    expectOne(found, 'missing-field', FILE, { line: 1, column: 1 });
    expectOne(found, 'unknown-reference', FILE, at(text, 'nobody-x'));
  });
  it('a rule says nothing of a field that is missing (no "undefined is not a member country")', async () => {
    const text = 'name: Li W.\ndivision: atlantis\n';
    const found = (await check({ 'members/li-w.yaml': text })).filter((d) => d.file === 'members/li-w.yaml');
    expect(found.map((d) => d.code).sort()).toEqual(['missing-field', 'missing-field', 'missing-field', 'unknown-reference']);
    expect(found.map((d) => d.message).join('\n')).not.toContain('undefined');
    expectOne(found, 'unknown-reference', 'members/li-w.yaml', at(text, 'atlantis'));
  });
  it('one `club validate` run shows both, exit 1', async () => {
    const text = held(MEETING).replace('status: held', 'status: Held').replace('[ivanov-i-i,', '[nobody-x,');
    const dir = testdir({ ...baseTree(), [FILE]: text });
    const run = await runCli(['validate', '--data', dir, '--format', 'json', '--as-of', '2020-01-15'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number; column: number }[] };
    const mine = report.diagnostics.filter((d) => d.file === FILE).map(({ code, line, column }) => ({ code, line, column }));
    expect(mine).toEqual([{ code: 'invalid-value', ...at(text, 'Held') }, { code: 'unknown-reference', ...at(text, 'nobody-x') }]);
  });
});
