import { describe, expect, it } from 'vitest';
import { printable } from '../src/report/printable.js';
import { runCli } from './helpers/run-cli.js';
import { baseTree, member } from './helpers/club-tree.js';
import { testdir } from './helpers/testdir.js';

describe('terminal output of data', () => {
  it('turns control characters into visible symbols and line breaks into ⏎', () => {
    // NEL (U+0085) is a line break; other C1 controls are shown by their code point.
    expect(printable('a\u001b[2Jb\nc\u0007\u007f\u0085\u009b')).toBe('a␛[2Jb⏎c␇␡⏎<U+009B>');
  });
  it('no escape sequence from a record reaches the terminal through validate, list or show', async () => {
    const evil = 'Evil\u001b]0;pwned\u0007 \u001b[2J';
    const dir = testdir({ ...baseTree(), 'members/evil-e.yaml': `${member({ name: JSON.stringify(evil), division: 'nowhere' })}"\\e[31mkey": 1\n` });
    for (const args of [['validate'], ['list', 'members'], ['show', 'evil-e']]) {
      const run = await runCli([...args, '--data', dir, '--as-of', '2020-01-15']);
      expect(run.stdout + run.stderr, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});
