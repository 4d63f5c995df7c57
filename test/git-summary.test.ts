import { describe, expect, it } from 'vitest';
import { summaryHash } from '../src/store/git.js';

// git commit's first line of output, from which --commit takes the hash it prints (else it asks git rev-parse).
describe('summaryHash: the hash in git commit\'s summary line', () => {
  it('reads it on a branch, for a first commit, on a detached HEAD, in another language', () => {
    expect(summaryHash('[main 1a2b3c4] Add member li-wei\n 1 file changed, 9 insertions(+)\n', 'Add member li-wei')).toBe('1a2b3c4');
    expect(summaryHash('[main (root-commit) 0f9e8d7] Add member li-wei\n', 'Add member li-wei')).toBe('0f9e8d7');
    expect(summaryHash('[detached HEAD abcdef012345] Set title of li-wei\n', 'Set title of li-wei')).toBe('abcdef012345');
    expect(summaryHash('[losgelöster HEAD 1a2b3c4] Set title of li-wei\n', 'Set title of li-wei')).toBe('1a2b3c4');
    // A branch name may hold `]`; the subject may hold what looks like a hash.
    expect(summaryHash('[fix]x 1a2b3c4] Cancel the meeting: hall [room 12345] closed\n', 'Cancel the meeting: hall [room 12345] closed')).toBe('1a2b3c4');
  });

  it('says nothing when the line is not the summary of this message', () => {
    expect(summaryHash('', 'Add member li-wei')).toBeUndefined();
    expect(summaryHash('[main 1a2b3c4] Add member li-wei\n', 'Add member wang-li')).toBeUndefined();
    expect(summaryHash('hook says hello\n[main 1a2b3c4] Add member li-wei\n', 'Add member li-wei')).toBeUndefined();
    expect(summaryHash('[main zzzzzzz] Add member li-wei\n', 'Add member li-wei')).toBeUndefined();
  });
});
